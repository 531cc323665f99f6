/** Largest page a client may ask for (`first` of a connection). */
export const MAX_PAGE_SIZE = 100;
/** Page size when a client gives no `first`. */
export const DEFAULT_PAGE_SIZE = 20;
