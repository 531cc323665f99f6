/**
 * What a caller may do. Anonymous callers read; partners, territorial admins and admins write
 * within their organization or territory; an embed key (for a web page) reads, only the trusted
 * documents registered for it, only from the origins it is bound to.
 */
export enum Role {
  PARTNER = "partner",
  TERRITORIAL_ADMIN = "territorial-admin",
  ADMIN = "admin",
  EMBED = "embed",
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
      /** The page origins the key may be used from (`https://intranet.example`); null: any (a key kept on a server). */
      origins: readonly string[] | null;
      /** Only trusted documents, called by `documentId`: query text is refused. Always true for an embed key. */
      documentsOnly: boolean;
    };

export const ANONYMOUS: Caller = { kind: "anonymous" };
