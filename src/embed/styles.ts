/**
 * Neutral styles, inside each component's shadow root, themable from the host page with CSS
 * custom properties (docs/embed.md#theming). They are constructable style sheets
 * (`adoptedStyleSheets`), which a Content-Security-Policy without 'unsafe-inline' allows; a
 * browser without them (Safari before 16.4) gets a <style> element, which only such a policy blocks.
 * Default colours keep WCAG AA contrast on the default background.
 */
const BASE = `
:host { display: block; box-sizing: border-box; max-width: 100%;
  font-family: var(--ts-font, inherit); font-size: var(--ts-font-size, 1rem); line-height: 1.45;
  color: var(--ts-color-text, #1f1f1f); background: var(--ts-color-background, #ffffff);
  border: 1px solid var(--ts-color-border, #c8c8c8); border-radius: var(--ts-radius, 6px);
  padding: var(--ts-padding, 1rem); }
:host([hidden]) { display: none; }
*, *::before, *::after { box-sizing: inherit; }
.ts { overflow-wrap: anywhere; }
h1, h2, h3, h4, h5, h6 { font-size: 1.2em; margin: 0 0 0.4em; line-height: 1.25; }
.ts-sub { font-size: 1.02em; margin: 1em 0 0.4em; }
p { margin: 0.4em 0; }
a { color: var(--ts-color-accent, #0b5aa2); text-decoration: underline; }
a:focus-visible, button:focus-visible, summary:focus-visible, [tabindex]:focus-visible { outline: 3px solid var(--ts-color-focus, #1d6fd6); outline-offset: 2px; }
.ts-muted, .ts-source { color: var(--ts-color-muted, #555555); font-size: 0.88em; }
.ts-source { display: block; }
.ts-figure { font-weight: 600; }
.ts-unknown { font-style: italic; }
.ts-completeness { border-left: 4px solid var(--ts-color-warning, #8a5a00); padding: 0.3em 0.6em; margin: 0.6em 0;
  background: var(--ts-color-warning-background, #fff7e6); }
.ts-attribution { margin-top: 0.8em; padding-top: 0.5em; border-top: 1px solid var(--ts-color-border, #c8c8c8);
  color: var(--ts-color-muted, #555555); font-size: 0.85em; }
.ts-sources-list { margin-top: 0.8em; }
summary { cursor: pointer; font-weight: 600; }
.ts-sources { margin: 0.3em 0 0; padding-left: 1.2em; color: var(--ts-color-muted, #555555); font-size: 0.85em; }
.ts-status { display: inline-block; padding: 0 0.4em; border-radius: 3px; font-size: 0.9em; }
.ts-status-confirmed { background: var(--ts-color-zone-rouge, #b3141a); color: var(--ts-color-zone-rouge-text, #ffffff); }
.ts-status-unconfirmed { border: 1px dashed var(--ts-color-zone-rouge, #b3141a); color: var(--ts-color-text, #1f1f1f); }
.ts-status-unknown, .ts-status-notDesignated { border: 1px solid var(--ts-color-border, #c8c8c8); }
.ts-state { padding: 0.4em 0; }
.ts-error { border-left: 4px solid var(--ts-color-error, #b3141a); padding: 0.3em 0.7em; }
.ts-error strong { display: block; }
button { font: inherit; color: var(--ts-color-accent-text, #ffffff); background: var(--ts-color-accent, #0b5aa2);
  border: 1px solid transparent; border-radius: var(--ts-radius, 6px); padding: 0.3em 0.8em; cursor: pointer; margin-top: 0.4em; }
dl { margin: 0.4em 0; }
dt { font-weight: 600; margin-top: 0.5em; }
dd { margin: 0.1em 0 0; }
ul.ts-list { list-style: none; padding: 0; margin: 0.4em 0; }
ul.ts-list > li { border-top: 1px solid var(--ts-color-border, #c8c8c8); padding: 0.55em 0; }
ul.ts-plain { margin: 0.2em 0; padding-left: 1.2em; }
.ts-name { font-weight: 600; }
`;

const CARTE = `
figure { margin: 0; }
.ts-map svg { display: block; width: 100%; height: auto; }
figcaption { margin-top: 0.4em; }
.ts-table-wrap { overflow-x: auto; margin-top: 0.5em; }
table { border-collapse: collapse; width: 100%; font-size: 0.9em; }
caption { text-align: left; font-weight: 600; padding: 0.3em 0; }
th, td { text-align: left; vertical-align: top; padding: 0.3em 0.5em; border-bottom: 1px solid var(--ts-color-border, #c8c8c8); }
td.ts-num { text-align: right; white-space: nowrap; }
`;

const sheets = new Map<string, CSSStyleSheet>();

const constructable = typeof CSSStyleSheet !== "undefined" && "replaceSync" in CSSStyleSheet.prototype && "adoptedStyleSheets" in Document.prototype;

function adopt(root: ShadowRoot, css: string[]): void {
  if (!constructable) {
    const style = document.createElement("style");
    style.textContent = css.join("\n");
    root.appendChild(style);
    return;
  }
  root.adoptedStyleSheets = css.map((text) => {
    let sheet = sheets.get(text);
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(text);
      sheets.set(text, sheet);
    }
    return sheet;
  });
}

export const adoptBase = (root: ShadowRoot): void => adopt(root, [BASE]);
export const adoptCarte = (root: ShadowRoot): void => adopt(root, [BASE, CARTE]);
