import communesJson from "@etalab/decoupage-administratif/data/communes.json";
import departementsJson from "@etalab/decoupage-administratif/data/departements.json";
import epciJson from "@etalab/decoupage-administratif/data/epci.json";
import regionsJson from "@etalab/decoupage-administratif/data/regions.json";
import type { DataSource } from "typeorm";
import { epciKindFromDgcl } from "../src/entities/territories/epci-kind";
import { toSearchText } from "../src/db/search-text";
import { formerCommuneCodes } from "./lib/current-commune";
import { syncTable, type Row, type SyncCounts } from "./lib/sync-table";

/** Shapes of the package's JSON files (only the fields we read). */
interface CogRegion { code: string; nom: string; zone: string }
interface CogDepartement { code: string; nom: string; region: string; zone: string }
interface CogCommune {
  code: string; nom: string; type: string; zone: string;
  departement: string; region: string; population?: number; codesPostaux?: string[];
}
interface CogEpci { code: string; nom: string; type: string; populationTotale: number; membres: { code: string }[] }

/**
 * Territories served: metropolitan France and the five DROM. The eight collectivités
 * d'outre-mer (zone "com": Saint-Pierre-et-Miquelon, Polynésie…) are left out: they are
 * not départements and the health datasets do not cover them.
 */
const served = (zone: string) => zone === "metro" || zone === "drom";

export interface TerritoryRows {
  regions: Row[];
  departments: Row[];
  communes: Row[];
  epcis: Row[];
  epciCommunes: Row[];
  epciDepartments: Row[];
  /** Codes of communes merged since, each with the current commune it belongs to. */
  communeFormerCodes: Row[];
  /** One row per postal code and commune it serves. */
  communePostalCodes: Row[];
}

/** Builds every row from the package; pure, so tests can compare the database with it. */
export function territoryRows(): TerritoryRows {
  const regions = (regionsJson as CogRegion[]).filter((r) => served(r.zone));
  const departements = (departementsJson as CogDepartement[]).filter((d) => served(d.zone));
  const communes = (communesJson as CogCommune[]).filter((c) => c.type === "commune-actuelle" && served(c.zone));
  const epcis = epciJson as CogEpci[];

  const departmentPopulation = new Map<string, number>();
  const regionPopulation = new Map<string, number>();
  const communeDepartment = new Map<string, string>();
  for (const c of communes) {
    const population = c.population ?? 0;
    departmentPopulation.set(c.departement, (departmentPopulation.get(c.departement) ?? 0) + population);
    regionPopulation.set(c.region, (regionPopulation.get(c.region) ?? 0) + population);
    communeDepartment.set(c.code, c.departement);
  }

  const epciCommunes: Row[] = [];
  const epciDepartments: Row[] = [];
  for (const e of epcis) {
    const departments = new Set<string>();
    for (const m of e.membres) {
      const department = communeDepartment.get(m.code);
      if (department === undefined) throw new Error(`EPCI ${e.code} lists commune ${m.code}, which is not a current commune`);
      epciCommunes.push({ epci_siren: e.code, commune_code: m.code });
      departments.add(department);
    }
    for (const d of [...departments].sort()) epciDepartments.push({ epci_siren: e.code, department_code: d });
  }

  const servedCodes = new Set(communes.map((c) => c.code));
  const communeFormerCodes = formerCommuneCodes()
    .filter((f) => servedCodes.has(f.communeCode))
    .map((f) => ({ code: f.code, commune_code: f.communeCode, name: f.name }));
  const communePostalCodes = communes.flatMap((c) => [...new Set(c.codesPostaux ?? [])].map((p) => ({ postal_code: p, commune_code: c.code })));

  return {
    regions: regions.map((r) => ({
      code: r.code, name: r.nom, population: regionPopulation.get(r.code) ?? 0, search_name: toSearchText(r.nom),
    })),
    departments: departements.map((d) => ({
      code: d.code, name: d.nom, region_code: d.region,
      population: departmentPopulation.get(d.code) ?? 0, search_name: toSearchText(d.nom),
    })),
    communes: communes.map((c) => ({
      code: c.code, name: c.nom, department_code: c.departement, region_code: c.region,
      population: c.population ?? 0, postal_codes: (c.codesPostaux ?? []).join(","), search_name: toSearchText(c.nom),
    })),
    epcis: epcis.map((e) => ({
      siren: e.code, name: e.nom, kind: epciKindFromDgcl(e.type), population: e.populationTotale, search_name: toSearchText(e.nom),
    })),
    epciCommunes,
    epciDepartments,
    communeFormerCodes,
    communePostalCodes,
  };
}

/** Loads (or brings up to date) the territorial skeleton, one transaction per table. */
export async function seedTerritories(db: DataSource): Promise<Record<string, SyncCounts>> {
  const rows = territoryRows();
  const steps: [string, Row[], string[], string[]][] = [
    ["region", rows.regions, ["code"], ["code", "name", "population", "search_name"]],
    ["department", rows.departments, ["code"], ["code", "name", "region_code", "population", "search_name"]],
    ["commune", rows.communes, ["code"], ["code", "name", "department_code", "region_code", "population", "postal_codes", "search_name"]],
    ["epci", rows.epcis, ["siren"], ["siren", "name", "kind", "population", "search_name"]],
    ["epci_commune", rows.epciCommunes, ["epci_siren", "commune_code"], ["epci_siren", "commune_code"]],
    ["epci_department", rows.epciDepartments, ["epci_siren", "department_code"], ["epci_siren", "department_code"]],
    ["commune_former_code", rows.communeFormerCodes, ["code"], ["code", "commune_code", "name"]],
    ["commune_postal_code", rows.communePostalCodes, ["postal_code", "commune_code"], ["postal_code", "commune_code"]],
  ];
  const report: Record<string, SyncCounts> = {};
  for (const [table, tableRows, key, columns] of steps) {
    // Membership and code tables mirror the package exactly: a commune that changed EPCI must leave the old one.
    const removeMissing = table.startsWith("epci_") || table.startsWith("commune_");
    report[table] = await db.transaction((manager) => syncTable(manager, tableRows, { table, key, columns, removeMissing }));
  }
  return report;
}
