import type { TypePolicies } from "@apollo/client";
import type { KeyingConfig } from "@urql/exchange-graphcache";

/**
 * How a normalising cache identifies our entities. The API has no global `id` field: entities
 * are identified by the codes partners already hold (INSEE codes, SIREN), which are stable and
 * public, so a cache keys on them (docs/partners.md says why not Relay global ids). Types that
 * are values of their parent (a measure, a source's figure, a coverage) are not normalised.
 */
const KEYS: Record<string, string[] | false> = {
  Region: ["code"],
  Department: ["code"],
  Epci: ["siren"],
  Commune: ["code"],
  Initiative: ["id"],
  Organization: ["id"],
  SasPlatform: ["id"],
  Source: ["id"],
  Indicator: ["id"],
  Dataset: ["id"],
  Volunteer: ["id"],
  Measure: false,
  ProfessionalStat: false,
  ProfessionalCount: false,
  ZoneRougeDesignation: false,
  SasDepartmentStatus: false,
  Coverage: false,
  DensityBase: false,
  MissionDay: false,
  MissionMatch: false,
  ZoneNeeds: false,
  PageInfo: false,
};

/** Apollo Client: `new InMemoryCache({ typePolicies })`. */
export const typePolicies: TypePolicies = Object.fromEntries(Object.entries(KEYS).map(([type, fields]) => [type, { keyFields: fields }]));

/** urql's Graphcache: `cacheExchange({ keys })`. */
export const keys: KeyingConfig = Object.fromEntries(
  Object.entries(KEYS).map(([type, fields]) => [type, (data: Record<string, unknown>) => (fields === false ? null : fields.map((f) => String(data[f])).join(":"))]),
);

/** The key fields of each type, for checks (every one must be a field of its type in the schema). */
export const KEY_FIELDS = KEYS;
