import { ProfessionalSource } from "../../entities/shared/professional-source";
import { aplOf, gpDensity, latestIndicator } from "../../services/care-offer/measure.service";
import { professionalSourceId } from "../../services/shared/professional-source.service";
import { listDepartments } from "../../services/territories/territory.service";
import { VINTAGE } from "../../validation/vintage";
import { type Column, figureCells, figureColumns } from "../columns";
import type { ExportDefinition } from "../export-definition";
import type { ParamSpec } from "../export-params";
import { measureFigure, populationFigure, territoriesVintage } from "../provenance";
import { resolveTerritoryFilter, TERRITORY_PARAMS } from "../territory-filters";
import { materialized } from "./materialized";

/** Stored dated figures per département (barometer, PDSA), each the latest the API gives (Department.<field>). */
const INDICATORS = [
  ["sas_coverage", "sas-coverage", "number", "Share of the population covered by a SAS (service d'accès aux soins), % (baromètre IND-587)."],
  ["cpts_coverage", "cpts-coverage", "number", "Share of the population covered by a CPTS, % (baromètre IND-589)."],
  ["maisons_de_sante", "maisons-de-sante", "integer", "Number of maisons de santé pluriprofessionnelles (baromètre IND-311)."],
  ["centres_de_sante", "centres-de-sante", "integer", "Number of multi-professional centres de santé with at least one GP (baromètre IND-318)."],
  ["ald_with_medecin_traitant", "ald-with-medecin-traitant", "number", "Share of patients with a long-term condition (ALD) who have a médecin traitant, % (baromètre IND-312)."],
  ["assistants_medicaux", "assistants-medicaux", "integer", "Number of assistants médicaux (baromètre IND-679)."],
  ["pdsa_participation", "pdsa-participation", "number", "Share of GPs taking part in the PDSA (permanence des soins), %; a few départements only (the survey publishes its extremes)."],
] as const;

const COLUMNS: Column[] = [
  { name: "code", type: "string", description: 'INSEE département code ("46", "2A", "971").' },
  { name: "name", type: "string", description: "Official name." },
  { name: "region_code", type: "string", description: "INSEE code of its région." },
  ...figureColumns("population", "integer", "Sum of the INSEE legal populations of its communes."),
  ...figureColumns("gp_density", "number", "General practitioners per 100,000 inhabitants, from the producer and vintage asked for (`source`, `vintage`)."),
  ...figureColumns("apl", "number", "APL to GPs (DREES): consultations per year per standardised inhabitant, population-weighted mean of its communes."),
  ...INDICATORS.flatMap(([name, , type, description]) => figureColumns(name, type, `${description} Latest value.`)),
];

const PARAMS: ParamSpec[] = [
  TERRITORY_PARAMS.region,
  TERRITORY_PARAMS.department,
  {
    name: "source",
    description: "Producer of the GP densities (`gp_density`): DREES_RPPS (the default), CNOM or CNAM_LIBERAUX.",
    enum: [ProfessionalSource.DREES_RPPS, ProfessionalSource.CNOM, ProfessionalSource.CNAM_LIBERAUX],
  },
  { name: "vintage", description: 'Vintage of the GP densities ("2022" for DREES_RPPS, "2010" or "2025" for CNOM); the producer\'s latest by default.', example: "2022", pattern: VINTAGE, hint: 'a year or a date, e.g. "2025" or "2024-09-01"' },
];

/** The 101 départements with their main figures, each with its source and vintage. */
export const departementsExport: ExportDefinition = {
  name: "departements",
  title: "Départements: GPs, access to care and care organisation",
  description:
    "The 101 départements of COG 2026 with population, GP density (producer and vintage chosen by `source` and `vintage`), APL, " +
    "and the latest value of each stored indicator (SAS and CPTS coverage, MSP, centres de santé, ALD with a médecin traitant, " +
    "assistants médicaux, PDSA participation).",
  primaryKey: ["code"],
  params: PARAMS,
  columns: COLUMNS,
  async prepare(ctx, params) {
    const filter = await resolveTerritoryFilter(ctx, params);
    const family = (params.source as ProfessionalSource | undefined) ?? ProfessionalSource.DREES_RPPS;
    // An unknown vintage is refused here, before anything is written.
    await professionalSourceId(ctx, family, params.vintage);
    const vintage = await territoriesVintage(ctx);
    const departments = (await listDepartments(ctx, { regionCode: filter.regionCode }, undefined)).filter(
      (d) => !filter.departmentCode || d.code === filter.departmentCode,
    );
    const rows = await Promise.all(
      departments.map(async (d) => {
        const key = `department:${d.code}`;
        const [density, apl, ...indicators] = await Promise.all([
          gpDensity(ctx, d.code, family, params.vintage),
          aplOf(ctx, "DEPARTMENT", d.code),
          ...INDICATORS.map(([, indicator]) => latestIndicator(ctx, indicator, key)),
        ]);
        return {
          code: d.code,
          name: d.name,
          region_code: d.regionCode,
          ...figureCells("population", populationFigure(d.population, vintage)),
          ...figureCells("gp_density", measureFigure(density)),
          ...figureCells("apl", measureFigure(apl)),
          ...Object.assign({}, ...INDICATORS.map(([name], i) => figureCells(name, measureFigure(indicators[i])))),
        };
      }),
    );
    return {
      columns: COLUMNS,
      ...materialized(rows, COLUMNS),
      coverage: null,
      notes: [
        "An empty figure cell means no figure, never 0: Mayotte has no APL (DREES does not compute it) and no CNOM density; PDSA participation is published for a few départements only.",
        "Contours: IGN Admin Express 2018 geometry (simplified), overseas départements at their real positions.",
      ],
      filter,
      place: (row) => ({ level: "department", code: String(row.code) }),
    };
  },
};
