import http from "node:http";
import type { AddressInfo } from "node:net";
import Database from "better-sqlite3";
import { Pool } from "pg";
import { parseDatabaseUrl } from "../src/config/config";
import { FAN_OUT_QUERY, FLAT_LIST_QUERY, HERO_QUERY, POINT_QUERY, offsetAfter, type RequestBody } from "./queries";

/**
 * The floor: the benchmark's rows fetched with hand-written SQL through the same drivers
 * (better-sqlite3, pg), prepared once, answered by a bare Node HTTP server with the same JSON
 * as our GraphQL responses. No GraphQL, no Express, no TypeORM. What any of our contenders
 * could at best approach.
 */

type Row = Record<string, any>;
interface Db {
  all(name: string, text: string, params: unknown[]): Promise<Row[]>;
}

let statements = 0;

function sqliteDb(file: string): Db {
  const db = new Database(file, { readonly: true });
  const prepared = new Map<string, Database.Statement>();
  return {
    async all(name, text, params) {
      statements++;
      let statement = prepared.get(name);
      if (!statement) prepared.set(name, (statement = db.prepare(text)));
      return statement.all(...params) as Row[];
    },
  };
}

function postgresDb(url: string): Db {
  const pool = new Pool({ connectionString: url, max: 10 });
  return {
    async all(name, text, params) {
      statements++;
      let n = 0;
      // Named statements: each connection parses and plans them once.
      const result = await pool.query({ name, text: text.replace(/\?/g, () => `$${++n}`), values: params });
      return result.rows;
    },
  };
}

const ZONES_OF_REGION = `SELECT z.epci_siren FROM zone_rouge z JOIN epci_department ed ON ed.epci_siren = z.epci_siren
  JOIN department d ON d.code = ed.department_code WHERE d.region_code = ? AND z.confirmed = TRUE`;

async function hero(db: Db, code: string) {
  const [regions, zones, initiatives, carriers] = await Promise.all([
    db.all("region", "SELECT code, name FROM region WHERE code = ?", [code]),
    db.all("zones", `SELECT e.siren, e.name, e.population FROM epci e WHERE e.siren IN (${ZONES_OF_REGION}) ORDER BY e.population DESC, e.siren`, [code]),
    db.all(
      "initiatives",
      `SELECT p.code AS siren, i.id, i.title, i.kind FROM initiative_place p JOIN initiative i ON i.id = p.initiative_id
       WHERE p.level = 'EPCI' AND i.archived = FALSE AND p.code IN (${ZONES_OF_REGION}) ORDER BY i.title, i.id`,
      [code],
    ),
    db.all(
      "carriers",
      `SELECT c.initiative_id, o.name FROM initiative_carrier c JOIN organization o ON o.id = c.organization_id
       WHERE c.initiative_id IN (SELECT p.initiative_id FROM initiative_place p JOIN initiative i ON i.id = p.initiative_id
         WHERE p.level = 'EPCI' AND i.archived = FALSE AND p.code IN (${ZONES_OF_REGION}))
       ORDER BY o.name`,
      [code],
    ),
  ]);
  if (regions.length === 0) return { region: null };
  const carriersOf = group(carriers, (c) => c.initiative_id, (c) => ({ name: c.name }));
  const initiativesOf = group(initiatives, (i) => i.siren, (i) => ({ title: i.title, kind: i.kind, carriers: carriersOf.get(i.id) ?? [] }));
  return {
    region: {
      name: regions[0].name,
      zonesRouges: zones.map((z) => ({ siren: z.siren, name: z.name, population: z.population, initiatives: initiativesOf.get(z.siren) ?? [] })),
    },
  };
}

async function flatList(db: Db, after: string | undefined) {
  const offset = offsetAfter(after);
  const rows = await db.all("epci_page", "SELECT e.name, e.population FROM epci e ORDER BY e.search_name, e.siren LIMIT ? OFFSET ?", [101, offset]);
  return { epcis: { edges: rows.slice(0, 100).map((r) => ({ node: { name: r.name, population: r.population } })), pageInfo: { hasNextPage: rows.length > 100 } } };
}

async function point(db: Db, siren: string) {
  const [row] = await db.all("epci", "SELECT e.siren, e.name, e.kind, e.population FROM epci e WHERE e.siren = ?", [siren]);
  return { epci: row ? { siren: row.siren, name: row.name, kind: row.kind, population: row.population } : null };
}

async function fanOut(db: Db) {
  const [regions, departments, epcis, communes] = await Promise.all([
    db.all("regions", "SELECT r.code, r.name FROM region r ORDER BY r.code", []),
    db.all("departments", "SELECT d.code, d.name, d.region_code FROM department d ORDER BY d.code", []),
    db.all(
      "department_epcis",
      `SELECT DISTINCT ed.department_code, e.siren, e.name, e.search_name FROM epci_department ed JOIN epci e ON e.siren = ed.epci_siren
       ORDER BY e.search_name, e.siren`,
      [],
    ),
    db.all("epci_communes", "SELECT ec.epci_siren, c.name FROM epci_commune ec JOIN commune c ON c.code = ec.commune_code ORDER BY c.population DESC, c.code", []),
  ]);
  const communesOf = group(communes, (c) => c.epci_siren, (c) => ({ name: c.name }));
  const epcisOf = group(epcis, (e) => e.department_code, (e) => ({ name: e.name, communes: communesOf.get(e.siren) ?? [] }));
  const departmentsOf = group(departments, (d) => d.region_code, (d) => ({ name: d.name, epcis: epcisOf.get(d.code) ?? [] }));
  return { regions: regions.map((r) => ({ name: r.name, departments: departmentsOf.get(r.code) ?? [] })) };
}

function group<T>(rows: Row[], key: (row: Row) => string, map: (row: Row) => T): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(map(row));
    else out.set(k, [map(row)]);
  }
  return out;
}

function main(): void {
  const config = parseDatabaseUrl(process.env.DATABASE_URL);
  const db = config.kind === "sqlite" ? sqliteDb(config.path) : postgresDb(config.url);
  // The query texts our contenders receive; the floor answers exactly those.
  const handlers = new Map<string, (variables: Record<string, any>) => Promise<unknown>>([
    [HERO_QUERY, () => hero(db, "76")],
    [FLAT_LIST_QUERY, (v) => flatList(db, v.after)],
    [POINT_QUERY, (v) => point(db, String(v.siren))],
    [FAN_OUT_QUERY, () => fanOut(db)],
  ]);
  // Same keep-alive settings as our server (src/server/start-server.ts), so neither resets busy connections.
  const server = http.createServer({ keepAliveTimeout: 65_000, headersTimeout: 66_000 }, (req, res) => {
    if (req.url === "/bench/sql-statements") {
      res.setHeader("content-type", "application/json").end(JSON.stringify({ statements }));
      return;
    }
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      let body: RequestBody;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      } catch {
        res.statusCode = 400;
        res.end();
        return;
      }
      const handler = body.query === undefined ? undefined : handlers.get(body.query);
      if (!handler) {
        res.statusCode = 404;
        res.end(JSON.stringify({ errors: [{ message: "the floor answers only the benchmark's queries" }] }));
        return;
      }
      handler(body.variables ?? {}).then(
        (data) => res.setHeader("content-type", "application/json").end(JSON.stringify({ data })),
        (error: unknown) => {
          res.statusCode = 500;
          res.end(JSON.stringify({ errors: [{ message: String(error) }] }));
        },
      );
    });
  });
  server.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => {
    process.stdout.write(`ready on http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql\n`);
  });
}

main();
