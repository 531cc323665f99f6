/**
 * A map's SVG, rebuilt element by element from a whitelist before it enters the page: the API's
 * maps have no script, style or external reference, and this makes sure nothing else could ever
 * run or load (no <script>, <foreignObject>, <use>, <a>, no `on*`, `style` or `href` attribute,
 * no `url()` but the maps' own hatching patterns).
 */
const SVG_NS = "http://www.w3.org/2000/svg";

const ELEMENTS = new Set(["svg", "g", "path", "title", "desc", "defs", "pattern", "rect", "line", "text", "tspan", "circle", "ellipse", "polygon", "polyline"]);

const ATTRIBUTES = new Set([
  "viewBox", "d", "x", "y", "x1", "y1", "x2", "y2", "dx", "dy", "cx", "cy", "r", "rx", "ry", "width", "height", "points", "transform",
  "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-opacity", "stroke-dasharray", "stroke-linejoin", "stroke-linecap", "opacity",
  "font-family", "font-size", "font-weight", "font-style", "text-anchor", "dominant-baseline", "letter-spacing",
  "class", "role", "lang", "id", "patternUnits", "patternTransform", "preserveAspectRatio", "vector-effect", "paint-order",
]);

/** Only the maps' own pattern ids (`ts-map-hatch-<status>`) may be defined or referred to. */
const OWN_ID = /^ts-map-[a-z0-9-]+$/i;
const OWN_URL = /^url\(#ts-map-[a-z0-9-]+\)$/i;

function allowed(name: string, value: string): boolean {
  if (name.startsWith("data-") || name.startsWith("aria-")) return true;
  if (!ATTRIBUTES.has(name)) return false;
  if (name === "id") return OWN_ID.test(value);
  if (value.includes("url(")) return OWN_URL.test(value.trim());
  return true;
}

function copy(source: Element): Element | null {
  if (source.namespaceURI !== SVG_NS || !ELEMENTS.has(source.localName)) return null;
  const target = document.createElementNS(SVG_NS, source.localName);
  for (const attribute of Array.from(source.attributes)) {
    if (attribute.namespaceURI !== null) continue; // xml:lang, xlink:href…
    // The outer size goes: the component's style sizes the map to its width (viewBox kept).
    if (source.localName === "svg" && (attribute.name === "width" || attribute.name === "height")) continue;
    if (allowed(attribute.name, attribute.value)) target.setAttribute(attribute.name, attribute.value);
  }
  for (const child of Array.from(source.childNodes)) {
    if (child.nodeType === Node.TEXT_NODE) target.appendChild(document.createTextNode(child.textContent ?? ""));
    else if (child.nodeType === Node.ELEMENT_NODE) {
      const element = copy(child as Element);
      if (element) target.appendChild(element);
    }
  }
  return target;
}

/** The SVG document `text`, cleaned; null when it is not an SVG document. */
export function cleanSvg(text: string): SVGSVGElement | null {
  const parsed = new DOMParser().parseFromString(text, "image/svg+xml");
  const root = parsed.documentElement;
  if (root.localName !== "svg" || parsed.getElementsByTagName("parsererror").length > 0) return null;
  return copy(root) as SVGSVGElement | null;
}
