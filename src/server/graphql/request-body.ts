import type { IncomingMessage } from "node:http";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";
import type { Transform } from "node:stream";
import { BadRequestError, PayloadTooLargeError, RequestTimeoutError } from "../../errors/errors";

/** Content encodings a request body may arrive in. */
const DECOMPRESS: Record<string, () => Transform> = { gzip: createGunzip, "x-gzip": createGunzip, deflate: createInflate, br: createBrotliDecompress };

/** How much of a request body is accepted, and how slowly it may arrive (MAX_BODY_BYTES, REQUEST_BODY_TIMEOUT_MS, REQUEST_BODY_MIN_BYTES_PER_SECOND). */
export interface BodyLimits {
  maxBytes: number;
  timeoutMs: number;
  /** Slowest average rate once RATE_GRACE_MS have passed; 0: none. */
  minBytesPerSecond: number;
}

/** A body's first bytes may come slowly (a phone waking its radio, TCP's slow start): the rate is judged after this. */
export const RATE_GRACE_MS = 2000;

/**
 * After a refusal, the rest of the body is read and dropped, up to this much, before the answer is
 * written: a client that said `Connection: close` would otherwise see its connection closed (then
 * reset) while still sending, and lose the 413 (measured with 20 MiB bodies: EPIPE 20 times out
 * of 20). Past this, the answer goes at once.
 */
const MAX_DRAIN_BYTES = 32 * 2 ** 20;

/**
 * A request's body, decompressed when it says so (`Content-Encoding`: gzip, deflate, br), at
 * most `maxBytes` once decompressed (413 PAYLOAD_TOO_LARGE past it), arriving within `timeoutMs`
 * and, after its first 2 s, at `minBytesPerSecond` at least (408 REQUEST_TIMEOUT otherwise: the
 * connection is then closed). After any other refusal the rest of the body is read and dropped
 * (up to MAX_DRAIN_BYTES, within the same time) before the promise rejects, so that the answer
 * reaches a client still sending, as Express's body parser does.
 */
export function readBody(req: IncomingMessage, limits: BodyLimits): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const chunks: Buffer[] = [];
    /** Bytes kept, decompressed: what the size limit counts. */
    let kept = 0;
    /** Bytes as they came on the wire (compressed or not): what the rate and the drain count. */
    let wire = 0;
    let settled = false;
    /** The refusal to answer once the rest of the body has been read and dropped. */
    let draining: Error | undefined;
    let timer: NodeJS.Timeout | undefined;
    let source: NodeJS.ReadableStream = req;

    const settle = (error: Error | undefined) => {
      settled = true;
      clearTimeout(timer);
      req.off("data", countWire);
      source.off("data", keep);
      if (error) reject(error);
      else resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks));
    };
    function countWire(chunk: Buffer): void {
      wire += chunk.length;
      if (draining && wire > MAX_DRAIN_BYTES) settle(draining);
    }
    function keep(chunk: Buffer): void {
      kept += chunk.length;
      if (kept > limits.maxBytes) return refuse(new PayloadTooLargeError(limits.maxBytes));
      chunks.push(chunk);
    }
    // Refused: stop keeping the body, read the rest of it (dropped), then answer.
    function refuse(error: Error): void {
      if (settled || draining) return;
      draining = error;
      source.off("data", keep);
      if (source !== req) req.unpipe();
      chunks.length = 0;
      if (req.complete || Number(req.headers["content-length"]) > MAX_DRAIN_BYTES) return settle(error);
      req.once("end", () => !settled && settle(error));
      req.resume();
    }
    // Too slow: answered at once (the connection closes after the answer), no point in reading on.
    const check = () => {
      if (settled) return;
      const elapsed = performance.now() - started;
      if (elapsed >= limits.timeoutMs) return settle(draining ?? new RequestTimeoutError(`The request body did not arrive within ${limits.timeoutMs} ms (${wire} bytes received)`));
      const rate = wire / (elapsed / 1000);
      if (!draining && limits.minBytesPerSecond > 0 && elapsed >= RATE_GRACE_MS && rate < limits.minBytesPerSecond) {
        return settle(new RequestTimeoutError(`The request body arrives at ${Math.round(rate)} bytes/s, slower than the ${limits.minBytesPerSecond} bytes/s accepted`));
      }
      timer = setTimeout(check, Math.min(1000, limits.timeoutMs - elapsed));
    };
    timer = setTimeout(check, Math.min(RATE_GRACE_MS, limits.timeoutMs));
    req.on("data", countWire);
    req.on("error", (error) => !settled && settle(draining ?? error));

    const encoding = (req.headers["content-encoding"] ?? "identity").trim().toLowerCase();
    if (encoding !== "identity") {
      const decompress = DECOMPRESS[encoding];
      if (!decompress) return refuse(new BadRequestError(`Content-Encoding "${encoding}" is not supported (identity, gzip, deflate or br)`));
      const inflating = decompress();
      inflating.on("error", () => refuse(new BadRequestError(`The request body is not valid ${encoding} data`)));
      source = req.pipe(inflating);
    } else if (Number(req.headers["content-length"]) > limits.maxBytes) {
      return refuse(new PayloadTooLargeError(limits.maxBytes));
    }
    source.on("data", keep);
    source.on("end", () => !settled && !draining && settle(undefined));
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
