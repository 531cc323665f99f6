import { Epci } from "../../entities/territories/epci.entity";
import type { EpciKind } from "../../entities/territories/epci-kind";

/** Columns of `epci e` that make an Epci. */
export const EPCI_COLUMNS = "e.siren, e.name, e.kind, e.population";

export function toEpci(row: Record<string, unknown>): Epci {
  const epci = new Epci();
  epci.siren = String(row.siren);
  epci.name = String(row.name);
  epci.kind = String(row.kind) as EpciKind;
  epci.population = Number(row.population);
  return epci;
}
