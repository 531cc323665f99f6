/** A territory as a map's SVG draws it: its code, value (null = no figure), category, fill and tooltip. */
export interface DrawnArea {
  code: string;
  value: number | null;
  category: string | null;
  fill: string;
  title: string;
}

const unescape = (text: string) => text.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/** The territories of a map's SVG (`class` "departement", "epci" or "commune"), read from their attributes and titles. */
export function areasOf(svg: string, kind: "departement" | "epci" | "commune"): Map<string, DrawnArea> {
  const drawn = new Map<string, DrawnArea>();
  const key = kind === "epci" ? "data-siren" : "data-code";
  for (const [, attributes, title] of svg.matchAll(new RegExp(`<path class="${kind}" ([^>]*)><title>([^<]*)</title></path>`, "g"))) {
    const attribute = (name: string) => attributes.match(new RegExp(`${name}="([^"]*)"`))?.[1];
    const value = attribute("data-value");
    const code = attribute(key) as string;
    drawn.set(code, { code, value: value === undefined ? null : Number(value), category: attribute("data-category") ?? null, fill: attribute("fill") as string, title: unescape(title) });
  }
  return drawn;
}

/** The rows of a map's HTML table: code, name, exact value (`data-value`), the value's text, source and vintage. */
export function tableRowsOf(html: string): { code: string; name: string; value: number | null; category: string | null; text: string; source: string; vintage: string }[] {
  const rows = [];
  const strip = (cell: string) => unescape(cell.replace(/<[^>]*>/g, ""));
  for (const [, code, body] of html.matchAll(/<tr data-code="([^"]*)">(.*?)<\/tr>/g)) {
    const [, name] = body.match(/<th scope="row">(.*?)<\/th>/) ?? [];
    const cells = [...body.matchAll(/<td([^>]*)>(.*?)<\/td>/g)];
    const attributes = cells[1]?.[1] ?? "";
    const value = attributes.match(/data-value="([^"]*)"/)?.[1];
    rows.push({
      code,
      name: strip(name ?? ""),
      value: value === undefined ? null : Number(value),
      category: attributes.match(/data-category="([^"]*)"/)?.[1] ?? null,
      text: strip(cells[1]?.[2] ?? ""),
      source: strip(cells[2]?.[2] ?? ""),
      vintage: strip(cells[3]?.[2] ?? ""),
    });
  }
  return rows;
}

/** The legend's rows as one text each ("donnée non disponible (1)"), whatever their line breaks. */
export function legendRowsOf(svg: string): string[] {
  return [...svg.matchAll(/<text class="legend-row"[^>]*>(.*?)<\/text>/g)].map(([, inner]) => unescape([...inner.matchAll(/<tspan[^>]*>(.*?)<\/tspan>/g)].map((m) => m[1]).join(" ")));
}
