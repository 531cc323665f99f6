import { Resvg } from "@resvg/resvg-js";

/** PNG width in pixels: twice the SVG's, sharp on high-density screens and in print. */
export const PNG_WIDTH = 1920;

/**
 * A map's SVG as a PNG (resvg: a Rust renderer shipped prebuilt in its npm package). Its texts
 * need a system font: DejaVu Sans (Debian's fonts-dejavu-core), or any sans-serif font present.
 */
export function svgToPng(svg: string): Buffer {
  return new Resvg(svg, { fitTo: { mode: "width", value: PNG_WIDTH }, font: { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans" } }).render().asPng();
}
