/** @mapbox/geojson-rewind ships no types: `rewind(geojson, clockwise)` reorients rings in place and returns its argument. */
declare module "@mapbox/geojson-rewind" {
  function rewind<T>(geojson: T, clockwise?: boolean): T;
  export = rewind;
}
