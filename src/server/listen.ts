import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { DEFAULT_CONFIG } from "../config/config";
import { ConfigError } from "../errors/errors";
import { type HttpDrain, trackForDrain } from "./http-drain";

/** A bound port, answering "starting" until `serve` hands it the application. */
export interface Listener {
  server: Server;
  drain: HttpDrain;
  /** The port bound (the one asked for, or the one chosen for port 0). */
  port: number;
  /** From now on, requests go to `handle`. */
  serve(handle: (req: IncomingMessage, res: ServerResponse) => void): void;
}

/**
 * Why the port could not be bound, as one line naming the variable (`name`: PORT, HEALTH_PORT) or HOST and the value given (`main`
 * prints a ConfigError without a stack); undefined for an error that is not about them.
 */
export function listenProblem(error: unknown, port: number, host: string, name = "PORT"): ConfigError | undefined {
  const code = (error as { code?: unknown }).code;
  switch (code) {
    case "EADDRINUSE":
      return new ConfigError(`${name} ${port} is already in use on HOST "${host}" (EADDRINUSE): stop what listens there, or choose another ${name}`);
    case "EADDRNOTAVAIL":
      return new ConfigError(`HOST "${host}" is not an address of this machine (EADDRNOTAVAIL): use 0.0.0.0 (every interface), 127.0.0.1 or one of its own addresses`);
    case "EACCES":
      return new ConfigError(`${name} ${port} on HOST "${host}" needs privileges this process does not have (EACCES): choose a ${name} above 1023`);
    case "ENOTFOUND":
    case "EAI_AGAIN":
    case "EAI_NONAME":
      return new ConfigError(`HOST "${host}" does not resolve to an address (${code}): give an IP address or a name this machine resolves`);
    default:
      return undefined;
  }
}

/** Answers a request that arrives while the server starts: 503 with `Retry-After`, except liveness, which holds. */
function starting(req: IncomingMessage, res: ServerResponse): void {
  const alive = req.url === "/healthz";
  const body = JSON.stringify(alive ? { status: "ok" } : { status: "starting" });
  res.writeHead(alive ? 200 : 503, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(body), ...(alive ? {} : { "retry-after": "1" }) });
  res.end(body);
}

/**
 * Binds the HTTP port, first of all: a port in use or a HOST that is not this machine's stops
 * the start before the database is opened (and seeded), with a line naming the setting. Until
 * `serve` is called, requests are answered "starting" (503, liveness 200). The drain is attached
 * before any connection is accepted (src/server/http-drain.ts).
 */
export async function listen(port: number, host = "0.0.0.0", keepAliveTimeoutMs = DEFAULT_CONFIG.keepAliveTimeoutMs, name = "PORT"): Promise<Listener> {
  // Node closes a keep-alive connection 5 s after its last response by default. Under load a
  // client's next request can sit unread that long, and the close then resets it (ECONNRESET);
  // behind a load balancer the same race gives 502s. Keep connections open longer than the
  // balancer's idle timeout; the header timeout must outlast it.
  const server = createServer({ keepAliveTimeout: keepAliveTimeoutMs, headersTimeout: keepAliveTimeoutMs + 1000 });
  const drain = trackForDrain(server);
  server.on("request", starting);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, host, () => {
        server.off("error", reject);
        resolve();
      });
    });
  } catch (error) {
    throw listenProblem(error, port, host, name) ?? error;
  }
  return {
    server,
    drain,
    port: (server.address() as AddressInfo).port,
    serve(handle) {
      server.off("request", starting);
      server.on("request", handle);
    },
  };
}
