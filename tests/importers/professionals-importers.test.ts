import { IMPORTERS } from "../../seeds/importers";
import { rejectionOf, useImportFiles } from "../support/import-files";
import { useSeededApi } from "../support/suite";

const ctx = useSeededApi();
const { file } = useImportFiles("professionals-import-");
const snapshot = () => ctx.database.db.query("SELECT * FROM professional_stat ORDER BY source_id, department_code, specialty");

async function rejected(run: Promise<unknown>): Promise<[number, string][]> {
  return (await rejectionOf(run)).rejections.map((r) => [r.line, r.message]);
}

describe("npm run import -- drees-professionals EFFECTIFS.csv --density DENSITE.csv --vintage DATE", () => {
  const header = "dept_code,01-Médecine générale,11-Pédiatrie,Total général";
  it("loads a new DREES vintage next to the bundled one; the API's default becomes the latest", async () => {
    const headcounts = file("effectifs.csv", `${header}\n46,190,6,196\n2A,180,9,189\nTotal général,370,15,385\n`);
    const densities = file("densite.csv", `${header}\n46,"109,2","3,4","112,6"\n02A,"112,5","5,6","118,1"\nTotal général,"221,7","9","230,7"\n`);
    const summary = await IMPORTERS["drees-professionals"].run(ctx.database.db.dataSource, headcounts, { density: densities, vintage: "2025-01-01" });
    expect(summary).toMatchObject({ dataset: "drees-professionals", rows: 3, added: 6, removed: 0 });
    const { data } = await ctx.api.execute(`{ department(code: "46") {
      latest: gpDensity { value date source { id } }
      older: gpDensity(vintage: "2022") { value date }
      history: gpDensity { history { date value } } } }`);
    expect(data.department.latest).toEqual({ value: 109.2, date: "2025-01-01", source: { id: "drees-rpps-2025" } });
    expect(data.department.older.date).toBe("2022-01-01");
    expect(data.department.history.history.map((h: any) => h.date)).toEqual(["2022-01-01", "2025-01-01"]);
  });

  it("rejects unknown départements, non-numbers and figures without a density, changing nothing", async () => {
    const before = await snapshot();
    const headcounts = file("effectifs-bad.csv", `${header}\n46,190,6,196\n99,1,1,2\n47,abc,1,2\n48,3,1,4\n`);
    const densities = file("densite-bad.csv", `${header}\n46,"109,2","3,4","112,6"\n47,"1","1","2"\n`);
    expect(await rejected(IMPORTERS["drees-professionals"].run(ctx.database.db.dataSource, headcounts, { density: densities, vintage: "2025-01-01" }))).toEqual([
      [3, '"99" is not a département code'],
      [4, 'column "01-Médecine générale": "abc" is not a number'],
      [5, 'département 48, column "01-Médecine générale": no density in the density file'],
      [5, 'département 48, column "11-Pédiatrie": no density in the density file'],
      [5, 'département 48, column "Total général": no density in the density file'],
    ]);
    expect(await snapshot()).toEqual(before);
  });
});

describe("npm run import -- cnom-densities FILE", () => {
  it("makes each densite_YYYY column a CNOM vintage", async () => {
    const csv = file("cnom.csv", "specialite,code_departement,departement,densite_2030\nMédecine générale,46,Lot,101.5\nPédiatrie,46,Lot,\n");
    const summary = await IMPORTERS["cnom-densities"].run(ctx.database.db.dataSource, csv, {});
    expect(summary).toMatchObject({ rows: 2, added: 1 });
    const { data } = await ctx.api.execute(`{ department(code: "46") { gpDensity(source: CNOM) { value date source { id licence } } } }`);
    expect(data.department.gpDensity).toEqual({ value: 101.5, date: "2030", source: { id: "cnom-2030", licence: "Not open: CNOM publication. Check before any commercial use." } });
  });

  it("rejects a header without year columns, and duplicated lines", async () => {
    expect(await rejected(IMPORTERS["cnom-densities"].run(ctx.database.db.dataSource, file("cnom-nohead.csv", "specialite,code_departement\nX,46\n"), {}))).toEqual([
      [1, 'the header needs "specialite", "code_departement" and at least one "densite_YYYY" column'],
    ]);
    expect(await rejected(IMPORTERS["cnom-densities"].run(ctx.database.db.dataSource, file("cnom-dup.csv", "specialite,code_departement,densite_2031\nPédiatrie,46,1\nPédiatrie,46,2\n"), {}))).toEqual([
      [3, "Pédiatrie in 46 already given on line 2"],
    ]);
  });
});

describe("npm run import -- cnam-liberaux FILE", () => {
  it("loads a year of data.ameli.fr liberal practitioners, with the producer's regional lines as published", async () => {
    const csv = file(
      "ameli.csv",
      "annee,profession_sante,region,departement,classe_age,libelle_sexe,effectif,densite\n" +
        "2025,Ensemble des médecins généralistes,76,46,tout_age,tout sexe,120,69.1\n" +
        "2025,Ensemble des médecins généralistes,76,999,tout_age,tout sexe,4000,66.0\n" +
        "2025,Ensemble des médecins généralistes,76,46,70-79,tout sexe,12,6.9\n",
    );
    const summary = await IMPORTERS["cnam-liberaux"].run(ctx.database.db.dataSource, csv, {});
    expect(summary).toMatchObject({ rows: 3, added: 2 });
    const { data } = await ctx.api.execute(`{ department(code: "46") { gpDensity(source: CNAM_LIBERAUX) { value date mapUrl } }
      region(code: "76") { professionals(source: CNAM_LIBERAUX, vintage: "2025") { specialty headcount densityPer100k method } } }`);
    expect(data.department.gpDensity).toEqual({ value: 69.1, date: "2025", mapUrl: "/maps/departements.svg?measure=gpDensity&source=CNAM_LIBERAUX&vintage=2025" });
    expect(data.region.professionals).toEqual([{ specialty: "Ensemble des médecins généralistes", headcount: 4000, densityPer100k: 66, method: null }]);
  });

  it("rejects a regional line whose région is not one", async () => {
    const csv = file("ameli-region.csv", "annee,profession_sante,region,departement,effectif,densite\n2025,Infirmiers,7,999,1,1\n");
    expect(await rejected(IMPORTERS["cnam-liberaux"].run(ctx.database.db.dataSource, csv, {}))).toEqual([[2, '"7" is not a région code (regional lines have departement 999, France has region 99)']]);
  });

  it("rejects a line whose year is not a year", async () => {
    const csv = file("ameli-bad.csv", "annee,profession_sante,departement,effectif,densite\n25,Infirmiers,46,1,1\n");
    expect(await rejected(IMPORTERS["cnam-liberaux"].run(ctx.database.db.dataSource, csv, {}))).toEqual([[2, 'annee "25" is not a year']]);
  });
});
