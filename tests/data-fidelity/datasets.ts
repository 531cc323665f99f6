import communesJson from "@etalab/decoupage-administratif/data/communes.json";
import epciJson from "@etalab/decoupage-administratif/data/epci.json";
import regionsJson from "@etalab/decoupage-administratif/data/regions.json";
import { currentCommuneOf } from "../../seeds/lib/current-commune";
import { FIGURE_SOURCES, PUBLISHED_FIGURES } from "../../seeds/data/published-figures";
import { type Comparable, decimal, departmentCode, type FidelityApi, readCsvFile } from "./fidelity-support";

/**
 * The registry of loaded datasets the fidelity test compares with their files. One entry per
 * dataset: `fileValues` reads the file (never through the importers), `servedValues` reads the
 * same values through GraphQL, under the same keys; `sources` are the source records the API
 * must serve for it, each checked against the section of SOURCES.md that documents the file.
 * To add a dataset, add one entry.
 */
export interface DatasetCheck {
  name: string;
  /** The bundled file(s), in seeds/data. */
  files: string[];
  fileValues(): Map<string, Comparable>;
  servedValues(api: FidelityApi): Promise<Map<string, Comparable>>;
  sources: SourceExpectation[];
}

/** A source record the API serves, as SOURCES.md documents it. */
export interface SourceExpectation {
  /** The source's id; "prefix-*" for sources named after their page (the one whose URL has every urlPart). */
  id: string;
  /** SOURCES.md section that documents the file ("4", "6–11"). */
  section: string;
  /** The vintage the API must serve: the reference date of the data. */
  vintage: string;
  /** How the section writes that date (must appear in it). */
  vintageAsWritten: string;
  /** Parts of the served URL that name the page or file; each must appear in the section. */
  urlParts: string[];
  /** A query returning the source as `{ id vintage url }` somewhere in its answer. */
  query: string;
}

type Values = Map<string, Comparable>;

/** Every `source { … }` object in an answer, by id. */
export function sourcesIn(value: unknown, out = new Map<string, { id: string; vintage: string; url: string | null }>()) {
  if (Array.isArray(value)) value.forEach((v) => sourcesIn(v, out));
  else if (value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    if (typeof record.id === "string" && typeof record.vintage === "string" && "url" in record) out.set(record.id, record as never);
    Object.values(record).forEach((v) => sourcesIn(v, out));
  }
  return out;
}

interface StatRow {
  specialty: string;
  headcount: number | null;
  densityPer100k: number | null;
}

function putStats(values: Values, territory: string, stats: StatRow[], fields: ("headcount" | "densityPer100k")[]) {
  for (const s of stats) for (const f of fields) values.set(`${territory}|${s.specialty}|${f}`, s[f]);
}

const STAT = "specialty headcount densityPer100k";

// ---------------------------------------------------------------------------------------------
// DREES / RPPS (SOURCES.md §1–2)

const RPPS_COUNTS = "rpps-departement-specialite-effectifs.csv";
const RPPS_DENSITIES = "rpps-departement-specialite-densite.csv";

const rpps: DatasetCheck = {
  name: "DREES RPPS doctors per département and specialty group",
  files: [RPPS_COUNTS, RPPS_DENSITIES],
  fileValues() {
    const values: Values = new Map();
    const densities = new Map(readCsvFile(RPPS_DENSITIES).map((r) => [r.dept_code, r]));
    for (const row of readCsvFile(RPPS_COUNTS)) {
      for (const [column, text] of Object.entries(row)) {
        if (column === "dept_code") continue;
        if (row.dept_code === "Total général") {
          // The national row: headcounts are published; its density row is a sum of densities, not a figure.
          values.set(`FR|${column}|headcount`, decimal(text));
        } else {
          const code = departmentCode(row.dept_code);
          values.set(`${code}|${column}|headcount`, decimal(text));
          values.set(`${code}|${column}|densityPer100k`, decimal(densities.get(row.dept_code)![column]));
        }
      }
    }
    return values;
  },
  async servedValues(api) {
    const data = await api.query(`{ departments { code professionals(source: DREES_RPPS) { ${STAT} } }
      nationalProfessionals(source: DREES_RPPS) { ${STAT} } }`);
    const values: Values = new Map();
    for (const d of data.departments) putStats(values, d.code, d.professionals, ["headcount", "densityPer100k"]);
    putStats(values, "FR", data.nationalProfessionals, ["headcount"]);
    return values;
  },
  sources: [
    {
      id: "drees-rpps-2022",
      section: "1",
      vintage: "2022-01-01",
      vintageAsWritten: "1 January 2022",
      urlParts: ["vivadata/san-ter", "95d5d5d"],
      query: `{ department(code: "46") { professionals(source: DREES_RPPS, specialty: "generale") { source { id vintage url } } } }`,
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// CNOM (SOURCES.md §3)

const CNOM = "cnom-densite-specialite-departement-2010-2025.csv";

const cnom: DatasetCheck = {
  name: "CNOM densities per specialty and département, 2010 and 2025",
  files: [CNOM],
  fileValues() {
    const values: Values = new Map();
    for (const row of readCsvFile(CNOM)) {
      const code = departmentCode(row.code_departement);
      for (const year of ["2010", "2025"]) {
        const density = decimal(row[`densite_${year}`]);
        if (density !== null) values.set(`${year}|${code}|${row.specialite.trim()}|densityPer100k`, density);
      }
    }
    return values;
  },
  async servedValues(api) {
    const data = await api.query(`{ departments { code
      y2010: professionals(source: CNOM, vintage: "2010") { ${STAT} }
      y2025: professionals(source: CNOM, vintage: "2025") { ${STAT} } } }`);
    const values: Values = new Map();
    for (const d of data.departments) {
      putStats(values, `2010|${d.code}`, d.y2010, ["densityPer100k"]);
      putStats(values, `2025|${d.code}`, d.y2025, ["densityPer100k"]);
    }
    return values;
  },
  sources: [
    {
      id: "cnom-2025",
      section: "3",
      vintage: "2025-01-01",
      vintageAsWritten: "1 January 2025",
      urlParts: ["LoicWebsite/ecn", "798becb"],
      query: `{ department(code: "46") { professionals(source: CNOM, vintage: "2025", specialty: "generale") { source { id vintage url } } } }`,
    },
    {
      id: "cnom-2010",
      section: "3",
      vintage: "2010",
      vintageAsWritten: "densite_2010",
      urlParts: ["LoicWebsite/ecn", "798becb"],
      query: `{ department(code: "46") { professionals(source: CNOM, vintage: "2010", specialty: "generale") { source { id vintage url } } } }`,
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// CNAM liberal practitioners (SOURCES.md §4): département, région and France rows

const CNAM = "ameli-liberaux-effectif-densite-departement-2024.csv";

const cnam: DatasetCheck = {
  name: "CNAM liberal practitioners 2024: départements, régions and France",
  files: [CNAM],
  fileValues() {
    const values: Values = new Map();
    for (const row of readCsvFile(CNAM)) {
      const territory = row.departement !== "999" ? departmentCode(row.departement) : row.region === "99" ? "FR" : `region:${row.region}`;
      values.set(`${territory}|${row.profession_sante.trim()}|headcount`, decimal(row.effectif));
      values.set(`${territory}|${row.profession_sante.trim()}|densityPer100k`, decimal(row.densite));
    }
    return values;
  },
  async servedValues(api) {
    const data = await api.query(`{
      departments { code professionals(source: CNAM_LIBERAUX) { ${STAT} } }
      regions { code professionals(source: CNAM_LIBERAUX) { ${STAT} } }
      nationalProfessionals(source: CNAM_LIBERAUX) { ${STAT} } }`);
    const values: Values = new Map();
    const both: ("headcount" | "densityPer100k")[] = ["headcount", "densityPer100k"];
    for (const d of data.departments) putStats(values, d.code, d.professionals, both);
    for (const r of data.regions) putStats(values, `region:${r.code}`, r.professionals, both);
    putStats(values, "FR", data.nationalProfessionals, both);
    return values;
  },
  sources: [
    {
      id: "cnam-liberaux-2024",
      section: "4",
      vintage: "2024",
      vintageAsWritten: "year 2024",
      urlParts: ["demographie-effectifs-et-les-densites", "timotheebarnaud/deserts-medicaux", "9a10c8b"],
      query: `{ department(code: "46") { professionals(source: CNAM_LIBERAUX, specialty: "pediatres") { source { id vintage url } } } }`,
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// DREES APL per commune (SOURCES.md §5)

const APL = "drees-apl-mg-communes.csv";

const apl: DatasetCheck = {
  name: "DREES APL to GPs per commune",
  files: [APL],
  fileValues() {
    const current = currentCommuneOf();
    const byCommune = new Map<string, { value: number; population: number | null }[]>();
    for (const row of readCsvFile(APL)) {
      const commune = current.get(row.codgeo)!;
      byCommune.set(commune, [...(byCommune.get(commune) ?? []), { value: decimal(row.apl_mg)!, population: decimal(row.population) }]);
    }
    const values: Values = new Map();
    for (const [commune, rows] of byCommune) {
      if (rows.length === 1) {
        values.set(`apl:${commune}`, rows[0].value);
        continue;
      }
      // Several rows for one commune (arrondissements, merged communes): their population-weighted mean.
      const weighted = rows.filter((r) => (r.population ?? 0) > 0);
      const population = weighted.reduce((s, r) => s + r.population!, 0);
      values.set(`computed:apl:${commune}`, weighted.reduce((s, r) => s + r.value * r.population!, 0) / population);
    }
    return values;
  },
  async servedValues(api) {
    const values: Values = new Map();
    for (const c of await everyCommune(api)) {
      if (c.apl === null) continue;
      values.set(c.apl.method === null ? `apl:${c.code}` : `computed:apl:${c.code}`, c.apl.value);
    }
    return values;
  },
  sources: [
    {
      id: "drees-apl-2023",
      section: "5",
      vintage: "2023",
      vintageAsWritten: "most likely APL 2023",
      urlParts: ["530_l-accessibilite-potentielle-localisee-apl", "R-midolli/france-healthcare-access", "5d56d5c"],
      query: `{ commune(code: "38316") { apl { source { id vintage url } } } }`,
    },
  ],
};

interface ServedCommune {
  code: string;
  population: number;
  apl: { value: number; method: string | null } | null;
}

const COMMUNE_FIELDS = "code population apl { value method }";

/** Every commune, through the EPCI pages and, for the few outside any EPCI, by code. */
async function everyCommune(api: FidelityApi): Promise<ServedCommune[]> {
  const communes: ServedCommune[] = [];
  for (const e of await everyEpci(api, `communes { ${COMMUNE_FIELDS} }`)) communes.push(...(e.communes as ServedCommune[]));
  const seen = new Set(communes.map((c) => c.code));
  const outside = currentCommunes().filter((c) => !seen.has(c.code));
  if (outside.length > 0) {
    const data = await api.query(`{ ${outside.map((c, i) => `c${i}: commune(code: "${c.code}") { ${COMMUNE_FIELDS} }`).join("\n")} }`);
    communes.push(...(Object.values(data) as ServedCommune[]));
  }
  return communes;
}

/** Every EPCI with the given selection, 100 a page. */
async function everyEpci(api: FidelityApi, selection: string): Promise<Record<string, unknown>[]> {
  const epcis: Record<string, unknown>[] = [];
  let after: string | null = null;
  for (;;) {
    const page: any = await api.query(`{ epcis(first: 100${after ? `, after: "${after}"` : ""}) { edges { node { siren ${selection} } } pageInfo { hasNextPage endCursor } } }`);
    epcis.push(...page.epcis.edges.map((e: { node: Record<string, unknown> }) => e.node));
    if (!page.epcis.pageInfo.hasNextPage) return epcis;
    after = page.epcis.pageInfo.endCursor;
  }
}

// ---------------------------------------------------------------------------------------------
// Territories: populations and EPCI membership (@etalab/decoupage-administratif, COG 2026)

interface CogCommune { code: string; type: string; zone: string; departement: string; region: string; population?: number }
interface CogEpci { code: string; populationTotale: number; membres: { code: string }[] }

const servedZone = (zone: string) => zone === "metro" || zone === "drom";
const currentCommunes = () => (communesJson as CogCommune[]).filter((c) => c.type === "commune-actuelle" && servedZone(c.zone));

const territories: DatasetCheck = {
  name: "Territories: populations and EPCI membership (COG 2026)",
  files: ["@etalab/decoupage-administratif 6.0.0 (npm)"],
  fileValues() {
    const values: Values = new Map();
    const department = new Map<string, number>();
    const region = new Map<string, number>();
    for (const c of currentCommunes()) {
      values.set(`commune:${c.code}|population`, c.population ?? 0);
      department.set(c.departement, (department.get(c.departement) ?? 0) + (c.population ?? 0));
      region.set(c.region, (region.get(c.region) ?? 0) + (c.population ?? 0));
    }
    for (const r of (regionsJson as { code: string; zone: string }[]).filter((r) => servedZone(r.zone))) values.set(`region:${r.code}|population`, region.get(r.code) ?? 0);
    for (const [code, population] of department) values.set(`department:${code}|population`, population);
    for (const e of epciJson as CogEpci[]) {
      values.set(`epci:${e.code}|population`, e.populationTotale);
      values.set(`epci:${e.code}|communes`, e.membres.map((m) => m.code).sort().join(","));
    }
    return values;
  },
  async servedValues(api) {
    const values: Values = new Map();
    const data = await api.query(`{ regions { code population departments { code population } } }`);
    for (const r of data.regions) {
      values.set(`region:${r.code}|population`, r.population);
      for (const d of r.departments) values.set(`department:${d.code}|population`, d.population);
    }
    for (const e of await everyEpci(api, "population communes { code }")) {
      values.set(`epci:${e.siren}|population`, e.population as number);
      values.set(`epci:${e.siren}|communes`, (e.communes as { code: string }[]).map((c) => c.code).sort().join(","));
    }
    for (const c of await everyCommune(api)) values.set(`commune:${c.code}|population`, c.population);
    return values;
  },
  sources: [],
};

// ---------------------------------------------------------------------------------------------
// Baromètre des résultats de l'action publique (SOURCES.md §6–11)

const BAROMETER = [
  { file: "barometre-ind587-sas-couverture-population.csv", indicator: "sas-coverage", field: "sasCoverage", commit: "c469c68", last: "2024-09-01" },
  { file: "barometre-ind311-maisons-de-sante-msp.csv", indicator: "maisons-de-sante", field: "maisonsDeSante", commit: "572cec5", last: "2023-12-01" },
  { file: "barometre-ind318-centres-de-sante-pluripro.csv", indicator: "centres-de-sante", field: "centresDeSante", commit: "572cec5", last: "2023-12-01" },
  { file: "barometre-ind589-cpts-couverture-population.csv", indicator: "cpts-coverage", field: "cptsCoverage", commit: "cae7172", last: "2024-05-01" },
  { file: "barometre-ind312-ald-avec-medecin-traitant.csv", indicator: "ald-with-medecin-traitant", field: "aldWithMedecinTraitant", commit: "cae7172", last: "2024-05-01" },
  { file: "barometre-ind679-assistants-medicaux.csv", indicator: "assistants-medicaux", field: "assistantsMedicaux", commit: "f63b4a9", last: "2023-12-01" },
];

function barometerTerritory(zone: string): string {
  if (zone === "FRANCE") return "FR";
  if (zone.startsWith("R")) return `region:${zone.slice(1)}`;
  return `department:${departmentCode(zone)}`;
}

const barometer: DatasetCheck = {
  name: "Baromètre indicators (SAS, MSP, centres de santé, CPTS, ALD, assistants médicaux): France, régions, départements",
  files: BAROMETER.map((b) => b.file),
  fileValues() {
    const values: Values = new Map();
    for (const b of BAROMETER) {
      for (const row of readCsvFile(b.file)) {
        const value = decimal(row.indic_va);
        // The API serves measured values (with their target, for départements); rows holding only a target are not figures.
        if (value === null) continue;
        const territory = barometerTerritory(row.enforce_zone_id);
        values.set(`${b.indicator}|${territory}|${row.metric_enforce_date}|value`, value);
        if (territory.startsWith("department:")) values.set(`${b.indicator}|${territory}|${row.metric_enforce_date}|target`, decimal(row.indic_vc));
      }
    }
    return values;
  },
  async servedValues(api) {
    const values: Values = new Map();
    const territoriesServed = ["FR", ...(regionsJson as { code: string; zone: string }[]).filter((r) => servedZone(r.zone)).map((r) => `region:${r.code}`)];
    const departments = await api.query(`{ departments { code ${BAROMETER.map((b) => `${b.field} { history { date value target } }`).join(" ")} } }`);
    for (const d of departments.departments) territoriesServed.push(`department:${d.code}`);
    const data = await api.query(`{ ${territoriesServed.map((t, i) => `t${i}: indicators(territory: "${t}") { id value date }`).join("\n")} }`);
    const indicators = new Set(BAROMETER.map((b) => b.indicator));
    territoriesServed.forEach((territory, i) => {
      for (const indicator of data[`t${i}`] as { id: string; value: number; date: string }[]) {
        const id = indicator.id.split("@")[0];
        if (indicators.has(id)) values.set(`${id}|${territory}|${indicator.date}|value`, indicator.value);
      }
    });
    for (const d of departments.departments) {
      for (const b of BAROMETER) {
        for (const point of d[b.field]?.history ?? []) values.set(`${b.indicator}|department:${d.code}|${point.date}|target`, point.target);
      }
    }
    return values;
  },
  sources: BAROMETER.map((b) => ({
    id: `ditp-barometre-${b.file.match(/ind(\d+)/)![1].replace(/^/, "ind-")}`,
    section: "6–11",
    vintage: b.last,
    vintageAsWritten: b.last,
    urlParts: ["DITP-pilotage/barometre-resultats", b.commit],
    query: `{ department(code: "46") { ${b.field} { source { id vintage url } } } }`,
  })),
};

// ---------------------------------------------------------------------------------------------
// Zones rouges (SOURCES.md §14)

const ZONES_ROUGES = "zones-rouges-2025.csv";
/** The ministry's list of 151 zones rouges: the data every designation describes. */
const ZONES_ROUGES_LIST = "2025-06-27";

const zonesRouges: DatasetCheck = {
  name: "Zones rouges 2025: designations and the page that names each",
  files: [ZONES_ROUGES],
  fileValues() {
    const values: Values = new Map();
    for (const row of readCsvFile(ZONES_ROUGES)) {
      const key = `zr:${row.siren}`;
      values.set(`${key}|designatedOn`, ZONES_ROUGES_LIST);
      values.set(`${key}|confirmed`, row.match !== "uncertain");
      values.set(`${key}|source.url`, row.source_url);
      values.set(`${key}|source.title`, row.source_title);
      values.set(`${key}|source.vintage`, ZONES_ROUGES_LIST);
      values.set(`${key}|source.publishedOn`, row.source_date === "" ? null : row.source_date);
    }
    return values;
  },
  async servedValues(api) {
    const sirens = readCsvFile(ZONES_ROUGES).map((r) => r.siren);
    const data = await api.query(`{ ${sirens
      .map((s) => `z${s}: epci(siren: "${s}") { zoneRouge { designatedOn confirmed source { url title vintage publishedOn } } }`)
      .join("\n")} }`);
    const values: Values = new Map();
    for (const siren of sirens) {
      const zone = data[`z${siren}`]?.zoneRouge;
      if (!zone) continue;
      const key = `zr:${siren}`;
      values.set(`${key}|designatedOn`, zone.designatedOn);
      values.set(`${key}|confirmed`, zone.confirmed);
      values.set(`${key}|source.url`, zone.source.url);
      values.set(`${key}|source.title`, zone.source.title);
      values.set(`${key}|source.vintage`, zone.source.vintage);
      values.set(`${key}|source.publishedOn`, zone.source.publishedOn);
    }
    return values;
  },
  sources: [],
};

// ---------------------------------------------------------------------------------------------
// Zones rouges per région: the count each ARS or press page states (SOURCES.md §18)

const ZONES_ROUGES_REGIONS = "zones-rouges-2025-regions.csv";

const zonesRougesExpected: DatasetCheck = {
  name: "Zones rouges expected per région, with the page that states each count",
  files: [ZONES_ROUGES_REGIONS],
  fileValues() {
    const values: Values = new Map();
    for (const row of readCsvFile(ZONES_ROUGES_REGIONS)) {
      const key = `zr-expected:region:${row.region_code}`;
      const expected = decimal(row.expected);
      values.set(`${key}|expected`, expected);
      // A count no page states has no source: the API says "unknown", never 0 with a source.
      values.set(`${key}|source.url`, expected === null ? null : row.source_url);
      values.set(`${key}|source.title`, expected === null ? null : row.source_title);
      values.set(`${key}|source.vintage`, expected === null ? null : ZONES_ROUGES_LIST);
    }
    return values;
  },
  async servedValues(api) {
    const data = await api.query(`{ regions { code zonesRougesCoverage { expected expectedSource { url title vintage } } } }`);
    const values: Values = new Map();
    for (const r of data.regions) {
      const key = `zr-expected:region:${r.code}`;
      const { expected, expectedSource: source } = r.zonesRougesCoverage;
      values.set(`${key}|expected`, expected);
      values.set(`${key}|source.url`, source?.url ?? null);
      values.set(`${key}|source.title`, source?.title ?? null);
      values.set(`${key}|source.vintage`, source?.vintage ?? null);
    }
    return values;
  },
  sources: [],
};

// ---------------------------------------------------------------------------------------------
// SAS per département: what ARS and press pages state (SOURCES.md §15)

const SAS_DEPARTEMENTS = "sas-departements-2021-2025.csv";
const SAS_STATEMENT_COLUMNS = ["statut_declare", "sas_nom_declare", "porteurs_declares", "date_ouverture_declaree", "date_ouverture_iso"];
const orNull = (text: string | undefined) => ((text ?? "").trim() === "" ? null : (text ?? "").trim());
const urlList = (urls: (string | null | undefined)[]) => urls.filter((u): u is string => !!u).sort().join(" | ");

const sasDepartements: DatasetCheck = {
  name: "SAS per département: status, named platform and opening date, with their pages",
  files: [SAS_DEPARTEMENTS],
  fileValues() {
    const values: Values = new Map();
    for (const row of readCsvFile(SAS_DEPARTEMENTS)) {
      // Only a statement about the département's own SAS is a fact about it (baromètre columns are checked with the baromètre).
      if (SAS_STATEMENT_COLUMNS.every((c) => orNull(row[c]) === null)) continue;
      const code = departmentCode(row.code_departement);
      const key = `sas:${code}`;
      values.set(`${key}|status`, orNull(row.statut_declare));
      values.set(`${key}|platformName`, orNull(row.sas_nom_declare));
      values.set(`${key}|operators`, orNull(row.porteurs_declares));
      values.set(`${key}|statement`, orNull(row.date_ouverture_declaree));
      values.set(`${key}|openedOn`, orNull(row.date_ouverture_iso));
      values.set(`${key}|note`, orNull(row.note));
      values.set(`${key}|sources.url`, urlList(row.sources.split("|").map((u) => u.trim())));
      if (orNull(row.sas_nom_declare) !== null) {
        const platform = `sas-platform:${code}`;
        values.set(`${platform}|name`, orNull(row.sas_nom_declare));
        values.set(`${platform}|openedOn`, orNull(row.date_ouverture_iso));
        values.set(`${platform}|operators`, orNull(row.porteurs_declares));
        values.set(`${platform}|source.url`, row.sources.split("|")[0].trim());
      }
    }
    return values;
  },
  async servedValues(api) {
    const data = await api.query(`{
      departments { code sasStatus { status platformName operators statement openedOn note sources { url } } }
      sasPlatforms { id name openedOn operators source { url } departments { code } } }`);
    const values: Values = new Map();
    for (const d of data.departments) {
      const s = d.sasStatus;
      if (!s) continue;
      const key = `sas:${d.code}`;
      for (const f of ["status", "platformName", "operators", "statement", "openedOn", "note"]) values.set(`${key}|${f}`, s[f]);
      values.set(`${key}|sources.url`, urlList(s.sources.map((src: { url: string | null }) => src.url)));
    }
    // The platforms named per département (an imported official list would name its own, under other ids).
    for (const p of data.sasPlatforms) {
      if (!String(p.id).startsWith("dep-")) continue;
      const platform = `sas-platform:${p.departments.map((d: { code: string }) => d.code).join(",")}`;
      values.set(`${platform}|name`, p.name);
      values.set(`${platform}|openedOn`, p.openedOn);
      values.set(`${platform}|operators`, p.operators);
      values.set(`${platform}|source.url`, p.source?.url ?? null);
    }
    return values;
  },
  sources: [],
};

// ---------------------------------------------------------------------------------------------
// National counts of operational SAS (SOURCES.md §17)

const SAS_COUNTS = "sas-national-counts.csv";

const sasCounts: DatasetCheck = {
  name: "National counts of operational SAS, each with the page that gives it",
  files: [SAS_COUNTS],
  fileValues() {
    const values: Values = new Map();
    for (const row of readCsvFile(SAS_COUNTS)) {
      values.set(`sas-count|${row.date}|value`, decimal(row.sas_operational));
      const share = decimal(row.population_covered_pct);
      if (share !== null) values.set(`sas-population-covered|${row.date}|value`, share);
      values.set(`sas-count|${row.date}|source.url`, row.source_url);
      values.set(`sas-count|${row.date}|source.title`, row.source_title);
      // The count's own date is the data's reference date.
      values.set(`sas-count|${row.date}|source.vintage`, row.date);
    }
    return values;
  },
  async servedValues(api) {
    const data = await api.query(`{ indicators(territory: "FR") { id value date source { id url title vintage } } }`);
    const values: Values = new Map();
    for (const i of data.indicators as { id: string; value: number; date: string; source: { id: string; url: string | null; title: string; vintage: string } }[]) {
      // Only the figures loaded from this file: other SAS figures (published reports) have their own entry.
      if (!i.source.id.startsWith("sas-count-")) continue;
      const id = i.id.split("@")[0];
      values.set(`${id}|${i.date}|value`, i.value);
      if (id !== "sas-count") continue;
      values.set(`${id}|${i.date}|source.url`, i.source.url);
      values.set(`${id}|${i.date}|source.title`, i.source.title);
      values.set(`${id}|${i.date}|source.vintage`, i.source.vintage);
    }
    return values;
  },
  sources: [
    {
      // The one count whose page SOURCES.md gives in full (the ministry's release, through its mirror).
      id: "sas-count-*",
      section: "15",
      vintage: "2024-06-15",
      vintageAsWritten: "(15 June 2024)",
      urlParts: ["dicom-portail-sante2.cegedim.cloud", "publication-du-decret-de-generalisation-des-services-d-acces-aux-soins"],
      query: `{ indicators(territory: "FR") { source { id vintage url } } }`,
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// PDSA participation (SOURCES.md §16): the départements quoted by the press, and France

const PDSA_DEPARTEMENTS = "pdsa-participation-departements-2022-2023.csv";
const PDSA_NATIONAL = "pdsa-national-2022-2023.csv";
const PDSA_INDICATORS: [string, string][] = [
  ["participation_percent", "pdsa-participation"],
  ["participating_gps", "pdsa-participating-gps"],
  ["eligible_gps", "pdsa-eligible-gps"],
];

interface ServedPdsa {
  value: number;
  date: string;
  source: { id: string; url: string | null; title: string; vintage: string };
}

function putPdsa(values: Values, key: string, figure: ServedPdsa) {
  // Only the figures loaded from these files (their pages' sources); the published figures have their own entry.
  if (!figure.source.id.startsWith("pdsa-")) return;
  values.set(`${key}|value`, figure.value);
  values.set(`${key}|source.url`, figure.source.url);
  values.set(`${key}|source.title`, figure.source.title);
  values.set(`${key}|source.vintage`, figure.source.vintage);
}

const pdsa: DatasetCheck = {
  name: "PDSA participation of GPs: départements quoted by the press, and France",
  files: [PDSA_DEPARTEMENTS, PDSA_NATIONAL],
  fileValues() {
    const values: Values = new Map();
    const put = (key: string, value: number | null, url: string, title: string, year: string) => {
      values.set(`${key}|value`, value);
      values.set(`${key}|source.url`, url);
      values.set(`${key}|source.title`, title);
      // The survey describes the situation at 31 December of its year.
      values.set(`${key}|source.vintage`, `${year}-12-31`);
    };
    for (const row of readCsvFile(PDSA_DEPARTEMENTS)) {
      const year = row.annee_situation_31_decembre;
      put(`pdsa-participation|department:${departmentCode(row.code_departement)}|${year}`, decimal(row.taux_participation_pdsa_pct), row.source_url, row.source_titre, year);
    }
    for (const row of readCsvFile(PDSA_NATIONAL)) {
      for (const [column, indicator] of PDSA_INDICATORS) put(`${indicator}|FR|${row.year}`, decimal(row[column]), row.source_url, row.source_title, row.year);
    }
    return values;
  },
  async servedValues(api) {
    const figure = "value date source { id url title vintage }";
    const data = await api.query(`{
      departments { code pdsaParticipation { history { ${figure} } } }
      indicators(territory: "FR") { id ${figure} } }`);
    const values: Values = new Map();
    for (const d of data.departments) {
      for (const point of d.pdsaParticipation?.history ?? []) putPdsa(values, `pdsa-participation|department:${d.code}|${point.date}`, point);
    }
    const indicators = new Set(PDSA_INDICATORS.map(([, indicator]) => indicator));
    for (const i of data.indicators as (ServedPdsa & { id: string })[]) {
      const id = i.id.split("@")[0];
      if (indicators.has(id)) putPdsa(values, `${id}|FR|${i.date}`, i);
    }
    return values;
  },
  sources: [
    {
      id: "pdsa-*",
      section: "16",
      vintage: "2022-12-31",
      vintageAsWritten: "situation at 31/12/2022",
      urlParts: ["v2-dev.egora.fr", "nombre-de-medecins-volontaires-gardes-requisitions-ce-que-revelent-les"],
      query: `{ department(code: "88") { pdsaParticipation { history { source { id vintage url } } } } }`,
    },
    {
      id: "pdsa-*",
      section: "16",
      vintage: "2023-12-31",
      vintageAsWritten: "at 31 December of that year",
      urlParts: ["egora.fr", "gardes-nette-hausse-du-nombre-de-medecins-liberaux-volontaires-en-2023"],
      query: `{ department(code: "88") { pdsaParticipation { history { source { id vintage url } } } } }`,
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// Published figures (seeds/data/published-figures.ts, from ../shared/DOMAIN.md)

const publishedFigures: DatasetCheck = {
  name: "Published figures of the 2025 reports (national and local)",
  files: ["published-figures.ts"],
  fileValues() {
    return new Map(PUBLISHED_FIGURES.map((f) => [`${f.indicator}|${f.territory}|${f.date}|${FIGURE_SOURCES[f.source].id}`, f.value]));
  },
  async servedValues(api) {
    const territoriesServed = [...new Set(PUBLISHED_FIGURES.map((f) => f.territory))];
    const data = await api.query(`{ ${territoriesServed.map((t, i) => `t${i}: indicators(territory: "${t}") { id value date source { id } }`).join("\n")} }`);
    const ids = new Set(Object.values(FIGURE_SOURCES).map((s) => s.id));
    const values: Values = new Map();
    territoriesServed.forEach((territory, i) => {
      for (const indicator of data[`t${i}`] as { id: string; value: number; date: string; source: { id: string } }[]) {
        if (ids.has(indicator.source.id)) values.set(`${indicator.id.split("@")[0]}|${territory}|${indicator.date}|${indicator.source.id}`, indicator.value);
      }
    });
    return values;
  },
  sources: [],
};

export const DATASETS: DatasetCheck[] = [
  rpps, cnom, cnam, apl, territories, barometer, zonesRouges, zonesRougesExpected, sasDepartements, sasCounts, pdsa, publishedFigures,
];
