import type { RequestContext } from "../../context/request-context";
import { sql } from "../../db/sql-dialect";
import { ALL } from "../../loaders/care-offer/coverage.loader";
import { latestMeasured } from "../../loaders/care-offer/measure.loader";
import { Coverage, coverage } from "../../entities/care-offer/coverage.type";

/** Indicators whose latest national or regional value is the expected count of a list. */
const EXPECTED = { zonesRouges: "zones-rouges-count", sasPlatforms: "sas-count" } as const;

async function expectedCount(ctx: RequestContext, indicator: string, territory: string): Promise<{ value: number | null; sourceId: string | null }> {
  const latest = latestMeasured(await ctx.loaders.measure.series.with(indicator).load(territory));
  return { value: latest?.value ?? null, sourceId: latest?.sourceId ?? null };
}

/**
 * Zones rouges known against the count the sources give, for one région or (regionCode null)
 * for France. Each zone counts once, in the région holding most of its population.
 */
export async function zonesRougesCoverage(ctx: RequestContext, regionCode: string | null): Promise<Coverage> {
  const byRegion = await ctx.loaders.coverage.zonesByRegion.load(ALL);
  const counts = regionCode
    ? (byRegion.get(regionCode) ?? { known: 0, confirmed: 0 })
    : [...byRegion.values()].reduce((a, c) => ({ known: a.known + c.known, confirmed: a.confirmed + c.confirmed }), { known: 0, confirmed: 0 });
  const expected = await expectedCount(ctx, EXPECTED.zonesRouges, regionCode ? `region:${regionCode}` : "FR");
  const notes = [
    regionCode
      ? "Each zone counts once, in the région holding most of its population (as the sources count them)."
      : "The ministry's list of 151 is not available as a file: the known zones are those public pages name, each with its page as source.",
    ...(expected.value === null ? ["No source found states how many zones rouges this région has."] : []),
  ];
  return coverage({ unit: "zones rouges (EPCI)", known: counts.known, confirmed: counts.confirmed, expected: expected.value, expectedSourceId: expected.sourceId, note: notes.join(" ") });
}

/** SAS platforms known by name against the latest published national count. */
export async function sasPlatformsCoverage(ctx: RequestContext): Promise<Coverage> {
  const [{ n }] = await sql<{ n: unknown }>(ctx.db, "SELECT COUNT(*) AS n FROM sas_platform");
  const expected = await expectedCount(ctx, EXPECTED.sasPlatforms, "FR");
  return coverage({
    unit: "SAS platforms",
    known: Number(n),
    expected: expected.value,
    expectedSourceId: expected.sourceId,
    note:
      "Platforms named by ARS, URPS and press pages, each with its département; no reachable source lists every SAS by name. " +
      "Department.sasStatus gives what the pages state about each département's own SAS.",
  });
}

/** Départements that have a figure, against the 101: for datasets that cover part of the territory. */
async function departmentCoverage(ctx: RequestContext, covered: string[], note: string): Promise<Coverage> {
  const all = (await sql<{ code: string }>(ctx.db, "SELECT code FROM department ORDER BY code")).map((d) => d.code);
  const held = new Set(covered);
  const missing = all.filter((c) => !held.has(c));
  return coverage({ unit: "départements", known: all.length - missing.length, expected: all.length, missing, note });
}

const codes = (rows: { code: unknown }[]) => rows.map((r) => String(r.code));

/** Départements of a `measure` indicator with a value at its latest date with any département value. */
async function indicatorDepartments(ctx: RequestContext, indicator: string): Promise<{ codes: string[]; date: string | null }> {
  const rows = await sql<{ territory: string; observed_on: string }>(
    ctx.db,
    "SELECT territory, observed_on FROM measure WHERE indicator = ? AND territory LIKE 'department:%' AND value IS NOT NULL",
    [indicator],
  );
  const date = rows.reduce<string | null>((latest, r) => (latest === null || r.observed_on > latest ? r.observed_on : latest), null);
  return { codes: rows.filter((r) => r.observed_on === date).map((r) => r.territory.slice("department:".length)), date };
}

async function professionalDepartments(ctx: RequestContext, sourcePattern: string): Promise<string[]> {
  return codes(await sql<{ code: unknown }>(ctx.db, "SELECT DISTINCT department_code AS code FROM professional_stat WHERE source_id LIKE ?", [sourcePattern]));
}

/** Territories a catalogued dataset covers; null for national figures and for data not tied to territories. */
export async function datasetTerritories(ctx: RequestContext, datasetId: string): Promise<Coverage | null> {
  if (datasetId.startsWith("barometre-")) {
    const indicator = BAROMETER_INDICATORS[datasetId];
    if (!indicator) return null;
    const { codes: covered, date } = await indicatorDepartments(ctx, indicator);
    return departmentCoverage(ctx, covered, `Départements with a value at the latest date of the file (${date}).`);
  }
  switch (datasetId) {
    case "territories":
      return departmentCoverage(ctx, codes(await sql<{ code: unknown }>(ctx.db, "SELECT code FROM department")), "Code officiel géographique 2026.");
    case "drees-professionals":
      return departmentCoverage(ctx, await professionalDepartments(ctx, "drees-rpps-%"), "Départements with figures in the latest DREES/RPPS vintage loaded.");
    case "cnom-densities":
      return departmentCoverage(ctx, await professionalDepartments(ctx, "cnom-%"), "Départements with a CNOM density (any year).");
    case "cnam-liberaux":
      return departmentCoverage(ctx, await professionalDepartments(ctx, "cnam-liberaux-%"), "Départements with CNAM figures (any year).");
    case "drees-apl":
      return departmentCoverage(
        ctx,
        codes(await sql<{ code: unknown }>(ctx.db, "SELECT DISTINCT c.department_code AS code FROM apl_commune a JOIN commune c ON c.code = a.commune_code")),
        "Départements with at least one commune's APL (DREES does not compute the APL of Mayotte).",
      );
    case "rpps":
      return departmentCoverage(
        ctx,
        codes(await sql<{ code: unknown }>(ctx.db, "SELECT DISTINCT c.department_code AS code FROM professional_commune p JOIN commune c ON c.code = p.commune_code")),
        "Départements with at least one commune in the RPPS extractions loaded.",
      );
    case "pdsa": {
      const rows = await sql<{ territory: string }>(ctx.db, "SELECT DISTINCT territory FROM measure WHERE indicator = 'pdsa-participation' AND territory LIKE 'department:%'");
      return departmentCoverage(ctx, rows.map((r) => r.territory.slice("department:".length)), "Départements with a PDSA figure for any year: the press quotes only the survey's extremes.");
    }
    case "sas-departements":
      return departmentCoverage(ctx, codes(await sql<{ code: unknown }>(ctx.db, "SELECT department_code AS code FROM sas_department_status")), "Départements whose own SAS a page describes.");
    case "sas-platforms":
      return departmentCoverage(ctx, codes(await sql<{ code: unknown }>(ctx.db, "SELECT department_code AS code FROM sas_platform_department")), "Départements served by a SAS platform held.");
    case "zones-rouges-expected": {
      const regions = codes(await sql<{ code: unknown }>(ctx.db, "SELECT code FROM region ORDER BY code"));
      const stated = new Set((await sql<{ territory: string }>(ctx.db, "SELECT DISTINCT territory FROM measure WHERE indicator = 'zones-rouges-count' AND territory LIKE 'region:%'")).map((r) => r.territory.slice("region:".length)));
      const missing = regions.filter((c) => !stated.has(c));
      return coverage({ unit: "régions", known: regions.length - missing.length, expected: regions.length, missing, note: "Régions whose number of zones rouges a source states." });
    }
    case "zones-rouges": {
      const regions = codes(await sql<{ code: unknown }>(ctx.db, "SELECT code FROM region ORDER BY code"));
      const complete = await Promise.all(regions.map(async (code) => (await zonesRougesCoverage(ctx, code)).complete === true));
      const missing = regions.filter((_, i) => !complete[i]);
      return coverage({
        unit: "régions with a complete list",
        known: regions.length - missing.length,
        expected: regions.length,
        missing,
        note: "Régions where every zone rouge a source counts is known (confirmed). See Region.zonesRougesCoverage.",
      });
    }
    default:
      return null;
  }
}

/** The indicator of each barometer dataset of the catalogue. */
const BAROMETER_INDICATORS: Record<string, string> = {
  "barometre-ind-587": "sas-coverage",
  "barometre-ind-311": "maisons-de-sante",
  "barometre-ind-318": "centres-de-sante",
  "barometre-ind-589": "cpts-coverage",
  "barometre-ind-312": "ald-with-medecin-traitant",
  "barometre-ind-679": "assistants-medicaux",
};

/** How complete a catalogued list is: zones rouges and SAS platforms; null for the others. */
export function datasetCompleteness(ctx: RequestContext, datasetId: string): Promise<Coverage | null> {
  switch (datasetId) {
    case "zones-rouges":
      return zonesRougesCoverage(ctx, null);
    case "sas-departements":
    case "sas-platforms":
      return sasPlatformsCoverage(ctx);
    default:
      return Promise.resolve(null);
  }
}
