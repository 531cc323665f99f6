import { EventEmitter } from "node:events";
import type { ServerResponse } from "node:http";
import { OverloadedError } from "../../src/errors/errors";
import { Admission, type ShedReason } from "../../src/server/graphql/admission";
import { sleep } from "./fault-support";

/** A response whose client can leave ("close"), as far as the admission sees one. */
const response = () => new EventEmitter() as unknown as ServerResponse;

/** Runs a task of `ms` through `admission`: how it ended and when. */
async function attempt(admission: Admission, ms: number, res = response()): Promise<string> {
  try {
    return await admission.run(res, async () => {
      await sleep(ms);
      return "ran";
    });
  } catch (error) {
    if (!(error instanceof OverloadedError)) throw error;
    return `503 retry-after ${error.retryAfterSeconds}`;
  }
}

describe("admission: a bounded number of operations run, a bounded queue waits a bounded time, the rest is refused", () => {
  it("runs at most maxConcurrent at once, queues maxQueued, refuses the rest at once", async () => {
    const shed: ShedReason[] = [];
    const admission = new Admission({ maxConcurrent: 2, maxQueued: 2, queueTimeoutMs: 1000, onShed: (reason) => shed.push(reason) });
    const started = performance.now();
    const outcomes = Array.from({ length: 6 }, () => attempt(admission, 100));
    expect(admission.state).toEqual({ running: 2, queued: 2 });
    const results = await Promise.all(outcomes);
    expect(results).toEqual(["ran", "ran", "ran", "ran", "503 retry-after 1", "503 retry-after 1"]);
    expect(shed).toEqual(["queue_full", "queue_full"]);
    // Two waves of two: the queued ones ran once the first ones were done.
    expect(performance.now() - started).toBeGreaterThanOrEqual(195);
    expect(admission.state).toEqual({ running: 0, queued: 0 });
  });

  it("refuses a request on arrival while the queue is full, before anything is spent on it", async () => {
    const shed: ShedReason[] = [];
    const admission = new Admission({ maxConcurrent: 1, maxQueued: 1, queueTimeoutMs: 1000, onShed: (reason) => shed.push(reason) });
    expect(() => admission.refuseIfFull()).not.toThrow();
    const running = [attempt(admission, 50), attempt(admission, 50)];
    expect(() => admission.refuseIfFull()).toThrow(OverloadedError);
    expect(shed).toEqual(["queue_full"]);
    expect(await Promise.all(running)).toEqual(["ran", "ran"]);
    expect(() => admission.refuseIfFull()).not.toThrow();
  });

  it("refuses a request that waited queueTimeoutMs without a turn", async () => {
    const shed: ShedReason[] = [];
    const admission = new Admission({ maxConcurrent: 1, maxQueued: 10, queueTimeoutMs: 100, onShed: (reason) => shed.push(reason) });
    const results = await Promise.all([attempt(admission, 300), attempt(admission, 10), attempt(admission, 10)]);
    expect(results).toEqual(["ran", "503 retry-after 1", "503 retry-after 1"]);
    expect(shed).toEqual(["queue_timeout", "queue_timeout"]);
    expect(admission.state).toEqual({ running: 0, queued: 0 });
  });

  it("gives up the place of a client that left while waiting, and hands turns in arrival order", async () => {
    const admission = new Admission({ maxConcurrent: 1, maxQueued: 10, queueTimeoutMs: 1000 });
    const order: string[] = [];
    const leaving = response();
    const first = admission.run(response(), async () => {
      await sleep(50);
      order.push("first");
    });
    const gone = admission
      .run(leaving, async () => {
        order.push("gone");
      })
      .catch((error: unknown) => error);
    const second = admission.run(response(), async () => {
      order.push("second");
    });
    expect(admission.state).toEqual({ running: 1, queued: 2 });
    (leaving as unknown as EventEmitter).emit("close");
    expect(admission.state).toEqual({ running: 1, queued: 1 });
    await Promise.all([first, second]);
    expect(order).toEqual(["first", "second"]);
    expect(await gone).toMatchObject({ message: "The client left before its turn" });
  });
});
