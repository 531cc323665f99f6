import type { GatewayPlugin } from "@graphql-hive/gateway";

/**
 * Fails a subgraph fetch that has not answered within `timeoutMs`, like Hive Gateway's
 * `upstreamTimeout`, at a fraction of its cost. `upstreamTimeout` gives every fetch an
 * `AbortSignal.timeout` joined to the request's signal (WeakRefs, a FinalizationRegistry and
 * listeners each time): about 0.7 ms of the gateway's CPU per hero request (four fetches), a
 * third of it, in a sanity run (docs/scale-out.md). Here a fetch only joins a list in start
 * order, and one timer, running while fetches are pending, fails those past their deadline
 * every `timeoutMs / 10` (at most a second late).
 *
 * What differs: a fetch past its deadline is abandoned, not aborted. The client's answer has
 * the subgraph's fields `null` with an error at the deadline, as before; the HTTP request to
 * the subgraph stays open until the subgraph answers or its connection closes.
 */
export function upstreamDeadline(timeoutMs: number): GatewayPlugin {
  /** Pending fetches in start order, hence in deadline order: the sweep stops at the first not yet due. */
  const pending = new Set<{ due: number; fail: (error: Error) => void }>();
  let timer: NodeJS.Timeout | undefined;
  const sweep = () => {
    const now = performance.now();
    for (const fetch of pending) {
      if (fetch.due > now) break;
      pending.delete(fetch);
      fetch.fail(new Error(`the subgraph did not answer within ${timeoutMs} ms`));
    }
    if (pending.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
  return {
    onSubgraphExecute({ executor, setExecutor, subgraphName }) {
      setExecutor((request) => {
        const result = executor(request);
        if (!isThenable(result)) return result;
        return new Promise((resolve, reject) => {
          const fetch = { due: performance.now() + timeoutMs, fail: (error: Error) => reject(Object.assign(error, { subgraph: subgraphName })) };
          pending.add(fetch);
          // Unref'd: a gateway with nothing else to do may still exit.
          timer ??= setInterval(sweep, Math.min(1000, Math.max(10, timeoutMs / 10))).unref();
          result.then(
            (value) => (pending.delete(fetch), resolve(value)),
            (error: unknown) => (pending.delete(fetch), reject(error)),
          );
        });
      });
    },
  };
}

function isThenable<T>(value: T | PromiseLike<T>): value is PromiseLike<T> {
  return typeof (value as Partial<PromiseLike<T>> | null)?.then === "function";
}
