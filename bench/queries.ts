/**
 * The API's cursor for an offset (src/resolvers/shared/connection.ts), written again here so that the
 * floor does not load our GraphQL code; the answer checks before timing catch any drift.
 */
export const cursorOf = (offset: number) => Buffer.from(`offset:${offset}`, "utf8").toString("base64url");
export const offsetAfter = (cursor: string | undefined) => (cursor === undefined ? 0 : Number(Buffer.from(cursor, "base64url").toString("utf8").slice("offset:".length)) + 1);

/** The GraphQL request body a contender receives. */
export interface RequestBody {
  query?: string;
  /** A trusted document's id instead of the text (the contenders that send documentId). */
  documentId?: string;
  variables?: Record<string, unknown>;
}

/** Which schema a request is written for: ours (gateway, monolith, floor) or PostGraphile's. */
export type Dialect = "ours" | "postgraphile";

/**
 * One benchmarked query: the request each dialect sends (varying with `i`, the request number,
 * so that lists page and lookups change key), and `normalise`, which maps a dialect's answer to
 * one shape so the bench can check, before timing, that every contender returns the same data.
 */
export interface BenchQuery {
  id: "hero" | "flat-list" | "point" | "fan-out";
  title: string;
  body: (dialect: Dialect, i: number) => RequestBody;
  normalise: (dialect: Dialect, data: any) => unknown;
  /** Bodies checked for equal answers before timing (every page, a few lookups). */
  checks: number;
}

/** Context the queries need from the seeded data: every SIREN (for point lookups), how many EPCI (for pages). */
export interface QueryData {
  sirens: string[];
}

export const HERO_QUERY = `{ region(code: "76") { name zonesRouges { siren name population initiatives { title kind carriers { name } } } } }`;

const HERO_PGL = `{ regionByCode(code: "76") { name zonesRouges { nodes { siren name population
  initiatives { nodes { title kind initiativeCarriersByInitiativeId { nodes { organizationByOrganizationId { name } } } } } } } } }`;

export const FLAT_LIST_QUERY = `query EpciPage($after: String) { epcis(first: 100, after: $after) { edges { node { name population } } pageInfo { hasNextPage } } }`;
const FLAT_LIST_PGL = `query EpciPage($offset: Int!) { allEpcis(first: 100, offset: $offset, orderBy: [SEARCH_NAME_ASC, SIREN_ASC]) {
  nodes { name population } pageInfo { hasNextPage } } }`;

export const POINT_QUERY = `query Epci($siren: ID!) { epci(siren: $siren) { siren name kind population } }`;
const POINT_PGL = `query Epci($siren: String!) { epciBySiren(siren: $siren) { siren name kind population } }`;

export const FAN_OUT_QUERY = `{ regions { name departments { name epcis { name communes { name } } } } }`;
const FAN_OUT_PGL = `{ allRegions(orderBy: CODE_ASC) { nodes { name departmentsByRegionCode(orderBy: CODE_ASC) { nodes { name
  epciDepartmentsByDepartmentCode { nodes { epciByEpciSiren { name epciCommunesByEpciSiren { nodes { communeByCommuneCode { name } } } } } } } } } } }`;

const PAGE_SIZE = 100;

/** Lists in a canonical order (each element's JSON), so that answers differing only in order compare equal. */
export function canonical(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value
      .map(canonical)
      .map((v) => [JSON.stringify(v), v] as const)
      .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .map(([, v]) => v);
  }
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, canonical(v)]));
  }
  return value;
}

export function benchQueries(data: QueryData): BenchQuery[] {
  const pages = Math.ceil(data.sirens.length / PAGE_SIZE);
  const sirenAt = (i: number) => data.sirens[(i * 7919) % data.sirens.length];
  return [
    {
      id: "hero",
      title: "hero: région 76 > zones rouges > initiatives > carriers",
      body: (dialect) => ({ query: dialect === "ours" ? HERO_QUERY : HERO_PGL }),
      normalise: (dialect, d) =>
        canonical(
          dialect === "ours"
            ? d.region
            : {
                name: d.regionByCode.name,
                zonesRouges: d.regionByCode.zonesRouges.nodes.map((z: any) => ({
                  siren: z.siren,
                  name: z.name,
                  population: z.population,
                  initiatives: z.initiatives.nodes.map((i: any) => ({
                    title: i.title,
                    kind: i.kind,
                    carriers: i.initiativeCarriersByInitiativeId.nodes.map((c: any) => ({ name: c.organizationByOrganizationId.name })),
                  })),
                })),
              },
        ),
      checks: 1,
    },
    {
      id: "flat-list",
      title: `flat list: all EPCI (name, population), ${PAGE_SIZE} a page`,
      body: (dialect, i) => {
        const page = i % pages;
        return dialect === "ours"
          ? { query: FLAT_LIST_QUERY, variables: page === 0 ? {} : { after: cursorOf(page * PAGE_SIZE - 1) } }
          : { query: FLAT_LIST_PGL, variables: { offset: page * PAGE_SIZE } };
      },
      // Same order on every contender of an engine (name, then SIREN): pages compare as they are.
      normalise: (dialect, d) =>
        dialect === "ours"
          ? { items: d.epcis.edges.map((e: any) => e.node), hasNextPage: d.epcis.pageInfo.hasNextPage }
          : { items: d.allEpcis.nodes, hasNextPage: d.allEpcis.pageInfo.hasNextPage },
      checks: pages,
    },
    {
      id: "point",
      title: "point lookup: epci(siren), SIREN varies",
      body: (dialect, i) => ({ query: dialect === "ours" ? POINT_QUERY : POINT_PGL, variables: { siren: sirenAt(i) } }),
      normalise: (dialect, d) => (dialect === "ours" ? d.epci : d.epciBySiren),
      checks: 5,
    },
    {
      id: "fan-out",
      title: "fan-out: every région > départements > EPCI > communes (names)",
      body: (dialect) => ({ query: dialect === "ours" ? FAN_OUT_QUERY : FAN_OUT_PGL }),
      normalise: (dialect, d) =>
        canonical(
          dialect === "ours"
            ? d.regions
            : d.allRegions.nodes.map((r: any) => ({
                name: r.name,
                departments: r.departmentsByRegionCode.nodes.map((dep: any) => ({
                  name: dep.name,
                  epcis: dep.epciDepartmentsByDepartmentCode.nodes.map((ed: any) => ({
                    name: ed.epciByEpciSiren.name,
                    communes: ed.epciByEpciSiren.epciCommunesByEpciSiren.nodes.map((ec: any) => ({ name: ec.communeByCommuneCode.name })),
                  })),
                })),
              })),
        ),
      checks: 1,
    },
  ];
}
