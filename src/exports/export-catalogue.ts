import { BadUserInputError } from "../errors/errors";
import type { ExportDefinition } from "./export-definition";
import { communesExport } from "./tables/communes.export";
import { departementsExport } from "./tables/departements.export";
import { epcisExport } from "./tables/epcis.export";
import { indicateursExport } from "./tables/indicateurs.export";
import { regionsExport } from "./tables/regions.export";
import { zonesRougesExport } from "./tables/zones-rouges.export";

/** Every curated export, by the name in its URL. */
export const EXPORTS: readonly ExportDefinition[] = [regionsExport, departementsExport, epcisExport, communesExport, zonesRougesExport, indicateursExport];

const BY_NAME = new Map(EXPORTS.map((e) => [e.name, e]));

/** An export by name; an unknown name is a 400 listing the valid ones. */
export function exportNamed(name: string): ExportDefinition {
  const found = BY_NAME.get(name);
  if (!found) {
    throw new BadUserInputError(`unknown export "${name}"; valid exports: ${EXPORTS.map((e) => e.name).join(", ")}`, {
      invalidArguments: ["export"],
      validValues: EXPORTS.map((e) => e.name),
    });
  }
  return found;
}
