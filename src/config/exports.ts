/** Bounds of the in-memory cache of built export files (src/exports/export-cache.ts). */
export interface ExportCacheOptions {
  /** Bytes the cache may hold in all. Default 64 MB. */
  maxBytes?: number;
  /** A file larger than this is streamed each time, never kept. Default 16 MB (all communes as CSV: about 3 MB). */
  maxEntryBytes?: number;
}

export const DEFAULT_EXPORT_CACHE = { maxBytes: 64 * 1024 * 1024, maxEntryBytes: 16 * 1024 * 1024 } as const;
