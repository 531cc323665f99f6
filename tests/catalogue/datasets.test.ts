import { parse } from "csv-parse/sync";
import fs from "node:fs";
import path from "node:path";
import { dataFile } from "../../seeds/data-files";
import { IMPORTERS } from "../../seeds/importers";
import { useImportFiles } from "../support/import-files";
import { useSeededApi } from "../support/suite";

const ctx = useSeededApi();
const { file } = useImportFiles("catalogue-");

const DATASETS = `{ datasets { id title producer vintage licence url file rows loadedAt importCommand
  territories { unit known expected complete missing } completeness { unit known confirmed expected complete } } }`;

/** Data lines of a bundled CSV, counted with csv-parse directly (not through the importers). */
const records = (name: string) => (parse(fs.readFileSync(dataFile(name)), { columns: true, bom: true, skip_empty_lines: true }) as unknown[]).length;

describe("the dataset catalogue", () => {
  it("lists every bundled data file with the rows it holds, read from the file itself", async () => {
    const { data, errors } = await ctx.api.execute(DATASETS);
    expect(errors).toBeUndefined();
    const csvFiles = fs.readdirSync(path.dirname(dataFile("x"))).filter((f) => f.endsWith(".csv"));
    const listed = data.datasets.flatMap((d: any) => String(d.file).split(" + "));
    for (const name of csvFiles) expect(listed).toContain(name);
    for (const d of data.datasets.filter((x: any) => String(x.file).endsWith(".csv"))) {
      const files = String(d.file).split(" + ");
      // The DREES densities file has the headcounts file's 102 lines, read alongside it: counted once.
      const expected = d.id === "drees-professionals" ? records(files[0]) : files.reduce((n, f) => n + records(f), 0);
      expect({ id: d.id, rows: d.rows }).toEqual({ id: d.id, rows: expected });
    }
    expect(data.datasets.find((d: any) => d.id === "zones-rouges").rows).toBe(69);
  });

  it("gives each dataset its producer, vintage, licence, load date and the command that refreshes it", async () => {
    const { data } = await ctx.api.execute(DATASETS);
    expect(data.datasets.map((d: any) => d.id).sort()).toEqual([
      "barometre-ind-311", "barometre-ind-312", "barometre-ind-318", "barometre-ind-587", "barometre-ind-589", "barometre-ind-679",
      "cnam-liberaux", "cnom-densities", "drees-apl", "drees-professionals", "initiatives", "pdsa", "published-figures",
      "sas-counts", "sas-departements", "territories", "zones-rouges", "zones-rouges-expected",
    ]);
    for (const d of data.datasets) {
      expect(d.producer.length).toBeGreaterThan(3);
      expect(d.vintage.length).toBeGreaterThan(3);
      expect(d.licence.length).toBeGreaterThan(3);
      expect(d.importCommand).toMatch(/^npm run (seed|import -- )/);
      expect(new Date(d.loadedAt).toISOString()).toBe(d.loadedAt);
    }
    expect(data.datasets.find((d: any) => d.id === "barometre-ind-587")).toMatchObject({ vintage: "2024-09-01", licence: "Licence Ouverte / Etalab 2.0" });
  });

  it("says which territories each dataset covers, naming the gaps", async () => {
    const { data } = await ctx.api.execute(DATASETS);
    const territories = (id: string) => data.datasets.find((d: any) => d.id === id).territories;
    expect(territories("territories")).toMatchObject({ unit: "départements", known: 101, expected: 101, complete: true, missing: [] });
    expect(territories("barometre-ind-587")).toMatchObject({ known: 100, expected: 101, missing: ["976"] }); // Mayotte has no SAS figure
    expect(territories("barometre-ind-589")).toMatchObject({ known: 100, missing: ["90"] });
    expect(territories("cnom-densities")).toMatchObject({ known: 100, missing: ["976"] });
    expect(territories("drees-apl")).toMatchObject({ known: 100, missing: ["976"] });
    expect(territories("pdsa")).toMatchObject({ known: 3, expected: 101 });
    expect(territories("zones-rouges-expected")).toMatchObject({ unit: "régions", known: 15, expected: 18, missing: ["24", "27", "32"] });
    expect(territories("published-figures")).toBeNull();
    expect(data.datasets.find((d: any) => d.id === "zones-rouges").completeness).toMatchObject({ known: 69, confirmed: 61, expected: 151, complete: false });
  });

  it("answers one dataset by its id, e.g. to show a figure's coverage next to it; an unknown id is null", async () => {
    const { data } = await ctx.api.execute(`{ pdsa: dataset(id: "pdsa") { rows territories { known expected } } none: dataset(id: "nothing") { id } }`);
    expect(data).toEqual({ pdsa: { rows: 7, territories: { known: 3, expected: 101 } }, none: null });
  });

  it("is updated by an import: file, rows and load date; a re-import that changes nothing keeps the date", async () => {
    const counts = file("counts.csv", "date,sas_operational,source_url,source_title\n2021-06-18,8,https://example.org/jim,JIM\n2024-10-01,89,https://example.org/lqdm,LQdM\n");
    const summary = await IMPORTERS["sas-counts"].run(ctx.database.db.dataSource, counts, {});
    expect(summary).toMatchObject({ rows: 2 });
    const after = (await ctx.api.execute(DATASETS)).data.datasets.find((d: any) => d.id === "sas-counts");
    expect(after).toMatchObject({ file: "counts.csv", rows: 2 });
    await IMPORTERS["sas-counts"].run(ctx.database.db.dataSource, counts, {});
    const again = (await ctx.api.execute(DATASETS)).data.datasets.find((d: any) => d.id === "sas-counts");
    expect(again.loadedAt).toBe(after.loadedAt);
  });
});
