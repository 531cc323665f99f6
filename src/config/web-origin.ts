/**
 * Web origins as browsers send them in the `Origin` header: `scheme://host[:port]`, nothing
 * more. CORS_ORIGINS lists some; API keys are bound to some (src/auth/origins.ts).
 */

/** The origin in its canonical form (lower-case scheme and host, default port dropped), or null when the text is not an origin. */
export function canonicalOrigin(text: string): string | null {
  if (!/^[a-z][a-z0-9+.-]*:\/\/[^/?#\s]+$/i.test(text)) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  if (url.username || url.password) return null;
  return url.origin;
}
