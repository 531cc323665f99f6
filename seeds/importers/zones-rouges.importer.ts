import { createHash } from "node:crypto";
import type { DataSource } from "typeorm";
import { ZONES_ROUGES_LIST_DATE, ZONES_ROUGES_PROGRAMME } from "../../src/entities/care-offer/zone-rouge.entity";
import { toSearchText } from "../../src/db/search-text";
import { SIREN } from "../../src/validation/territory-codes";
import { readCsv } from "../lib/csv";
import { syncTable, type Row } from "../lib/sync-table";
import { SOURCES, type SourceRecord } from "../sources";
import { upsertSources } from "../sources.seed";
import type { ImportSummary } from "./import-result";
import { LineChecker } from "./line-checker";


const CONFIRMED = new Set(["", "exact", "normalized", "confirmed"]);
const UNCONFIRMED = new Set(["uncertain", "unconfirmed"]);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface ZonesRougesImportOptions {
  /** Remove designations that are not in the file: for loading the complete official list. Default false. */
  replace?: boolean;
  /** Called every few thousand lines. */
  onProgress?: (rows: number, bytesRead: number) => void;
}

/**
 * A line's own source: the page that names the EPCI, or the ministry list itself. The data is the
 * list (its date is the vintage, `designatedOn`); the page's own date is when it was published.
 */
function lineSource(url: string, title: string, date: string, designatedOn: string): SourceRecord {
  if (url === "") return { ...SOURCES.zonesRouges2025, vintage: designatedOn };
  const host = (() => {
    try {
      return new URL(url).host;
    } catch {
      return url;
    }
  })();
  return {
    id: `zr-${createHash("sha1").update(url).digest("hex").slice(0, 16)}`,
    producer: `Ministère de la Santé (list of 27 June 2025), as named by ${host}`,
    title: title || `Page naming a zone rouge (${host})`,
    vintage: designatedOn,
    publishedOn: date || undefined,
    note: date === "" ? "The page shows no publication date." : undefined,
    url,
    licence: "Facts from a public page; EPCI identity from INSEE/DGCL (Licence Ouverte)",
  };
}

/**
 * `npm run import -- zones-rouges FILE.csv`. CSV with a header; `siren` is required, the other
 * columns are optional: `nom_epci` (checked against the SIREN's EPCI), `match` (exact,
 * normalized, confirmed, or uncertain/unconfirmed for designations to load as unconfirmed),
 * `designated_on` (YYYY-MM-DD, default 2025-06-27), `source_url`, `source_title`, `source_date`,
 * `note`. Every line is checked first; one bad line rejects the whole file and changes nothing.
 */
export async function importZonesRouges(db: DataSource, file: string, options: ZonesRougesImportOptions = {}): Promise<ImportSummary> {
  const epcis = new Map<string, string>(
    ((await db.query("SELECT siren, name FROM epci")) as { siren: string; name: string }[]).map((e) => [e.siren, e.name]),
  );
  const check = new LineChecker();
  const rows: Row[] = [];
  const sources = new Map<string, SourceRecord>();
  const seen = new Map<string, number>();
  try {
    for await (const { line, record } of readCsv(file, { onProgress: options.onProgress })) {
      if (line === 2 && !("siren" in record)) {
        check.reject(1, 'the header has no "siren" column');
        break;
      }
      const siren = (record.siren ?? "").trim();
      const reject = (message: string) => check.reject(line, message);
      if (!SIREN.test(siren)) {
        reject(`"${siren}" is not a SIREN (nine digits)`);
        continue;
      }
      const name = epcis.get(siren);
      if (!name) {
        reject(`SIREN ${siren} is not an EPCI of the 2026 list`);
        continue;
      }
      if (seen.has(siren)) {
        reject(`SIREN ${siren} already given on line ${seen.get(siren)}`);
        continue;
      }
      seen.set(siren, line);
      const givenName = (record.nom_epci ?? "").trim();
      if (givenName !== "" && toSearchText(givenName) !== toSearchText(name)) {
        reject(`nom_epci "${givenName}" is not the name of SIREN ${siren} ("${name}")`);
        continue;
      }
      const match = (record.match ?? "").trim().toLowerCase();
      if (!CONFIRMED.has(match) && !UNCONFIRMED.has(match)) {
        reject(`match "${match}" is not one of exact, normalized, confirmed, uncertain, unconfirmed`);
        continue;
      }
      const designatedOn = (record.designated_on ?? "").trim() || ZONES_ROUGES_LIST_DATE;
      const sourceDate = (record.source_date ?? "").trim();
      if (!DATE.test(designatedOn) || (sourceDate !== "" && !DATE.test(sourceDate))) {
        reject("dates must be written YYYY-MM-DD");
        continue;
      }
      const source = lineSource((record.source_url ?? "").trim(), (record.source_title ?? "").trim(), sourceDate, designatedOn);
      sources.set(source.id, source);
      const confirmed = !UNCONFIRMED.has(match);
      rows.push({
        epci_siren: siren,
        designated_on: designatedOn,
        programme: ZONES_ROUGES_PROGRAMME,
        confirmed,
        note:
          (record.note ?? "").trim() ||
          (confirmed ? null : "Unconfirmed: the SIREN is the best reading of an ambiguous or indirect public source, not checked against the ministry's file."),
        source_id: source.id,
      });
    }
  } catch (error) {
    check.malformed(error);
  }
  check.finish("zones-rouges", rows.length, "the file holds no designation");

  const counts = await db.transaction(async (manager) => {
    await upsertSources(manager, [...sources.values()]);
    return syncTable(manager, rows, {
      table: "zone_rouge",
      key: ["epci_siren"],
      columns: ["epci_siren", "designated_on", "programme", "confirmed", "note", "source_id"],
      removeMissing: options.replace ?? false,
    });
  });
  return { dataset: "zones-rouges", rows: rows.length, ...counts };
}
