/** What a caller may do. Anonymous callers read; the others write within their organization or territory. */
export enum Role {
  PARTNER = "partner",
  TERRITORIAL_ADMIN = "territorial-admin",
  ADMIN = "admin",
}

export const ROLES = Object.values(Role);

/** Who sends the request: nobody in particular, or the holder of an API key. */
export type Caller =
  | { kind: "anonymous" }
  | {
      kind: "key";
      keyId: string;
      organizationId: string;
      role: Role;
      /** Territorial admins act within this région. */
      regionCode: string | null;
    };

export const ANONYMOUS: Caller = { kind: "anonymous" };
