import type { RequestContext } from "../context/request-context";
import type { MapLevel } from "../entities/care-offer/map-measure";
import { listDepartments, listRegions } from "../services/territories/territory.service";
import { DEPARTMENT_CODE, REGION_CODE, SIREN } from "../validation/territory-codes";
import { badMapInput } from "./map-errors";
import type { MapGeography, MapScope } from "./map-model";

/** The territory a map is limited to, as asked in its query string (at most one). */
export interface ScopeRequest {
  region?: string;
  departement?: string;
  epci?: string;
}

/** The territory of a map, checked against the database, and the départements it covers. */
export interface ResolvedScope {
  scope: MapScope;
  geography: MapGeography;
}

/**
 * Resolves `region`, `departement` or `epci` to a territory that exists: an unknown code is a 400
 * that lists the codes there are (for EPCI, where to find the 1,255 SIRENs), in French and English.
 */
export async function resolveScope(ctx: RequestContext, level: MapLevel, request: ScopeRequest): Promise<ResolvedScope> {
  const given = (["region", "departement", "epci"] as const).filter((key) => request[key] !== undefined);
  if (given.length > 1) {
    throw badMapInput(given[1], `donnez un seul territoire parmi region, departement et epci (reçu : ${given.join(", ")})`, `give one territory of region, departement and epci (received: ${given.join(", ")})`);
  }
  const departments = await listDepartments(ctx, undefined, undefined);
  const regionOf = new Map(departments.map((d) => [d.code, d.regionCode]));
  const all = departments.map((d) => d.code);
  if (request.region !== undefined) {
    const regions = await listRegions(ctx);
    const region = REGION_CODE.test(request.region) ? regions.find((r) => r.code === request.region) : undefined;
    if (!region) {
      const listed = regions.map((r) => `${r.code} (${r.name})`).join(", ");
      throw badMapInput("region", `région inconnue « ${request.region} » ; codes INSEE possibles : ${listed}`, `unknown région "${request.region}"; valid INSEE codes: ${listed}`, regions.map((r) => r.code));
    }
    return { scope: { kind: "region", code: region.code, name: region.name }, geography: { departments: all.filter((d) => regionOf.get(d) === region.code), regionOf } };
  }
  if (request.departement !== undefined) {
    const department = DEPARTMENT_CODE.test(request.departement) ? departments.find((d) => d.code === request.departement) : undefined;
    if (!department) {
      throw badMapInput(
        "departement",
        `département inconnu « ${request.departement} » ; codes INSEE possibles : ${all.join(", ")}`,
        `unknown département "${request.departement}"; valid INSEE codes: ${all.join(", ")}`,
        all,
      );
    }
    return { scope: { kind: "departement", code: department.code, name: department.name }, geography: { departments: [department.code], regionOf } };
  }
  if (request.epci !== undefined) {
    if (level !== "communes") {
      throw badMapInput("epci", "epci ne s'emploie qu'avec /maps/communes (les communes d'un EPCI)", "epci is for /maps/communes only (the communes of one EPCI)");
    }
    const epci = SIREN.test(request.epci) ? await ctx.loaders.epci.bySiren.load(request.epci) : null;
    if (!epci) {
      throw badMapInput(
        "epci",
        `EPCI inconnu « ${request.epci} » : donnez le SIREN (9 chiffres) d'un des 1 255 EPCI du COG 2026, p. ex. 200035327 ; liste : /maps/epcis.json`,
        `unknown EPCI "${request.epci}": give the SIREN (9 digits) of one of the 1,255 EPCI of COG 2026, e.g. 200035327; list: /maps/epcis.json`,
      );
    }
    const epciDepartments = await ctx.loaders.department.byEpci.load(epci.siren);
    return { scope: { kind: "epci", code: epci.siren, name: epci.name }, geography: { departments: epciDepartments.map((d) => d.code), regionOf } };
  }
  return { scope: { kind: "france" }, geography: { departments: all, regionOf } };
}
