/**
 * Caches of read results register here (the response cache does); every committed write calls
 * `afterWrite`, which drops them before the write is acknowledged, so that no reader is served
 * data older than a write it was told about.
 */
type Invalidator = () => void | Promise<void>;
const invalidators = new Set<Invalidator>();

export function onWrite(invalidate: Invalidator): () => void {
  invalidators.add(invalidate);
  return () => invalidators.delete(invalidate);
}

export async function invalidateReadCache(): Promise<void> {
  await Promise.all([...invalidators].map((invalidate) => invalidate()));
}

/** Waits for a write transaction to commit, then drops cached reads; a failed write drops nothing. */
export async function afterWrite<T>(write: Promise<T>): Promise<T> {
  const result = await write;
  await invalidateReadCache();
  return result;
}
