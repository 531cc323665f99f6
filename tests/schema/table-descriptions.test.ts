import fs from "node:fs";
import path from "node:path";
import { type GraphQLSchema, isObjectType } from "graphql";
import { getMetadataStorage } from "type-graphql";
import type { TableRead } from "../../src/db/rows/table-read";
import { DATASET_READ, toDataset } from "../../src/db/rows/dataset.rows";
import { COMMUNE_READ, toCommune } from "../../src/db/rows/commune.rows";
import { DEPARTMENT_READ, toDepartment } from "../../src/db/rows/department.rows";
import { EPCI_READ, toEpci } from "../../src/db/rows/epci.rows";
import { INITIATIVE_READ, toInitiative } from "../../src/db/rows/initiative.rows";
import { ORGANIZATION_READ, toOrganization } from "../../src/db/rows/organization.rows";
import { PROFESSIONAL_COUNT_READ, toProfessionalCount } from "../../src/db/rows/professional-count.rows";
import { PROFESSIONAL_STAT_READ, toDatedStat } from "../../src/db/rows/professional-stat.rows";
import { REGION_READ, toRegion } from "../../src/db/rows/region.rows";
import { SAS_STATUS_READ, toSasStatus } from "../../src/db/rows/sas-department-status.rows";
import { SAS_PLATFORM_READ, toSasPlatform } from "../../src/db/rows/sas-platform.rows";
import { SOURCE_READ, toSource } from "../../src/db/rows/source.rows";
import { toVolunteer, VOLUNTEER_READ } from "../../src/db/rows/volunteer.rows";
import { toZoneNeeds, ZONE_NEEDS_READ } from "../../src/db/rows/zone-need.rows";
import { toZoneRouge, ZONE_ROUGE_READ } from "../../src/db/rows/zone-rouge.rows";
import { buildMonolithSchema } from "../../src/schema/monolith";
import { ALL_SUBGRAPHS } from "../../src/schema/subgraphs";
import { createTestDatabase, TEST_ENGINE, type TestDatabase } from "../support/test-database";

/**
 * Each table is described once by its migration and read through one column list (its
 * TableRead, src/db/rows): the migrated table, the list and the row mapper must agree, and the
 * model the mapper fills must have every plain GraphQL field set. A column added in one place
 * only fails here.
 */
/** `joined`: columns of another table the mapper also reads (selected with a join). */
const MODELS: { read: TableRead; map: (row: Record<string, unknown>) => object; joined?: string[] }[] = [
  { read: REGION_READ, map: toRegion },
  { read: DEPARTMENT_READ, map: toDepartment },
  { read: EPCI_READ, map: toEpci },
  { read: COMMUNE_READ, map: toCommune },
  { read: SOURCE_READ, map: toSource },
  { read: PROFESSIONAL_STAT_READ, map: (row) => toDatedStat(row).stat, joined: ["vintage"] },
  { read: PROFESSIONAL_COUNT_READ, map: toProfessionalCount },
  { read: ZONE_ROUGE_READ, map: toZoneRouge },
  { read: SAS_PLATFORM_READ, map: toSasPlatform },
  { read: SAS_STATUS_READ, map: toSasStatus },
  { read: DATASET_READ, map: toDataset },
  { read: ORGANIZATION_READ, map: toOrganization },
  { read: INITIATIVE_READ, map: toInitiative },
  { read: VOLUNTEER_READ, map: toVolunteer },
  { read: ZONE_NEEDS_READ, map: toZoneNeeds },
];

/** The columns of each table as the migrations created them. */
async function migratedColumns(database: TestDatabase, table: string): Promise<string[]> {
  const rows =
    TEST_ENGINE === "postgres"
      ? await database.db.query<{ name: string }>("SELECT column_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1", [table])
      : await database.db.query<{ name: string }>(`PRAGMA table_info(${table})`);
  return rows.map((r) => r.name).sort();
}

/** The columns a mapper reads from a row (every column present, with a value each mapper can convert). */
function columnsReadBy(map: (row: Record<string, unknown>) => object, columns: readonly string[], joined: string[] = []): { read: string[]; model: object } {
  const read = new Set<string>();
  const row = new Proxy({} as Record<string, unknown>, {
    get: (_target, property) => {
      if (typeof property !== "string") return undefined;
      read.add(property);
      return columns.includes(property) || joined.includes(property) ? "1" : undefined;
    },
  });
  const model = map(row);
  for (const column of joined) read.delete(column);
  return { read: [...read].sort(), model };
}

let database: TestDatabase;
let schema: GraphQLSchema;
beforeAll(async () => {
  database = await createTestDatabase({ seed: false });
  schema = await buildMonolithSchema(ALL_SUBGRAPHS);
});
afterAll(() => database?.drop());

describe("each table is described once: migration, column list and row mapper agree", () => {
  it("covers every table read of src/db/rows", async () => {
    const declared: TableRead[] = [];
    const dir = path.join(__dirname, "../../src/db/rows");
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".rows.ts"))) {
      const exports = (await import(path.join(dir, file))) as Record<string, unknown>;
      for (const value of Object.values(exports)) {
        if (typeof value === "object" && value !== null && "table" in value && "columns" in value) declared.push(value as TableRead);
      }
    }
    expect(declared.map((d) => d.table).sort()).toEqual(MODELS.map((m) => m.read.table).sort());
  });

  it.each(MODELS.map((m) => [m.read.table, m] as const))("%s: the migrated table has exactly the listed columns and those left out", async (table, { read }) => {
    expect(await migratedColumns(database, table)).toEqual([...read.columns, ...Object.keys(read.unread)].sort());
  });

  it.each(MODELS.map((m) => [m.read.table, m] as const))("%s: the row mapper reads exactly the listed columns", (_table, { read, map, joined }) => {
    expect(columnsReadBy(map, read.columns, joined).read).toEqual([...read.columns].sort());
  });

  it.each(MODELS.map((m) => [m.read.table, m] as const))("%s: the mapped model has every plain GraphQL field of its type set", (_table, { read, map, joined }) => {
    const { model } = columnsReadBy(map, read.columns, joined);
    const typeName = getMetadataStorage().objectTypes.find((o) => o.target === model.constructor)?.name;
    expect(typeName).toBeDefined();
    const type = schema.getType(typeName!);
    if (!isObjectType(type)) throw new Error(`${typeName} is not an object type of the schema`);
    // Fields without a resolver are read from the model as it is: the mapper must have set them.
    const plain = Object.values(type.getFields()).filter((field) => field.resolve === undefined).map((field) => field.name);
    expect(plain.filter((name) => (model as Record<string, unknown>)[name] === undefined)).toEqual([]);
    expect(plain.length).toBeGreaterThan(0);
  });
});
