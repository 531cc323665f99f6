/**
 * Builds DOM nodes without HTML strings: text is always a text node and attributes are set one by
 * one, so nothing from the API is ever parsed as markup, and no `style` or `on*` attribute is
 * ever written (a strict Content-Security-Policy forbids both).
 */
export type Child = Node | string | number | null | undefined | false | Child[];

export type Attributes = Record<string, string | number | boolean | null | undefined>;

export function h(tag: string, attributes: Attributes | null = null, ...children: Child[]): HTMLElement {
  const element = document.createElement(tag);
  if (attributes) {
    for (const [name, value] of Object.entries(attributes)) {
      if (value === null || value === undefined || value === false) continue;
      element.setAttribute(name, value === true ? "" : String(value));
    }
  }
  append(element, children);
  return element;
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else parent.appendChild(typeof child === "object" ? child : document.createTextNode(String(child)));
  }
}

/** A link to a source's page: only http(s) addresses (a source's url may hold a note after the address). */
export function sourceLink(url: string | null | undefined, text: string): Node {
  const address = url ? /^https?:\/\/[^\s()]+/.exec(url)?.[0] : undefined;
  if (!address) return document.createTextNode(text);
  return h("a", { href: address, rel: "noopener noreferrer external", target: "_blank" }, text);
}

/** The site of an address ("www.occitanie-tribune.com"), for a short link text. */
export function siteOf(url: string | null | undefined): string | null {
  const address = url ? /^https?:\/\/([^/\s()]+)/.exec(url)?.[1] : undefined;
  return address ?? null;
}
