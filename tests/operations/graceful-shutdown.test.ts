import { EventEmitter } from "node:events";
import pino from "pino";
import { shutdownOnSignals } from "../../src/server/graceful-shutdown";

/** A process stand-in: the test emits its signals and exceptions and sees what the shutdown does, in order. */
function harness() {
  const events = new EventEmitter();
  const steps: string[] = [];
  const lines: Array<{ level: string; msg: string; exitCode?: number }> = [];
  let releaseClose = () => {};
  const logger = pino({ level: "info", formatters: { level: (label) => ({ level: label }) } }, { write: (line: string) => lines.push(JSON.parse(line)) });
  const exited = new Promise<number>((resolve) =>
    shutdownOnSignals({
      running: {
        observer: { inFlight: () => 3 } as never,
        close: () => {
          steps.push("close: listener closed, draining");
          return new Promise<void>((resolve) => (releaseClose = resolve));
        },
      },
      db: { close: async () => void steps.push("database closed") },
      logger,
      timeoutMs: 60_000,
      exit: (code) => {
        steps.push(`exit ${code}`);
        resolve(code);
      },
      events,
    }),
  );
  return { events, steps, lines, exited, finishInFlight: () => releaseClose() };
}

describe("shutting down", () => {
  it("on SIGTERM drains, closes the database, then exits 0", async () => {
    const h = harness();
    h.events.emit("SIGTERM", "SIGTERM");
    expect(h.steps).toEqual(["close: listener closed, draining"]);
    h.finishInFlight();
    expect(await h.exited).toBe(0);
    expect(h.steps).toEqual(["close: listener closed, draining", "database closed", "exit 0"]);
  });

  it("on an uncaught exception logs it as fatal, lets the requests in flight finish, then exits 1", async () => {
    const h = harness();
    h.events.emit("uncaughtException", new Error("boom in a timer"));
    // Not cut at once: the other callers' requests are still being answered.
    expect(h.steps).toEqual(["close: listener closed, draining"]);
    h.finishInFlight();
    expect(await h.exited).toBe(1);
    expect(h.steps).toEqual(["close: listener closed, draining", "database closed", "exit 1"]);
    expect(h.lines[0]).toMatchObject({ level: "fatal", msg: "uncaught exception: the process drains, then exits 1" });
    expect(h.lines.at(-1)).toMatchObject({ msg: "stopped", exitCode: 1 });
  });

  it("drains once when a second exception or a signal arrives during the drain", async () => {
    const h = harness();
    h.events.emit("uncaughtException", new Error("first"));
    h.events.emit("uncaughtException", new Error("second"));
    h.events.emit("SIGTERM", "SIGTERM");
    h.finishInFlight();
    expect(await h.exited).toBe(1);
    expect(h.steps.filter((s) => s.startsWith("close"))).toHaveLength(1);
    expect(h.lines.map((l) => l.msg)).toContain("uncaught exception while shutting down");
  });
});
