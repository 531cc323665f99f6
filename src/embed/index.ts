import { Api } from "./api";
import { setApi } from "./base.element";
import { CarteElement } from "./carte.element";
import { TerritoireElement } from "./territoire.element";
import { ZonesRougesElement } from "./zones-rouges.element";

/**
 * The embed's entry point (bundled by `npm run embed:build` into embed/<version>/territoire-sante.js):
 * finds the API's address from the script's own `src` (the components call nothing else), then
 * defines the elements. Loading the script twice defines them once.
 */
function apiOrigin(): string {
  const script = document.currentScript as HTMLScriptElement | null;
  const src = script?.src || Array.from(document.scripts).find((s) => /\/embed\/v\d+\/territoire-sante\.js(\?|#|$)/.test(s.src))?.src;
  return new URL(src ?? location.href).origin;
}

setApi(new Api(apiOrigin()));
for (const [name, element] of [
  ["ts-zones-rouges", ZonesRougesElement],
  ["ts-territoire", TerritoireElement],
  ["ts-carte", CarteElement],
] as const) {
  if (!customElements.get(name)) customElements.define(name, element);
}
