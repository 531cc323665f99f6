import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { HTTPGraphQLResponse } from "@apollo/server";

/**
 * The ETag policy, decided here once: an answer to a GET (a read anyone may cache or revalidate)
 * carries a strong ETag, the SHA-1 of its bytes, and a GET whose `If-None-Match` names it gets
 * 304 without a body. POST answers carry none (POST is not cacheable). Header names are written
 * in lower case on every answer.
 */
export function etagOf(body: string): string {
  return `"${createHash("sha1").update(body).digest("base64url")}"`;
}

/** True when `If-None-Match` names the answer's ETag (or is `*`). */
export function notModified(req: IncomingMessage, etag: string): boolean {
  const given = req.headers["if-none-match"];
  if (given === undefined) return false;
  return given.trim() === "*" || given.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag);
}

/**
 * Writes a whole answer: status, headers, body (or 304 for a GET revalidated). `cacheControl`
 * applies to a 200 only: an error is never kept by a cache.
 */
export function sendAnswer(req: IncomingMessage, res: ServerResponse, status: number, headers: Iterable<[string, string]>, body: string, cacheControl?: string): void {
  for (const [name, value] of headers) res.setHeader(name, value);
  if (cacheControl !== undefined && status === 200) res.setHeader("cache-control", cacheControl);
  if (req.method === "GET" && status === 200) {
    const etag = etagOf(body);
    res.setHeader("etag", etag);
    if (notModified(req, etag)) {
      res.statusCode = 304;
      res.removeHeader("content-type");
      res.end();
      return;
    }
  }
  res.statusCode = status;
  res.setHeader("content-length", Buffer.byteLength(body));
  res.end(req.method === "HEAD" ? undefined : body);
}

/** Writes Apollo Server's answer: whole, or chunk by chunk for incremental delivery. */
export async function sendApolloAnswer(req: IncomingMessage, res: ServerResponse, answer: HTTPGraphQLResponse, cacheControl?: string): Promise<string | undefined> {
  const status = answer.status ?? 200;
  if (answer.body.kind === "complete") {
    sendAnswer(req, res, status, answer.headers, answer.body.string, cacheControl);
    return answer.body.string;
  }
  for (const [name, value] of answer.headers) res.setHeader(name, value);
  res.statusCode = status;
  for await (const chunk of answer.body.asyncIterator) res.write(chunk);
  res.end();
  return undefined;
}
