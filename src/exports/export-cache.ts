import { LRUCache } from "lru-cache";
import { DEFAULT_EXPORT_CACHE, type ExportCacheOptions } from "../config/exports";

/** A built file and the headers it was answered with. */
export interface CachedFile {
  headers: Record<string, string>;
  body: Buffer;
}

/**
 * Built export files, keyed by the data version (src/services/shared/data-version.service.ts)
 * and the request (path and parameters in a fixed order): an import or a write changes the
 * version, so a stale file is never served, whichever process made the change. Bounded in bytes;
 * a file is kept once it has been streamed whole, so the first request never waits for it.
 */
export class ExportCache {
  private readonly files: LRUCache<string, CachedFile>;
  private readonly maxEntryBytes: number;

  constructor(options: ExportCacheOptions = {}) {
    const maxBytes = options.maxBytes ?? DEFAULT_EXPORT_CACHE.maxBytes;
    this.maxEntryBytes = options.maxEntryBytes ?? DEFAULT_EXPORT_CACHE.maxEntryBytes;
    this.files = new LRUCache<string, CachedFile>({ maxSize: maxBytes, sizeCalculation: (file) => Math.max(1, file.body.length) });
  }

  static key(dataVersion: string, path: string, params: Record<string, string | undefined>): string {
    const query = Object.keys(params)
      .filter((k) => params[k] !== undefined)
      .sort()
      .map((k) => `${k}=${params[k]}`)
      .join("&");
    return `${dataVersion} ${path}?${query}`;
  }

  get(key: string): CachedFile | undefined {
    return this.files.get(key);
  }

  /** Collects a file's chunks as they are written; `keep` stores it unless it grew past the entry bound. */
  recorder(key: string, headers: Record<string, string>) {
    let parts: Buffer[] | null = [];
    let size = 0;
    return {
      add: (chunk: string | Buffer) => {
        if (!parts) return;
        const bytes = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
        size += bytes.length;
        if (size > this.maxEntryBytes) parts = null;
        else parts.push(bytes);
      },
      keep: () => {
        if (parts) this.files.set(key, { headers, body: Buffer.concat(parts, size) });
      },
    };
  }
}
