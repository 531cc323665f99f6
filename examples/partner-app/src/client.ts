import type { TypedDocumentNode } from "@graphql-typed-document-node/core";

/** What the API answers: data, or errors with their stable `extensions.code` (docs/api.md). */
export interface Answer<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
  extensions?: { cost?: { requested: number; limit: number } };
}

export interface ClientOptions {
  /** e.g. https://api.example/graphql */
  url: string;
  /** The app's key; a documents-only or embed key can send nothing but `documentId`. */
  key?: string;
}

/** The document's id as the generated code carries it (persisted documents, `replaceDocumentWithHash`). */
export function documentIdOf(document: TypedDocumentNode<unknown, unknown>): string {
  const hash = (document as unknown as { __meta__?: { hash?: string } }).__meta__?.hash;
  if (!hash) throw new Error("this document has no hash: run `npm run generate` with persisted documents on");
  // The client preset writes the algorithm's prefix (`sha256:<hex>`), as the API's documentId takes it.
  return hash.startsWith("sha256:") ? hash : `sha256:${hash}`;
}

/**
 * Sends a typed operation by its id: a POST with `{ documentId, variables }`, or, for `get`, a
 * GET that browsers and shared caches may keep (`Cache-Control` for anonymous and embed reads).
 * Data and variables are typed from the operation.
 */
export async function execute<TData, TVariables extends Record<string, unknown>>(
  options: ClientOptions,
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  method: "POST" | "GET" = "POST",
): Promise<Answer<TData>> {
  const documentId = documentIdOf(document as TypedDocumentNode<unknown, unknown>);
  const headers: Record<string, string> = { accept: "application/graphql-response+json, application/json" };
  if (options.key) headers.authorization = `Bearer ${options.key}`;
  const response =
    method === "GET"
      ? await fetch(`${options.url}?${new URLSearchParams({ documentId, variables: JSON.stringify(variables) })}`, { headers })
      : await fetch(options.url, { method: "POST", headers: { ...headers, "content-type": "application/json" }, body: JSON.stringify({ documentId, variables }) });
  return (await response.json()) as Answer<TData>;
}
