/**
 * Caches of read results register here; every committed write calls `invalidateReadCache`
 * so that no reader sees data older than the last write.
 */
const invalidators = new Set<() => void>();

export function onWrite(invalidate: () => void): () => void {
  invalidators.add(invalidate);
  return () => invalidators.delete(invalidate);
}

export function invalidateReadCache(): void {
  for (const invalidate of invalidators) invalidate();
}

/** Waits for a write transaction to commit, then drops cached reads; a failed write drops nothing. */
export async function afterWrite<T>(write: Promise<T>): Promise<T> {
  const result = await write;
  invalidateReadCache();
  return result;
}
