import type { Database } from "../../src/db/database";
import { type Caller, Role } from "../../src/auth/caller";
import { sql } from "../../src/db/sql-dialect";

/** Callers for authorization tests: one per role, "own" acting on mgen's data, "other" on someone else's. */
export const CALLERS = {
  anonymous: { kind: "anonymous" } as Caller,
  partnerOwn: { kind: "key", keyId: "k-mgen", organizationId: "mgen", role: Role.PARTNER, regionCode: null, origins: null, documentsOnly: false } as Caller,
  partnerOther: { kind: "key", keyId: "k-mutualite", organizationId: "mutualite-francaise", role: Role.PARTNER, regionCode: null, origins: null, documentsOnly: false } as Caller,
  territorialAdminInRegion: { kind: "key", keyId: "k-ars-occ", organizationId: "ars-occitanie", role: Role.TERRITORIAL_ADMIN, regionCode: "76", origins: null, documentsOnly: false } as Caller,
  territorialAdminOtherRegion: { kind: "key", keyId: "k-ars-ara", organizationId: "ars-auvergne-rhone-alpes", role: Role.TERRITORIAL_ADMIN, regionCode: "84", origins: null, documentsOnly: false } as Caller,
  admin: { kind: "key", keyId: "k-admin", organizationId: "territoire-sante", role: Role.ADMIN, regionCode: null, origins: null, documentsOnly: false } as Caller,
};

export type CallerName = keyof typeof CALLERS;

/** The organization the admin key belongs to (not in the seeded data). */
export async function addAdminOrganization(db: Database): Promise<void> {
  await sql(db, "INSERT INTO organization (id, name, kind, region_code) VALUES ('territoire-sante', 'territoire-santé operators', 'STATE', NULL) ON CONFLICT (id) DO NOTHING");
}
