import type { Server } from "node:http";
import type { Socket } from "node:net";

export interface HttpDrain {
  /**
   * Closes the listener at once (a new connection is refused, not accepted then reset), ends idle
   * connections, lets every request already received finish, then resolves. Past `graceMs` the
   * remaining connections are destroyed.
   */
  drain(graceMs: number): Promise<void>;
}

/**
 * Apollo's drain plugin does the same but closes the listener one event-loop turn after stop()
 * is called, after Apollo's own awaits: a client connecting in that gap was accepted, then reset
 * as idle (ECONNRESET). Here the listener closes in the same tick as the signal.
 * Must be attached before the server listens.
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
    res.once("finish", () => {
      const pending = (requestsOn.get(socket) ?? 1) - 1;
      requestsOn.set(socket, pending);
      // A keep-alive connection is ended once its last response is out.
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
        // Node emits "close" once the listener is closed and the last connection has ended.
        server.close(() => {
          clearTimeout(hardStop);
          resolve();
        });
        for (const [socket, pending] of requestsOn) if (pending === 0) socket.end();
      });
      return drained;
    },
  };
}
