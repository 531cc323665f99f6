import type { Server } from "node:http";
import { type Socket, Server as NetServer } from "node:net";

/**
 * How long a connection without a request in progress is kept once draining starts: a client
 * that connected just before the listener closed (its request still on the way), or a
 * keep-alive connection whose next request is already sent, is answered, not cut.
 */
const IDLE_GRACE_MS = 500;

export interface HttpDrain {
  /**
   * Closes the listener at once (a new connection is refused, not accepted then reset), lets
   * every request already received, or arriving within a short grace on a connection already
   * open, finish (each connection closed after its last response), then resolves. Past
   * `graceMs` the remaining connections are destroyed.
   */
  drain(graceMs: number): Promise<void>;
}

/**
 * Apollo's drain plugin does much the same but closes the listener one event-loop turn after
 * stop() is called, after Apollo's own awaits: a client connecting in that gap was accepted,
 * then reset. It also ends at once every connection without a request in progress, including
 * one accepted a moment ago whose request has not been read yet: that client gets no answer (a
 * cluster worker stopped under load lost a request that way). Here the listener closes in the
 * same tick as the signal, and connections without a request get IDLE_GRACE_MS. Must be
 * attached before the server listens and before the request handler.
 */
export function trackForDrain(server: Server): HttpDrain {
  const requestsOn = new Map<Socket, number>();
  let drained: Promise<void> | undefined;
  server.on("connection", (socket: Socket) => {
    requestsOn.set(socket, 0);
    socket.once("close", () => requestsOn.delete(socket));
  });
  server.on("request", (req, res) => {
    const socket = req.socket;
    requestsOn.set(socket, (requestsOn.get(socket) ?? 0) + 1);
    // While draining, the client is told this connection ends with this response.
    if (drained && !res.headersSent) res.setHeader("connection", "close");
    res.once("finish", () => {
      const pending = (requestsOn.get(socket) ?? 1) - 1;
      requestsOn.set(socket, pending);
      if (drained && pending === 0) socket.end();
    });
  });
  return {
    drain(graceMs) {
      // Once: "close" is emitted a single time.
      drained ??= new Promise<void>((resolve) => {
        const hardStop = setTimeout(() => {
          for (const socket of requestsOn.keys()) socket.destroy();
        }, graceMs);
        const idleStop = setTimeout(() => {
          for (const [socket, pending] of requestsOn) if (pending === 0) socket.end();
        }, Math.min(IDLE_GRACE_MS, graceMs));
        // The listener only (net's close; http's would also drop idle keep-alive connections at
        // once): "close" is emitted once the last connection has ended.
        NetServer.prototype.close.call(server, () => {
          clearTimeout(hardStop);
          clearTimeout(idleStop);
          resolve();
        });
      });
      return drained;
    },
  };
}
