import DataLoader, { type BatchLoadFn } from "dataloader";
import { isPostgres, markers, sql } from "../../db/sql-dialect";
import type { SqlTarget } from "../../db/sql-target";

/**
 * How a request's loaders fetch: the DataLoader options every loader is built with.
 * - `BATCHED` (the default): keys asked for in the same tick share one statement, and each
 *   key is fetched once per request (DataLoader's per-request cache).
 * - `NAIVE`: one statement per key and no cache, i.e. resolvers as if written without
 *   DataLoader. Only for the benchmark (`LOADER_BATCHING=off`), to show what batching buys.
 */
export type Batching = Pick<DataLoader.Options<unknown, unknown>, "maxBatchSize" | "cache">;
export const BATCHED: Batching = {};
export const NAIVE: Batching = { maxBatchSize: 1, cache: false };

/** Told about every batch a loader runs (its name and how many keys), e.g. to measure batch sizes. */
export type LoaderBatchListener = (loader: string, size: number) => void;
const batchListeners = new Set<LoaderBatchListener>();
export function onLoaderBatch(listener: LoaderBatchListener): () => void {
  batchListeners.add(listener);
  return () => batchListeners.delete(listener);
}

/**
 * Every loader is made here: a DataLoader named `family.relation` (e.g. "epci.bySiren") whose
 * batches are reported to the listeners, so that no loader module knows about metrics.
 */
export function batchLoader<K, V>(name: string, batch: BatchLoadFn<K, V>, batching: Batching = BATCHED): DataLoader<K, V> {
  return new DataLoader<K, V>(
    (keys) => {
      for (const listener of batchListeners) listener(name, keys.length);
      return batch(keys);
    },
    { name, ...(batching as DataLoader.Options<K, V>) },
  );
}

/** Keys per statement: far below SQLite's and PostgreSQL's bound-parameter limits. */
const KEYS_PER_STATEMENT = 5000;

/**
 * Runs `SELECT … WHERE <column> IN ({keys})` for all keys of a batch. SQLite gets a marker
 * list, one statement per 5,000 keys (so one statement for any realistic request).
 * PostgreSQL gets `<column> = ANY(?)` with the keys as one array: the statement text no
 * longer depends on how many keys there are, so it stays one prepared statement.
 */
export async function selectWhereIn<T>(
  db: SqlTarget,
  template: string,
  keys: readonly string[],
  extraParams: unknown[] = [],
): Promise<T[]> {
  // Parameters in template order: the extra ones may sit before or after {keys}.
  const [before, after] = template.split("IN ({keys})");
  if (after === undefined) throw new Error("selectWhereIn template lacks IN ({keys})");
  const paramsBefore = extraParams.slice(0, countMarks(before));
  const paramsAfter = extraParams.slice(countMarks(before));
  // A key lookup: short, so it may share a pipelined connection (src/db/read-pipeline.ts).
  if (isPostgres(db)) return sql<T>(db, `${before}= ANY(?)${after}`, [...paramsBefore, keys, ...paramsAfter], true);
  const rows: T[] = [];
  for (let i = 0; i < keys.length; i += KEYS_PER_STATEMENT) {
    const chunk = keys.slice(i, i + KEYS_PER_STATEMENT);
    rows.push(...(await sql<T>(db, `${before}IN (${markers(chunk.length)})${after}`, [...paramsBefore, ...chunk, ...paramsAfter])));
  }
  return rows;
}

const countMarks = (s: string) => (s.match(/\?/g) ?? []).length;

/** One value (or null) per key, in key order: what DataLoader requires. */
export function oneByKey<K, V>(keys: readonly K[], values: V[], keyOf: (value: V) => K): (V | null)[] {
  const map = new Map<K, V>();
  for (const value of values) map.set(keyOf(value), value);
  return keys.map((k) => map.get(k) ?? null);
}

/** A list per key (possibly empty), in key order, each list in the order the rows came. */
export function manyByKey<K, V>(keys: readonly K[], values: V[], keyOf: (value: V) => K): V[][] {
  const map = new Map<K, V[]>();
  for (const value of values) {
    const key = keyOf(value);
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  }
  return keys.map((k) => map.get(k) ?? []);
}

/**
 * Loaders that also depend on field arguments (a filter, a page): one DataLoader per distinct
 * argument set, created on first use, living as long as the request's loaders. `idOf` names an
 * argument set; by default its JSON (a plain value as it is: no JSON for a boolean or a code).
 */
export class LoaderFamily<A, K, V> {
  private readonly loaders = new Map<string, DataLoader<K, V>>();
  constructor(
    private readonly make: (args: A) => DataLoader<K, V>,
    private readonly idOf: (args: A) => string = (args) => (typeof args === "object" && args !== null ? JSON.stringify(args) : String(args)),
  ) {}
  with(args: A): DataLoader<K, V> {
    const id = this.idOf(args);
    let loader = this.loaders.get(id);
    if (!loader) {
      loader = this.make(args);
      this.loaders.set(id, loader);
    }
    return loader;
  }
}
