import { DOCUMENT_IDS } from "./documents";
import type { OperationName } from "./operations";

/**
 * What went wrong, as a component tells its reader. Told apart by HTTP status and the error's
 * extensions (never by parsing messages): 429 rate limited, 401 key refused, 403 with
 * `allowedOrigins` a key used from another site, 404 a document the server does not hold,
 * `invalidArguments` a malformed code, anything unanswered or 5xx the API unreachable.
 */
export type Problem =
  | { kind: "unreachable" }
  | { kind: "rateLimited"; retryAfterSeconds: number | null }
  | { kind: "keyRefused" }
  | { kind: "originRefused" }
  | { kind: "notRegistered" }
  | { kind: "invalidCode"; arguments: string[]; validValues?: Record<string, string[]> }
  | { kind: "other"; status: number };

export class ApiProblem extends Error {
  constructor(readonly problem: Problem) {
    super(problem.kind);
  }
}

/** How long a component waits for an answer before saying the API is unreachable. */
const TIMEOUT_MS = 20_000;

interface ErrorBody {
  errors?: { extensions?: { invalidArguments?: string[]; validValues?: Record<string, string[]>; allowedOrigins?: string[]; retryAfterSeconds?: number } }[];
}

/**
 * The only client of the API: trusted documents by id over GET (cacheable by browsers and
 * proxies), and the maps. Identical requests made together (several components on one page) are
 * sent once.
 */
export class Api {
  private readonly inflight = new Map<string, Promise<unknown>>();

  /** `origin`: the API's address, taken from the script's own `src`. */
  constructor(readonly origin: string) {}

  /** Runs a trusted document by id; resolves to its `data`. */
  query<T>(name: OperationName, variables: Record<string, string>, key: string | null): Promise<T> {
    const search = new URLSearchParams({ documentId: DOCUMENT_IDS[name], variables: JSON.stringify(variables) });
    return this.get(`/graphql?${search}`, key, "application/graphql-response+json, application/json", async (res) => {
      const body = (await res.json()) as { data?: T } & ErrorBody;
      const invalid = body.errors?.flatMap((e) => e.extensions?.invalidArguments ?? []) ?? [];
      if (invalid.length > 0) throw new ApiProblem({ kind: "invalidCode", arguments: invalid });
      if (!body.data || (body.errors && body.errors.length > 0)) throw new ApiProblem({ kind: "other", status: res.status });
      return body.data;
    });
  }

  /** A map's SVG text or its table as JSON (`/maps/…`). */
  mapText(path: string, key: string | null): Promise<string> {
    return this.get(path, key, "image/svg+xml", (res) => res.text());
  }

  mapJson<T>(path: string, key: string | null): Promise<T> {
    return this.get(path, key, "application/json", (res) => res.json() as Promise<T>);
  }

  private get<T>(path: string, key: string | null, accept: string, read: (res: Response) => Promise<T>): Promise<T> {
    const url = `${this.origin}${path}`;
    const id = `${key ?? ""} ${url}`;
    const pending = this.inflight.get(id);
    if (pending) return pending as Promise<T>;
    const request = this.send(url, key, accept, read).finally(() => this.inflight.delete(id));
    this.inflight.set(id, request);
    return request;
  }

  private async send<T>(url: string, key: string | null, accept: string, read: (res: Response) => Promise<T>): Promise<T> {
    // Without a key the request is "simple" (no preflight); a key makes it a CORS request with Authorization. Never cookies.
    const headers: Record<string, string> = { accept };
    if (key) headers.authorization = `Bearer ${key}`;
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), TIMEOUT_MS);
    let res: Response;
    try {
      res = await fetch(url, { headers, credentials: "omit", mode: "cors", signal: abort.signal, referrerPolicy: "strict-origin-when-cross-origin" });
      if (res.ok) return await read(res);
    } catch (error) {
      if (error instanceof ApiProblem) throw error;
      throw new ApiProblem({ kind: "unreachable" });
    } finally {
      clearTimeout(timer);
    }
    throw new ApiProblem(await problemOf(res));
  }
}

async function problemOf(res: Response): Promise<Problem> {
  let body: ErrorBody = {};
  try {
    body = (await res.json()) as ErrorBody;
  } catch {
    // not JSON: the status says enough
  }
  const extensions = body.errors?.[0]?.extensions ?? {};
  if (res.status === 429) {
    const header = Number(res.headers.get("retry-after"));
    return { kind: "rateLimited", retryAfterSeconds: Number.isFinite(header) && header > 0 ? header : (extensions.retryAfterSeconds ?? null) };
  }
  if (res.status === 401) return { kind: "keyRefused" };
  if (res.status === 403 && extensions.allowedOrigins) return { kind: "originRefused" };
  if (res.status === 404) return { kind: "notRegistered" };
  const invalid = body.errors?.flatMap((e) => e.extensions?.invalidArguments ?? []) ?? [];
  if (invalid.length > 0) return { kind: "invalidCode", arguments: invalid, validValues: extensions.validValues };
  if (res.status >= 500) return { kind: "unreachable" };
  return { kind: "other", status: res.status };
}
