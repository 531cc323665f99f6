import type { RequestContext } from "../context/request-context";
import { findDataset } from "../services/care-offer/dataset.service";
import type { Column } from "./columns";
import type { ExportCoverage, ExportDefinition, PreparedExport } from "./export-definition";

/** A source as the datapackage lists it: Frictionless `sources` members, with the producer and vintage added. */
export interface PackageSource {
  /** The id the rows' `_source` cells cite. */
  name: string;
  title: string;
  producer: string;
  vintage: string;
  vintageInferred: boolean;
  path: string | null;
  licence: string | null;
  note: string | null;
}

/** Licence texts of the sources, as Frictionless `licenses`: the Etalab licence by its SPDX id, others by their words. */
function licenceOf(text: string): { name: string; title: string; path?: string } {
  if (/licence ouverte|etalab/i.test(text)) return { name: "etalab-2.0", title: text, path: "https://www.etalab.gouv.fr/licence-ouverte-open-licence/" };
  if (/^not open/i.test(text)) return { name: "other-closed", title: text };
  return { name: "other", title: text };
}

/** The sources the rows cite, from the `source` table or, for the territories, the dataset catalogue. */
export async function describeSources(ctx: RequestContext, ids: string[]): Promise<PackageSource[]> {
  return Promise.all(
    ids.map(async (id): Promise<PackageSource> => {
      const source = await ctx.loaders.source.byId.load(id);
      if (source) {
        return {
          name: id,
          title: source.title,
          producer: source.producer,
          vintage: source.vintage,
          vintageInferred: source.vintageInferred,
          path: source.url,
          licence: source.licence,
          note: source.note,
        };
      }
      const dataset = await findDataset(ctx, id);
      if (!dataset) throw new Error(`an export cites source "${id}", which is neither a source nor a dataset`);
      return { name: id, title: dataset.title, producer: dataset.producer, vintage: dataset.vintage, vintageInferred: false, path: dataset.url, licence: dataset.licence, note: null };
    }),
  );
}

/** Frictionless Table Schema field of a column (decimal commas declared where the CSV has them). */
function field(column: Column, decimalComma: boolean) {
  return {
    name: column.name,
    type: column.type,
    description: column.description,
    ...(column.type === "number" && decimalComma ? { decimalChar: "," } : {}),
  };
}

export interface DatapackageInput {
  definition: ExportDefinition;
  prepared: PreparedExport;
  columns: Column[];
  sources: PackageSource[];
  /** Absolute URL of the CSV this package describes (same parameters). */
  csvUrl: string;
  decimalComma: boolean;
  dataVersion: string;
}

/**
 * The Frictionless (Tabular) Data Package of an export: fields and types, licences, sources with
 * producer, vintage and URL, the filters applied and, for a partial list, its coverage, so that
 * what the file lacks travels with it.
 */
export function datapackage({ definition, prepared, columns, sources, csvUrl, decimalComma, dataVersion }: DatapackageInput) {
  const licences = [...new Set(sources.map((s) => s.licence).filter((l): l is string => l !== null))];
  const coverage: ExportCoverage | null = prepared.coverage;
  return {
    profile: "tabular-data-package",
    name: `territoire-sante-${definition.name}`,
    title: definition.title,
    description: definition.description,
    version: dataVersion,
    licenses: licences.map(licenceOf),
    sources: sources.map((s) => ({ ...s, path: s.path ?? undefined })),
    filters: prepared.filter,
    ...(coverage ? { coverage } : {}),
    notes: prepared.notes,
    resources: [
      {
        name: definition.name,
        path: csvUrl,
        profile: "tabular-data-resource",
        format: "csv",
        mediatype: "text/csv",
        encoding: "utf-8",
        dialect: { delimiter: ";", header: true, doubleQuote: true, lineTerminator: "\r\n" },
        schema: {
          fields: columns.map((c) => field(c, decimalComma)),
          ...(definition.primaryKey.every((k) => columns.some((c) => c.name === k)) ? { primaryKey: definition.primaryKey } : {}),
          missingValues: [""],
        },
      },
    ],
  };
}

export type Datapackage = ReturnType<typeof datapackage>;
