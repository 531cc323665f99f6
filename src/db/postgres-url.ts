/** A PostgreSQL URL whose sessions use `schema` first (search_path), e.g. one schema per test file or for the benchmark. */
export function postgresUrlWithSchema(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set("options", `-c search_path=${schema}`);
  return u.toString();
}
