import fs from "node:fs";
import { formatDate as embedDate, formatNumber as embedNumber } from "../../src/embed/locale";
import { OPERATIONS } from "../../src/embed/operations";
import { formatDate as mapDate, formatNumber as mapNumber } from "../../src/maps/locale";
import { buildEmbedBundle, DOCUMENT_IDS_MODULE, documentIdsModule, manifestText, measureBundle } from "../../src/server/embed/embed-build";
import { CURRENT_EMBED_VERSION, EMBED_BUNDLE, EMBED_MANIFEST, EMBED_VERSIONS, embedFile } from "../../src/server/embed/embed-versions";

/**
 * The committed embed is what its sources make (docs/embed.md#building): the current version's
 * manifest and document ids are those of src/embed/operations.ts, and its bundle is byte for byte
 * what esbuild builds from src/embed/ now. Run `npm run embed:build` after changing src/embed/
 * (and make a new version if v1 is already published: docs/embed.md#versions).
 */
describe("the committed embed", () => {
  it("has the manifest and the document ids of src/embed/operations.ts", () => {
    expect(fs.readFileSync(embedFile(CURRENT_EMBED_VERSION, EMBED_MANIFEST), "utf8")).toBe(manifestText());
    expect(fs.readFileSync(DOCUMENT_IDS_MODULE, "utf8")).toBe(documentIdsModule());
    expect(Object.keys(JSON.parse(manifestText()))).toHaveLength(Object.keys(OPERATIONS).length);
  });

  it("serves, for the current version, the bundle a fresh build makes", async () => {
    const fresh = await buildEmbedBundle();
    const committed = fs.readFileSync(embedFile(CURRENT_EMBED_VERSION, EMBED_BUNDLE));
    expect(measureBundle(committed)).toEqual(measureBundle(fresh));
    expect(committed.equals(fresh)).toBe(true);
  });

  it("keeps every version's bundle under 30 kB gzipped, its manifest beside it", () => {
    for (const version of EMBED_VERSIONS) {
      const size = measureBundle(fs.readFileSync(embedFile(version, EMBED_BUNDLE)));
      expect(size.gzipped).toBeLessThanOrEqual(30 * 1024);
      expect(Object.keys(JSON.parse(fs.readFileSync(embedFile(version, EMBED_MANIFEST), "utf8"))).length).toBeGreaterThan(0);
    }
  });

  it("writes numbers and dates as the maps do, in French and English", () => {
    for (const lang of ["fr", "en"] as const) {
      for (const [value, decimals] of [[1234.5, 1], [2539784, 0], [2.816, 2], [0, 0], [154.41, 1]] as const) {
        expect(embedNumber(value, lang, decimals)).toBe(mapNumber(value, lang, decimals));
      }
      for (const date of ["2025-06-27", "2022-01-01", "2024-09", "2023", "COG 2026"]) expect(embedDate(date, lang)).toBe(mapDate(date, lang));
    }
    expect(embedNumber(1234.5, "fr", 1)).toBe("1\u00a0234,5");
    expect(embedDate("2025-06-27", "fr")).toBe("27 juin 2025");
  });
});
