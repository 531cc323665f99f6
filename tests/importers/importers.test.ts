import { importPdsa } from "../../seeds/importers/pdsa.importer";
import { importSasPlatforms } from "../../seeds/importers/sas-platforms.importer";
import { importZonesRouges } from "../../seeds/importers/zones-rouges.importer";
import { rejectionOf, useImportFiles } from "../support/import-files";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let database: TestDatabase;
const { file } = useImportFiles("import-test-");
const snapshot = async (table: string) => database.db.query(`SELECT * FROM ${table} ORDER BY 1, 2`);

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.drop();
});

async function expectRejected(run: Promise<unknown>, lines: [number, RegExp][]) {
  const { rejections } = await rejectionOf(run);
  expect(rejections.map((r) => r.line)).toEqual(lines.map(([line]) => line));
  lines.forEach(([, message], i) => expect(rejections[i].message).toMatch(message));
}

describe("npm run import -- zones-rouges FILE", () => {
  it("loads a CSV of SIREN codes, marking uncertain ones as unconfirmed", async () => {
    const summary = await importZonesRouges(database.db, file("ok.csv", "siren,match,source_url,source_title,source_date\n200066637,exact,https://example.org/a,Page A,2025-07-01\n241500255,uncertain,,,\n"));
    expect(summary).toMatchObject({ rows: 2 });
    const rows = await database.db.query("SELECT epci_siren, confirmed FROM zone_rouge WHERE epci_siren IN ('200066637', '241500255') ORDER BY epci_siren");
    expect(rows.map((r: any) => [r.epci_siren, Boolean(r.confirmed)])).toEqual([["200066637", true], ["241500255", false]]);
  });

  it("rejects a file with an unknown SIREN or a malformed row, naming the lines, and changes nothing", async () => {
    const before = await snapshot("zone_rouge");
    await expectRejected(
      importZonesRouges(database.db, file("bad.csv", "siren,nom_epci\n200035327,CC Cazals-Salviac\n999999999,\n12345,\n200071082,CC Val de Ligne\n")),
      [
        [3, /999999999 is not an EPCI/],
        [4, /"12345" is not a SIREN/],
        [5, /nom_epci "CC Val de Ligne" is not the name of SIREN 200071082/],
      ],
    );
    await expectRejected(importZonesRouges(database.db, file("quote.csv", 'siren\n200035327\n"200035327\n')), [[3, /malformed CSV/]]);
    await expectRejected(importZonesRouges(database.db, file("nohead.csv", "epci\n200035327\n")), [[1, /no "siren" column/]]);
    expect(await snapshot("zone_rouge")).toEqual(before);
  });

  it("with --replace, makes the zones exactly the file's (for the official list)", async () => {
    await importZonesRouges(database.db, file("official.csv", "siren\n200035327\n244600573\n"), { replace: true });
    const rows = await database.db.query("SELECT epci_siren FROM zone_rouge ORDER BY epci_siren");
    expect(rows.map((r: any) => r.epci_siren)).toEqual(["200035327", "244600573"]);
  });
});

describe("npm run import -- pdsa FILE --vintage YYYY", () => {
  it("loads participation per département as a dated measure with its own source", async () => {
    const summary = await importPdsa(database.db, file("pdsa.csv", "department,year,participation_percent,participating_gps,eligible_gps\n46,2024,41.5,80,193\n2A,2024,55,,\nFR,2024,39,,\n"), { vintage: "2024" });
    expect(summary).toMatchObject({ rows: 3, added: 5 });
    const [row] = await database.db.query("SELECT value, source_id FROM measure WHERE indicator = 'pdsa-participation' AND territory = 'department:46'");
    expect(row).toEqual({ value: 41.5, source_id: "pdsa-import-2024" });
  });

  it("rejects a bad file whole, naming each bad line", async () => {
    const before = await snapshot("measure");
    await expectRejected(importPdsa(database.db, file("pdsa-bad.csv", "department,year,participation_percent\n46,2023,40\n99,2023,40\n47,23,40\n48,2023,140\n46,2023,41\n"), { vintage: "2023" }), [
      [3, /"99" is not a département code/],
      [4, /year "23"/],
      [5, /between 0 and 100/],
      [6, /already given on line 2/],
    ]);
    expect(await snapshot("measure")).toEqual(before);
  });
});

describe("npm run import -- sas-platforms FILE --vintage YYYY", () => {
  it("loads the platforms and links each to its départements", async () => {
    await importSasPlatforms(database.db, file("sas.csv", "id,name,departments,appointments_booked\nsas-46,SAS du Lot,46,1200\nsas-pays-basque,SAS Landes Pays basque,40;64,\n"), { vintage: "2025" });
    const rows = await database.db.query("SELECT platform_id, department_code FROM sas_platform_department ORDER BY department_code");
    expect(rows).toEqual([
      { platform_id: "sas-pays-basque", department_code: "40" },
      { platform_id: "sas-46", department_code: "46" },
      { platform_id: "sas-pays-basque", department_code: "64" },
    ]);
  });

  it("rejects unknown départements and a département claimed twice, changing nothing", async () => {
    const before = await snapshot("sas_platform_department");
    await expectRejected(importSasPlatforms(database.db, file("sas-bad.csv", "id,name,departments\na,A,46;99\nb,B,47\nc,C,47\n"), { vintage: "2025" }), [
      [2, /unknown département code\(s\): 99/],
      [4, /47 already covered on line 3/],
    ]);
    expect(await snapshot("sas_platform_department")).toEqual(before);
  });
});
