import net from "node:net";

/** What a stall holds on a connection: nothing, every byte, or only the target's replies. */
type Hold = "none" | "both" | "replies";

/** One client connection and its connection to the target, with what a stall holds back. */
interface Link {
  client: net.Socket;
  upstream: net.Socket;
  hold: Hold;
  /** Bytes (or an end, as null) held during a stall, in arrival order, each with where it goes. */
  held: [to: net.Socket, chunk: Buffer | null][];
}

/**
 * A TCP proxy the test controls, between a server and its database (or Redis, or a partner):
 * - `open()`: bytes flow both ways;
 * - `cut()`: it stops listening and drops every connection, as a network failure would (the
 *   other side sees its connection closed at once);
 * - `stall()`: connections stay open, new ones are accepted, and every byte is held, both ways,
 *   as with a frozen server or a network that stops delivering without closing anything: the
 *   other side sees nothing, no error, no close, until `resume()` delivers what was held, in order.
 *   `stall({ only: "replies" })` lets requests reach the target and holds its answers (a COMMIT
 *   that lands, its acknowledgement lost); `stall({ newConnections: "pass" })` holds the
 *   connections open now and lets new ones through (a path that stalled, another that works).
 */
export class TcpProxy {
  private server: net.Server | null = null;
  private readonly links = new Set<Link>();
  /** What a stall holds on connections opened from now on. */
  private holdNew: Hold = "none";
  /** Bytes held by stalls since the proxy was made, both ways: what the test reports. */
  heldBytes = 0;

  constructor(
    readonly port: number,
    private readonly target: { host: string; port: number },
  ) {}

  async open(): Promise<void> {
    this.holdNew = "none";
    this.server = net.createServer((client) => this.link(client));
    await new Promise<void>((resolve) => this.server!.listen(this.port, "127.0.0.1", resolve));
  }

  /** Stops listening and drops every open connection, as a network failure would. */
  async cut(): Promise<void> {
    for (const link of this.links) {
      link.client.destroy();
      link.upstream.destroy();
    }
    this.links.clear();
    this.holdNew = "none";
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = null;
  }

  /** Holds every byte from now on (both ways, or `only` the replies); connections stay open and new ones are accepted. */
  stall(options: { only?: "replies"; newConnections?: "stall" | "pass" } = {}): void {
    const hold: Hold = options.only === "replies" ? "replies" : "both";
    for (const link of this.links) link.hold = hold;
    this.holdNew = options.newConnections === "pass" ? "none" : hold;
  }

  /** Delivers what the stall held, in order, and lets bytes flow again. */
  resume(): void {
    this.holdNew = "none";
    for (const link of this.links) {
      link.hold = "none";
      for (const [to, chunk] of link.held.splice(0)) this.deliver(to, chunk);
    }
  }

  private link(client: net.Socket): void {
    const upstream = net.connect(this.target.port, this.target.host);
    const link: Link = { client, upstream, hold: this.holdNew, held: [] };
    this.links.add(link);
    const forward = (to: net.Socket) => (chunk: Buffer | null) => {
      if (link.hold === "both" || (link.hold === "replies" && to === client)) {
        if (chunk) this.heldBytes += chunk.length;
        link.held.push([to, chunk]);
      } else this.deliver(to, chunk);
    };
    client.on("data", forward(upstream));
    upstream.on("data", forward(client));
    // An end (FIN) is held like the bytes before it; an abrupt close (reset) is passed on at once, as a network would.
    client.on("end", () => forward(upstream)(null));
    upstream.on("end", () => forward(client)(null));
    for (const [socket, other] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      socket.on("error", () => socket.destroy());
      socket.on("close", (hadError) => {
        if (hadError && link.hold === "none") other.destroy();
        if (client.destroyed && upstream.destroyed) this.links.delete(link);
      });
    }
  }

  private deliver(to: net.Socket, chunk: Buffer | null): void {
    if (to.destroyed) return;
    if (chunk) to.write(chunk);
    else to.end();
  }
}
