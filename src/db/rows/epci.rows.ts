import { Epci } from "../../entities/territories/epci.entity";
import type { EpciKind } from "../../entities/territories/epci-kind";
import { tableRead, UNREAD } from "./table-read";

/** The columns of `epci e` that make an Epci. */
export const EPCI_READ = tableRead("epci", "e", ["siren", "name", "kind", "population"], { search_name: UNREAD.searchName });
export const EPCI_COLUMNS = EPCI_READ.select;

export function toEpci(row: Record<string, unknown>): Epci {
  const epci = new Epci();
  epci.siren = String(row.siren);
  epci.name = String(row.name);
  epci.kind = String(row.kind) as EpciKind;
  epci.population = Number(row.population);
  return epci;
}
