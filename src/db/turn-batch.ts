/**
 * Items gathered during one turn of the event loop, handed over together once that turn's I/O
 * callbacks have all run (`setImmediate`): many requests reach the same nesting level in the
 * same turn, and their reads can then share one message to the SQLite worker, or one socket
 * write to PostgreSQL. The one mechanism both readers batch with.
 */
export class TurnBatch<T> {
  private items: T[] = [];

  constructor(private readonly flush: (items: T[]) => void) {}

  add(item: T): void {
    if (this.items.length === 0) setImmediate(() => this.release());
    this.items.push(item);
  }

  /** Drops what was gathered and not yet handed over (the reader is closing). */
  clear(): void {
    this.items = [];
  }

  private release(): void {
    const items = this.items;
    this.items = [];
    if (items.length > 0) this.flush(items);
  }
}
