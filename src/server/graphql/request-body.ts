import type { IncomingMessage } from "node:http";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";
import type { Transform } from "node:stream";
import { BadRequestError, PayloadTooLargeError } from "../../errors/errors";

/** Content encodings a request body may arrive in. */
const DECOMPRESS: Record<string, () => Transform> = { gzip: createGunzip, "x-gzip": createGunzip, deflate: createInflate, br: createBrotliDecompress };

/**
 * A request's body, decompressed when it says so (`Content-Encoding`: gzip, deflate, br), at
 * most `limit` bytes once decompressed (413 PAYLOAD_TOO_LARGE past it). After a refusal the rest
 * of the body is read and dropped, so that the answer reaches a client still sending.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const encoding = (req.headers["content-encoding"] ?? "identity").trim().toLowerCase();
    let source: NodeJS.ReadableStream = req;
    if (encoding !== "identity") {
      const decompress = DECOMPRESS[encoding];
      if (!decompress) {
        req.resume();
        return reject(new BadRequestError(`Content-Encoding "${encoding}" is not supported (identity, gzip, deflate or br)`));
      }
      const inflating = decompress();
      inflating.on("error", () => refuse(new BadRequestError(`The request body is not valid ${encoding} data`)));
      source = req.pipe(inflating);
    } else if (Number(req.headers["content-length"]) > limit) {
      req.resume();
      return reject(new PayloadTooLargeError(limit));
    }
    let settled = false;
    const refuse = (error: Error) => {
      if (settled) return;
      settled = true;
      source.removeAllListeners("data");
      if (source !== req) req.unpipe();
      req.removeAllListeners("data");
      req.resume();
      reject(error);
    };
    const chunks: Buffer[] = [];
    let received = 0;
    source.on("data", (chunk: Buffer) => {
      received += chunk.length;
      if (received > limit) return refuse(new PayloadTooLargeError(limit));
      chunks.push(chunk);
    });
    req.on("error", refuse);
    source.on("end", () => {
      if (settled) return;
      settled = true;
      resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks));
    });
  });
}

/** Charsets a JSON body may be written in (RFC 8259 asks for UTF-8; the others are JSON's historical encodings). */
const JSON_CHARSETS = new Set(["utf-8", "utf8", "utf-16le", "utf-16be", "utf-16"]);

/** The text of a JSON body in the charset its Content-Type names (UTF-8 when it names none). */
export function decodeJsonText(raw: Buffer, charset: string | undefined): string {
  const name = (charset ?? "utf-8").toLowerCase();
  if (!JSON_CHARSETS.has(name)) throw new BadRequestError(`The request body's charset "${charset}" is not supported: send JSON in UTF-8`);
  if (name === "utf-8" || name === "utf8") return raw.toString("utf8");
  try {
    return new TextDecoder(name, { fatal: true }).decode(raw);
  } catch {
    throw new BadRequestError("The request body is not valid JSON");
  }
}
