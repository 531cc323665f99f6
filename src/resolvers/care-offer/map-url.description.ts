/** Description of the `mapUrl` fields (Measure, ProfessionalStat): one text for both. */
export const MAP_URL_DESCRIPTION =
  "Address of a map of France showing this figure for every département (same producer and vintage), as an SVG image; " +
  "the same address ending in .png instead of .svg gives a PNG image. Relative to the API's address, e.g. " +
  "http://localhost:4000/maps/departements.svg?measure=gpDensity. Null when no such map exists.";
