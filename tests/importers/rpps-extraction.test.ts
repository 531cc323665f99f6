import path from "node:path";
import { PassThrough } from "node:stream";
import { runImport } from "../../seeds/import.command";
import { ImportRejectedError } from "../../seeds/importers/import-result";
import { importRppsExtraction } from "../../seeds/importers/rpps-extraction.importer";
import { sql } from "../../src/db/sql-dialect";
import { rejectionOf, useImportFiles } from "../support/import-files";
import { PROFESSIONS, rppsFile, rppsLine, writeLargeRppsFile, type Activity } from "../support/rpps-file";
import { useSeededApi } from "../support/suite";

const ctx = useSeededApi();
const { dir, file } = useImportFiles("rpps-test-");
const counts = async (sourceId: string) =>
  sql(ctx.database.db, "SELECT commune_code, profession, specialty, headcount FROM professional_commune WHERE source_id = ? ORDER BY commune_code, profession, specialty", [sourceId]);

const { gp, paediatrician, nurse, pharmacist } = PROFESSIONS;
const SMALL: Activity[] = [
  { person: "810000000001", profession: gp, commune: "46066" }, // Cazals
  { person: "810000000001", profession: gp, commune: "46066" }, // a second activity in the same commune: counted once
  { person: "810000000001", profession: gp, commune: "46008" }, // and one in Les Arques: counted there too
  { person: "810000000002", profession: gp, commune: "46066" },
  { person: "810000000003", profession: paediatrician, commune: "75108" }, // Paris 8e arrondissement → Paris
  { person: "810000000004", profession: nurse, commune: "46099" }, // an old commune code → Porte-du-Quercy (46033)
  { person: "810000000005", profession: pharmacist, commune: "" }, // no French address: not counted
  { person: "810000000006", profession: nurse, commune: "46999" }, // well-formed but not a commune of the COG 2026
];

describe("npm run import -- rpps FILE (the national RPPS extraction, pipe-separated)", () => {
  it("counts distinct professionals per commune, profession and specialty, mapping old codes and arrondissements", async () => {
    const summary = await importRppsExtraction(ctx.database.db.dataSource, file("PS_LibreAcces_Personne_activite_202504040839.txt", rppsFile(SMALL.map(rppsLine))));
    expect(summary).toMatchObject({ dataset: "rpps", rows: 8, added: 4, changed: 0, removed: 0 });
    expect(summary.notes).toEqual([
      "4 commune × profession figures and 3 département figures (source ans-rpps-2025-04-04)",
      "1 activities without a commune (abroad, or no address) were not counted",
      "1 activities in a commune code unknown to the COG 2026 were not counted (lines 9)",
    ]);
    expect(await counts("ans-rpps-2025-04-04")).toEqual([
      { commune_code: "46008", profession: "Médecin", specialty: "Médecine générale", headcount: 1 },
      { commune_code: "46033", profession: "Infirmier", specialty: "", headcount: 1 },
      { commune_code: "46066", profession: "Médecin", specialty: "Médecine générale", headcount: 2 },
      { commune_code: "75056", profession: "Médecin", specialty: "Pédiatrie", headcount: 1 },
    ]);
  });

  it("answers in GraphQL per commune, and per département as the ANS_RPPS source (a professional counts once per département)", async () => {
    const { data, errors } = await ctx.api.execute(`{
      commune(code: "46066") { professionals { profession specialty headcount source { producer vintage } } }
      paris: commune(code: "75056") { professionals(profession: "pediatrie") { specialty headcount } }
      department(code: "46") { professionals(source: ANS_RPPS) { specialty headcount densityPer100k } }
    }`);
    expect(errors).toBeUndefined();
    expect(data.commune.professionals).toEqual([
      { profession: "Médecin", specialty: "Médecine générale", headcount: 2, source: { producer: "ANS (Agence du numérique en santé), Annuaire santé: RPPS", vintage: "2025-04-04" } },
    ]);
    expect(data.paris.professionals).toEqual([{ specialty: "Pédiatrie", headcount: 1 }]);
    expect(data.department.professionals).toEqual([
      { specialty: "Infirmier", headcount: 1, densityPer100k: null },
      { specialty: "Médecin – Médecine générale", headcount: 2, densityPer100k: null },
    ]);
  });

  it("changes nothing when the same extraction is imported again", async () => {
    const summary = await importRppsExtraction(ctx.database.db.dataSource, file("PS_LibreAcces_Personne_activite_202504040839.txt", rppsFile(SMALL.map(rppsLine))));
    expect(summary).toMatchObject({ added: 0, changed: 0, unchanged: 4, removed: 0 });
  });

  it("rejects a file with malformed lines whole, naming each line, and changes nothing", async () => {
    const before = await counts("ans-rpps-2025-04-04");
    const lines = SMALL.map(rppsLine);
    lines[1] = lines[1].replace(/\|$/, ""); // line 3: one field short
    lines[3] = rppsLine({ ...SMALL[3], person: "" }); // line 5: no RPPS number
    lines[5] = rppsLine({ ...SMALL[5], commune: "4609" }); // line 7: not a commune code
    const error = await rejectionOf(importRppsExtraction(ctx.database.db.dataSource, file("PS_LibreAcces_Personne_activite_202504040839.txt", rppsFile(lines))));
    expect(error).toBeInstanceOf(ImportRejectedError);
    expect((error as ImportRejectedError).rejections.map((r) => r.line)).toEqual([3, 5, 7]);
    expect((error as ImportRejectedError).message).toMatch(/line 3: malformed line: Invalid Record Length/);
    expect((error as ImportRejectedError).message).toMatch(/line 5: "Identification nationale PP" is empty/);
    expect((error as ImportRejectedError).message).toMatch(/line 7: "Code commune \(coord. structure\)" "4609" is not an INSEE commune code/);
    expect(await counts("ans-rpps-2025-04-04")).toEqual(before);
  });

  it("rejects a file that is not the extraction, and needs a vintage when the file name has no date", async () => {
    const error = await importRppsExtraction(ctx.database.db.dataSource, file("other_20250101.txt", "a|b|c|\n1|2|3|\n")).catch((e: unknown) => e);
    expect((error as ImportRejectedError).rejections).toEqual([{ line: 1, message: expect.stringMatching(/the header lacks "Identification nationale PP"/) }]);
    await expect(importRppsExtraction(ctx.database.db.dataSource, file("extraction.txt", rppsFile([rppsLine(SMALL[0])])))).rejects.toThrow(/--vintage YYYY-MM-DD is required/);
  });
});

describe("a national-size file through the import command", () => {
  const LINES = 100_000;
  let communes: string[];
  /** Person i works in one commune; one in ten also works in the next commune of the list. */
  const activityOf = (i: number): Activity => {
    const person = `81${String(Math.floor(i / 1.1)).padStart(10, "0")}`;
    const professions = [gp, nurse, pharmacist, paediatrician];
    return { person, profession: professions[Math.floor(i / 1.1) % 4], commune: communes[(i + (i % 11 === 10 ? 1 : 0)) % communes.length] };
  };
  const run = async (argv: string[]) => {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let out = "";
    let err = "";
    stdout.on("data", (c) => (out += c));
    stderr.on("data", (c) => (err += c));
    const code = await runImport(argv, { openDb: async () => ctx.database.db.dataSource, closeDb: async () => {}, stdout, stderr, progressEverySeconds: 1 });
    return { code, out, err };
  };

  beforeAll(async () => {
    communes = ((await ctx.database.db.query("SELECT code FROM commune ORDER BY code")) as { code: string }[]).map((c) => c.code).slice(0, 3000);
  });

  it("imports 100,000 lines with a progress bar (rows, rows/s, ETA) and a summary", async () => {
    const big = path.join(dir, "PS_LibreAcces_Personne_activite_202601150000.txt");
    await writeLargeRppsFile(big, LINES, activityOf);
    const { code, out, err } = await run(["rpps", big]);
    expect({ code, err: code === 0 ? "" : err }).toEqual({ code: 0, err: "" });
    expect(err).toMatch(/^rpps \[-+\] 0% \| 0 rows \| /m);
    expect(err).toMatch(/^rpps \[=+\] 100% \| 100,000 rows \| [\d,]+ rows\/s \| ETA 0s$/m);
    expect(out).toMatch(/^rpps: 100,000 rows read in [\d.]+ s \([\d,]+ rows\/s\); \d+ added, 0 changed, 0 unchanged, 0 removed, 0 rejected$/m);
    process.stdout.write(`[rpps import] ${out.split("\n")[0]}\n`);
    const [{ total }] = await ctx.database.db.query("SELECT SUM(headcount) AS total FROM professional_commune WHERE source_id = 'ans-rpps-2026-01-15'");
    // Every line is a distinct (person, commune) activity except the repeated ones of each person.
    const distinct = new Set(Array.from({ length: LINES }, (_, i) => { const a = activityOf(i); return `${a.person}|${a.commune}`; })).size;
    expect(Number(total)).toBe(distinct);
  });

  it("rejects the same file with one malformed line, naming it, and leaves the data as it was", async () => {
    const before = await ctx.database.db.query("SELECT COUNT(*) AS n, SUM(headcount) AS total FROM professional_commune");
    const bad = path.join(dir, "PS_LibreAcces_Personne_activite_202602010000.txt");
    await writeLargeRppsFile(bad, LINES, activityOf, (line) => (line === 54_321 ? "8|000|0000|DR" : null));
    const { code, out, err } = await run(["rpps", bad]);
    expect(code).toBe(1);
    expect(out).toBe("");
    expect(err).toMatch(/rpps: file rejected, nothing was changed \(1 bad line\):\n {2}line 54321: malformed line: Invalid Record Length/);
    expect(await ctx.database.db.query("SELECT COUNT(*) AS n, SUM(headcount) AS total FROM professional_commune")).toEqual(before);
    expect(await ctx.database.db.query("SELECT id FROM source WHERE id = 'ans-rpps-2026-02-01'")).toEqual([]);
  });
});
