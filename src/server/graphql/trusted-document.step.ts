import type { Caller } from "../../auth/caller";
import { BadRequestError, PersistedDocumentRequiredError } from "../../errors/errors";
import type { ReadRequest } from "./request-params";

/** Finds the text of a trusted document for a caller (src/auth/trusted-documents.ts). */
export type FindDocument = (caller: Caller, documentId: unknown) => Promise<string>;

/**
 * The trusted-document step, after the parameters are read: a `documentId` becomes the text of
 * the document registered under it (for the caller's key, or public), as if the client had sent
 * it, for every later step (checks, token limit, response cache) and for Apollo Server alike. A
 * key that only runs documents is refused query text, and automatic persisted queries (which
 * would let it register any text). Returns the document id, or undefined.
 */
export function resolveTrustedDocument(request: ReadRequest, caller: Caller, find: FindDocument): Promise<string> | undefined {
  const params = request.params;
  if (params?.documentId === undefined) {
    // Most requests: nothing to look up, and no promise to wait for.
    if (caller.kind === "key" && caller.documentsOnly && params && (params.query !== undefined || params.extensions !== undefined)) throw new PersistedDocumentRequiredError();
    return undefined;
  }
  if (params.query !== undefined) throw new BadRequestError("Send either documentId or query, not both");
  return substitute(request, params, caller, find);
}

async function substitute(request: ReadRequest, params: NonNullable<ReadRequest["params"]>, caller: Caller, find: FindDocument): Promise<string> {
  const documentId = String(params.documentId);
  const text = await find(caller, params.documentId);
  params.query = text;
  delete params.documentId;
  if (request.method === "POST") {
    const { documentId: _id, ...body } = request.body as Record<string, unknown>;
    request.body = { ...body, query: text };
  } else {
    const search = new URLSearchParams(request.search);
    search.delete("documentId");
    search.set("query", text);
    request.search = `?${search.toString()}`;
  }
  return documentId;
}
