import { parse } from "csv-parse/sync";

export interface FileAnswer {
  status: number;
  headers: Headers;
  /** The body decoded as UTF-8 (fetch drops a leading byte-order mark: see `bytes`). */
  text: string;
  bytes: Buffer;
}

/**
 * GET a path of the running app. The test server keeps idle connections 5 s (Node's default): a
 * request sent on a pooled connection just as the server closes it is reset before it is read,
 * and is sent once more, as browsers do.
 */
export async function getFile(base: string, path: string, headers: Record<string, string> = {}): Promise<FileAnswer> {
  const send = () => fetch(`${base}${path}`, { headers });
  const res = await send().catch((error: { cause?: { code?: string } }) => {
    if (error.cause?.code === "ECONNRESET") return send();
    throw error;
  });
  const bytes = Buffer.from(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, text: bytes.toString("utf8"), bytes };
}

/** Rows of one of our CSV files, read as a spreadsheet would: `;`, header row, byte-order mark dropped. */
export function csvRows(text: string): Record<string, string>[] {
  return parse(text, { delimiter: ";", columns: true, bom: true, skip_empty_lines: true }) as Record<string, string>[];
}

/** A CSV cell back to the API's value: empty is null, numbers as numbers. */
export const asNumber = (cell: string): number | null => (cell === "" ? null : Number(cell));
