import { importPdsa } from "../../seeds/importers/pdsa.importer";
import { importSasCounts } from "../../seeds/importers/sas-counts.importer";
import { importSasDepartements, statedOn } from "../../seeds/importers/sas-departements.importer";
import { importZonesRougesExpected } from "../../seeds/importers/zones-rouges-expected.importer";
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
    const summary = await importZonesRouges(database.db.dataSource, file("ok.csv", "siren,match,source_url,source_title,source_date\n200066637,exact,https://example.org/a,Page A,2025-07-01\n241500255,uncertain,,,\n"));
    expect(summary).toMatchObject({ rows: 2 });
    const rows = await database.db.query("SELECT epci_siren, confirmed FROM zone_rouge WHERE epci_siren IN ('200066637', '241500255') ORDER BY epci_siren");
    expect(rows.map((r: any) => [r.epci_siren, Boolean(r.confirmed)])).toEqual([["200066637", true], ["241500255", false]]);
  });

  it("rejects a file with an unknown SIREN or a malformed row, naming the lines, and changes nothing", async () => {
    const before = await snapshot("zone_rouge");
    await expectRejected(
      importZonesRouges(database.db.dataSource, file("bad.csv", "siren,nom_epci\n200035327,CC Cazals-Salviac\n999999999,\n12345,\n200071082,CC Val de Ligne\n")),
      [
        [3, /999999999 is not an EPCI/],
        [4, /"12345" is not a SIREN/],
        [5, /nom_epci "CC Val de Ligne" is not the name of SIREN 200071082/],
      ],
    );
    await expectRejected(importZonesRouges(database.db.dataSource, file("quote.csv", 'siren\n200035327\n"200035327\n')), [[3, /malformed CSV/]]);
    await expectRejected(importZonesRouges(database.db.dataSource, file("nohead.csv", "epci\n200035327\n")), [[1, /no "siren" column/]]);
    expect(await snapshot("zone_rouge")).toEqual(before);
  });

  it("with --replace, makes the zones exactly the file's (for the official list)", async () => {
    await importZonesRouges(database.db.dataSource, file("official.csv", "siren\n200035327\n244600573\n"), { replace: true });
    const rows = await database.db.query("SELECT epci_siren FROM zone_rouge ORDER BY epci_siren");
    expect(rows.map((r: any) => r.epci_siren)).toEqual(["200035327", "244600573"]);
  });
});

describe("npm run import -- pdsa FILE --vintage YYYY", () => {
  it("loads participation per département as a dated measure with its own source", async () => {
    const summary = await importPdsa(database.db.dataSource, file("pdsa.csv", "department,year,participation_percent,participating_gps,eligible_gps\n46,2024,41.5,80,193\n2A,2024,55,,\nFR,2024,39,,\n"), { vintage: "2024" });
    expect(summary).toMatchObject({ rows: 3, added: 5 });
    const [row] = await database.db.query("SELECT value, source_id FROM measure WHERE indicator = 'pdsa-participation' AND territory = 'department:46'");
    expect(row).toEqual({ value: 41.5, source_id: "pdsa-import-2024" });
  });

  it("rejects a bad file whole, naming each bad line", async () => {
    const before = await snapshot("measure");
    await expectRejected(importPdsa(database.db.dataSource, file("pdsa-bad.csv", "department,year,participation_percent\n46,2023,40\n99,2023,40\n47,23,40\n48,2023,140\n46,2023,41\n"), { vintage: "2023" }), [
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
    await importSasPlatforms(database.db.dataSource, file("sas.csv", "id,name,departments,appointments_booked\nsas-46,SAS du Lot,46,1200\nsas-pays-basque,SAS Landes Pays basque,40;64,\n"), { vintage: "2025" });
    const rows = await database.db.query("SELECT platform_id, department_code FROM sas_platform_department ORDER BY department_code");
    expect(rows).toEqual([
      { platform_id: "sas-pays-basque", department_code: "40" },
      { platform_id: "sas-46", department_code: "46" },
      { platform_id: "sas-pays-basque", department_code: "64" },
    ]);
  });

  it("rejects unknown départements and a département claimed twice, changing nothing", async () => {
    const before = await snapshot("sas_platform_department");
    await expectRejected(importSasPlatforms(database.db.dataSource, file("sas-bad.csv", "id,name,departments\na,A,46;99\nb,B,47\nc,C,47\n"), { vintage: "2025" }), [
      [2, /unknown département code\(s\): 99/],
      [4, /47 already covered on line 3/],
    ]);
    expect(await snapshot("sas_platform_department")).toEqual(before);
  });
});

describe("npm run import -- zones-rouges-expected FILE", () => {
  it("stores each région's stated count with its page, and no count where the file gives none", async () => {
    await importZonesRougesExpected(database.db.dataSource, file("expected.csv", "region_code,expected,source_url,source_title\n44,10,https://example.org/ge,ARS Grand Est\n27,,https://example.org/lq,LQdM\n"));
    const rows = await database.db.query("SELECT territory, value, observed_on FROM measure WHERE indicator = 'zones-rouges-count' AND territory IN ('region:44', 'region:27')");
    expect(rows).toEqual([{ territory: "region:44", value: 10, observed_on: "2025-06-27" }]);
  });

  it("rejects unknown régions, counts that are not whole numbers and counts without a page", async () => {
    const before = await snapshot("measure");
    await expectRejected(importZonesRougesExpected(database.db.dataSource, file("expected-bad.csv", "region_code,expected,source_url\n99,3,https://example.org\n44,ten,https://example.org\n53,2,\n")), [
      [2, /"99" is not a région code/],
      [3, /expected "ten" is not a whole number/],
      [4, /source_url must be the http\(s\) address/],
    ]);
    expect(await snapshot("measure")).toEqual(before);
  });

  it("rejects a line whose title holds an unquoted comma (line 12 of the shared file; the bundled copy quotes it)", async () => {
    const line12 =
      "76,Occitanie,28,https://www.occitanie-tribune.com/articles/53057/herault-occitanie-zones-en-guerre-contre-les-deserts-medicaux," +
      'HÉRAULT - Occitanie : 28 zones en guerre contre les déserts médicaux (Occitanie Tribune, 27 Jun 2025),"ARS Occitanie: 28 EPCI, 323,497 inhabitants"';
    await expectRejected(importZonesRougesExpected(database.db.dataSource, file("expected-comma.csv", `region_code,region,expected,source_url,source_title,note\n${line12}\n`)), [
      [2, /malformed CSV: Invalid Record Length/],
    ]);
  });
});

describe("npm run import -- sas-counts FILE", () => {
  it("loads dated national counts, each with its page as source at the count's date", async () => {
    await importSasCounts(database.db.dataSource, file("counts.csv", "date,sas_operational,population_covered_pct,source_url,source_title\n2024-06-15,74,87,https://example.org/release,Release\n"));
    const rows = await database.db.query(
      "SELECT m.indicator, m.value, s.vintage, s.url FROM measure m JOIN source s ON s.id = m.source_id WHERE m.territory = 'FR' AND m.observed_on = '2024-06-15' ORDER BY m.indicator",
    );
    expect(rows).toEqual([
      { indicator: "sas-count", value: 74, vintage: "2024-06-15", url: "https://example.org/release" },
      { indicator: "sas-population-covered", value: 87, vintage: "2024-06-15", url: "https://example.org/release" },
    ]);
  });

  it("rejects bad dates, counts and shares", async () => {
    await expectRejected(importSasCounts(database.db.dataSource, file("counts-bad.csv", "date,sas_operational,population_covered_pct,source_url\nJune 2024,74,,https://example.org\n2024-06-15,many,,https://example.org\n2024-06-15,74,140,https://example.org\n")), [
      [2, /date "June 2024" must be written YYYY-MM-DD/],
      [3, /sas_operational "many"/],
      [4, /between 0 and 100/],
    ]);
  });
});

describe("npm run import -- sas-departements FILE", () => {
  const HEADER = "code_departement,sas_nom_declare,porteurs_declares,date_ouverture_declaree,date_ouverture_iso,statut_declare,couverture_regionale_declaree,sources,note";
  it("stores what pages state per département, names its SAS, and ignores région-wide statements", async () => {
    const summary = await importSasDepartements(
      database.db.dataSource,
      file("sas-dep.csv", `${HEADER}\n48,SAS 48,CH Mende,depuis mars 2024,2024-03,opérationnel,,https://example.org/lozere,\n47,,,,,,tous les départements couverts,https://example.org/region,\n46,SAS du Lot (page),,,,opérationnel,,https://example.org/lot,\n`),
    );
    expect(summary.notes).toEqual(["2 départements with a statement, 2 SAS named"]);
    const statuses = await database.db.query("SELECT department_code, status, opened_on, platform_name FROM sas_department_status WHERE department_code IN ('46', '47', '48') ORDER BY 1");
    expect(statuses).toEqual([
      { department_code: "46", status: "opérationnel", opened_on: null, platform_name: "SAS du Lot (page)" },
      { department_code: "48", status: "opérationnel", opened_on: "2024-03", platform_name: "SAS 48" },
    ]);
    // The Lot already belongs to a platform of an imported list (above): it keeps it; the Lozère gets the SAS its page names.
    const links = await database.db.query("SELECT department_code, platform_id FROM sas_platform_department WHERE department_code IN ('46', '48') ORDER BY 1");
    expect(links).toEqual([{ department_code: "46", platform_id: "sas-46" }, { department_code: "48", platform_id: "dep-48" }]);
  });

  it("reads the date a status is stated for from the page's wording", () => {
    expect(statedOn("en fonctionnement au 2021-06-18")).toBe("2021-06-18");
    expect(statedOn("", "opérationnel en juillet 2022")).toBe("2022-07");
    expect(statedOn("déployé depuis le 27 mai 2024")).toBe("2024-05");
    expect(statedOn("opérationnel")).toBeNull();
  });

  it("rejects a statement without status, a malformed opening date or no source", async () => {
    await expectRejected(importSasDepartements(database.db.dataSource, file("sas-dep-bad.csv", `${HEADER}\n46,SAS 46,,,,,,https://example.org,\n47,,,,juin 2024,opérationnel,,https://example.org,\n48,,,x,,opérationnel,,,\n`)), [
      [2, /statut_declare is empty/],
      [3, /date_ouverture_iso "juin 2024"/],
      [4, /sources must list/],
    ]);
  });
});

describe("npm run import -- pdsa FILE (press format, one page per line)", () => {
  it("takes each line's page as source, with the survey's reference date (31 December) as vintage, without --vintage", async () => {
    await importPdsa(database.db.dataSource, file("pdsa-press.csv", "code_departement,annee_situation_31_decembre,taux_participation_pdsa_pct,citation_source,source_url,source_titre\n46,2021,41,« 41 % dans le Lot »,https://example.org/pdsa,Page\n"), {});
    const [row] = await database.db.query("SELECT m.value, m.note, s.vintage, s.url FROM measure m JOIN source s ON s.id = m.source_id WHERE m.territory = 'department:46' AND m.observed_on = '2021'");
    expect(row).toEqual({ value: 41, note: "« 41 % dans le Lot »", vintage: "2021-12-31", url: "https://example.org/pdsa" });
  });

  it("rejects a line with neither a page nor a --vintage for the file", async () => {
    await expectRejected(importPdsa(database.db.dataSource, file("pdsa-nosource.csv", "department,year,participation_percent\n46,2021,41\n"), {}), [[2, /no source_url on the line and no --vintage/]]);
  });
});
