import fs from "node:fs";
import path from "node:path";
import { useSeededApi } from "../support/suite";
import { DATASETS, sourcesIn } from "./datasets";
import { compare, createFidelityApi, DATA_DIR, type Difference, type FidelityApi, sourcesSection } from "./fidelity-support";

/**
 * Every value of every loaded dataset, read through the API (batched GraphQL queries, not the
 * database), equals the value in its file: département, région and France rows alike. Every
 * source the API names for a dataset has the reference date and the address SOURCES.md gives.
 */
const SOURCES_MD = fs.readFileSync(path.join(DATA_DIR, "SOURCES.md"), "utf8");

/** At most this many differences are printed per dataset when one fails. */
const SHOWN = 20;

describe("every served value equals its file", () => {
  const ctx = useSeededApi();
  let api: FidelityApi;
  const totals = { checked: 0, differed: 0, perDataset: [] as string[] };
  beforeAll(async () => {
    api = await createFidelityApi(ctx.database.db);
  });
  afterAll(async () => {
    await api?.stop();
    // The count the issue asks for: how many values the comparison reads, how many differ.
    console.log(`data fidelity: ${totals.checked} values checked, ${totals.differed} differ\n${totals.perDataset.join("\n")}`);
  });

  describe.each(DATASETS.map((d) => [d.name, d] as const))("%s", (_name, dataset) => {
    it("serves each value of the file unchanged", async () => {
      const { checked, differences } = compare(dataset.fileValues(), await dataset.servedValues(api));
      totals.checked += checked;
      totals.perDataset.push(`${dataset.name}: ${checked}`);
      totals.differed += differences.length;
      const shown: Difference[] = differences.slice(0, SHOWN);
      expect({ checked: checked > 0, differences: differences.length, first: shown }).toEqual({ checked: true, differences: 0, first: [] });
    });

    if (dataset.sources.length > 0) {
      it.each(dataset.sources.map((s) => [`${s.id} (${s.vintage})`, s] as const))("names source %s with the reference date and address SOURCES.md gives", async (_id, expected) => {
        const section = sourcesSection(SOURCES_MD, expected.section);
        expect(section).toContain(expected.vintageAsWritten);
        for (const part of expected.urlParts) expect(section).toContain(part);
        const all = [...sourcesIn(await api.query(expected.query)).values()];
        const served = expected.id.endsWith("-*")
          ? all.find((s) => s.id.startsWith(expected.id.slice(0, -1)) && expected.urlParts.every((part) => (s.url ?? "").includes(part)))
          : all.find((s) => s.id === expected.id);
        expect(served).toBeDefined();
        expect(served!.vintage).toBe(expected.vintage);
        for (const part of expected.urlParts) expect(served!.url ?? "").toContain(part);
      });
    }
  });

  it("reads SOURCES.md as the project's data notes have it", () => {
    // The copy in seeds/data travels with the code; where the shared notes are at hand, they must not have moved on.
    const shared = path.join(__dirname, "../../../shared/data/SOURCES.md");
    if (fs.existsSync(shared)) expect(SOURCES_MD).toBe(fs.readFileSync(shared, "utf8"));
    expect(SOURCES_MD).toMatch(/^# Data sources/);
  });
});
