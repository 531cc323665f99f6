import { type Api, ApiProblem, type Problem } from "./api";
import { append, type Child, h } from "./dom";
import { type Lang, TEXTS } from "./locale";
import { Citations, type Ctx } from "./parts";
import { adoptBase } from "./styles";

/** A component's state, mirrored in its `data-state` attribute for host pages' styles and tests. */
export type State = "loading" | "ready" | "error";

/** A problem found before calling the API: a missing or invalid attribute, or a code that names nothing. */
export class AttributeProblem extends Error {
  constructor(readonly render: (ctx: Ctx) => [string, string]) {
    super("attribute");
  }
}

/** The API the elements call, set once by the entry point from the script's own address. */
let api: Api | undefined;
export const setApi = (given: Api): void => {
  api = given;
};

/**
 * What every component shares: an open shadow root with the neutral styles, French unless
 * `lang="en"`, the loading, error and ready states (each a clear message inside the component,
 * never a blank box), a retry button where retrying may help, and the `key` attribute.
 * A subclass says which attributes it reads and renders its data.
 *
 * When it has rendered its data, a component sets `data-state="ready"`, dispatches `ts-ready`
 * (bubbling, composed) and marks the page's performance timeline (`ts:<tag>:ready`); on an error,
 * `data-state="error"` and `ts-error`.
 */
export abstract class TsElement extends HTMLElement {
  static readonly commonAttributes = ["lang", "key", "niveau-titre"];

  protected readonly root: ShadowRoot;
  private generation = 0;
  private scheduled = false;

  constructor() {
    super();
    this.root = this.attachShadow({ mode: "open" });
    this.adoptStyles(this.root);
  }

  protected adoptStyles(root: ShadowRoot): void {
    adoptBase(root);
  }

  connectedCallback(): void {
    this.schedule();
  }

  attributeChangedCallback(): void {
    if (this.isConnected) this.schedule();
  }

  disconnectedCallback(): void {
    this.generation++;
  }

  /** The language of the texts: French unless the element says `lang="en"`. */
  protected get language(): Lang {
    return this.getAttribute("lang")?.toLowerCase().startsWith("en") ? "en" : "fr";
  }

  /** An embed key (`tsk_…`), bound by the API to the pages' origins; none: anonymous. */
  protected get key(): string | null {
    return this.getAttribute("key")?.trim() || null;
  }

  /** The level of the component's heading (`niveau-titre`, 1 to 6, default 2), to fit the host page's outline. */
  protected get headingLevel(): number {
    const level = Number(this.getAttribute("niveau-titre") ?? 2);
    return Number.isInteger(level) && level >= 1 && level <= 6 ? level : 2;
  }

  protected context(): Ctx {
    const lang = this.language;
    return { lang, t: TEXTS[lang], cite: new Citations() };
  }

  /** Several attribute changes in one task load once. */
  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      if (this.isConnected) void this.load();
    });
  }

  private async load(): Promise<void> {
    const generation = ++this.generation;
    const ctx = this.context();
    this.show(ctx, "loading", [h("p", { class: "ts-state", role: "status" }, ctx.t.loading)]);
    let content: Child[];
    try {
      if (!api) throw new ApiProblem({ kind: "unreachable" });
      content = await this.render(api, ctx);
    } catch (error) {
      if (generation !== this.generation) return;
      this.show(ctx, "error", [this.errorBox(error, ctx)]);
      this.dispatchEvent(new CustomEvent("ts-error", { bubbles: true, composed: true, detail: error instanceof ApiProblem ? error.problem : { kind: "attribute" } }));
      return;
    }
    if (generation !== this.generation) return; // the attributes changed meanwhile: a newer load renders
    this.show(ctx, "ready", content);
    performance.mark(`ts:${this.localName}:ready`);
    this.dispatchEvent(new CustomEvent("ts-ready", { bubbles: true, composed: true }));
  }

  /** Fetches the component's data (through `api` only) and returns its content; throws ApiProblem or AttributeProblem. */
  protected abstract render(api: Api, ctx: Ctx): Promise<Child[]>;

  private show(ctx: Ctx, state: State, content: Child[]): void {
    this.setAttribute("data-state", state);
    const wrapper = h("div", { class: "ts", lang: ctx.lang, "aria-busy": state === "loading" ? "true" : null });
    append(wrapper, content);
    // Keep the style fallback (<style>, older browsers) and replace the rest.
    for (const node of [...this.root.childNodes]) if (node.nodeName !== "STYLE") node.remove();
    this.root.appendChild(wrapper);
  }

  private errorBox(error: unknown, ctx: Ctx): HTMLElement {
    let title: string;
    let text: string;
    let retry = false;
    if (error instanceof AttributeProblem) {
      [title, text] = error.render(ctx);
    } else {
      const problem: Problem = error instanceof ApiProblem ? error.problem : { kind: "unreachable" };
      [title, text, retry] = problemText(problem, ctx, this.codeAttribute());
    }
    const box = h("div", { class: "ts-error", role: "alert", "data-problem": error instanceof ApiProblem ? error.problem.kind : "attribute" }, h("strong", null, title), h("p", null, text));
    if (retry) {
      const button = h("button", { type: "button" }, ctx.t.retry);
      button.addEventListener("click", () => this.schedule());
      box.appendChild(button);
    }
    return box;
  }

  /** The attribute naming the territory (`region`, `commune`…) and its value, for the "invalid code" message. */
  protected abstract codeAttribute(): [string, string];
}

/** A problem's title and sentence, and whether a retry may help. */
function problemText(problem: Problem, ctx: Ctx, [what, code]: [string, string]): [string, string, boolean] {
  const e = ctx.t.errors;
  switch (problem.kind) {
    case "unreachable":
      return [e.unreachable[0], e.unreachable[1], true];
    case "rateLimited":
      return [e.rateLimited[0], e.rateLimited[1](problem.retryAfterSeconds), true];
    case "keyRefused":
      return [e.keyRefused[0], e.keyRefused[1], false];
    case "originRefused":
      return [e.originRefused[0], e.originRefused[1], false];
    case "notRegistered":
      return [e.notRegistered[0], e.notRegistered[1], false];
    case "invalidCode":
      return [e.invalidCode[0], e.invalidCode[1](what, code), false];
    default:
      return [e.other[0], e.other[1](problem.status), true];
  }
}

/** Throws the "unknown territory" message for a well-formed code that names nothing. */
export function unknownTerritory(what: string, code: string): AttributeProblem {
  return new AttributeProblem((ctx) => [ctx.t.errors.unknownTerritory[0], ctx.t.errors.unknownTerritory[1](what, code)]);
}

export function missingAttribute(...names: string[]): AttributeProblem {
  return new AttributeProblem((ctx) => [ctx.t.errors.missing[0], ctx.t.errors.missing[1](names)]);
}

export function tooManyAttributes(names: string[]): AttributeProblem {
  return new AttributeProblem((ctx) => [ctx.t.errors.tooMany[0], ctx.t.errors.tooMany[1](names)]);
}

export function badAttribute(name: string, value: string, valid: string[]): AttributeProblem {
  return new AttributeProblem((ctx) => [ctx.t.errors.badAttribute[0], ctx.t.errors.badAttribute[1](name, value, valid.join(", "))]);
}
