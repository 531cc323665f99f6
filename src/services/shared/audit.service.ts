import { randomUUID } from "node:crypto";
import { sql } from "../../db/sql-dialect";
import type { SqlRunner } from "../../db/sql-dialect";

/** Who made a change: an API key (its organization), or the operator at the command line (key id "cli"). */
export interface Actor {
  keyId: string;
  organizationId: string;
}

/** Writes who changed what, when, with the state before and after, inside the write's own transaction. */
export async function audit(
  manager: SqlRunner,
  caller: Actor,
  action: string,
  entity: string,
  entityId: string,
  before: unknown,
  after: unknown,
): Promise<void> {
  await sql(
    manager,
    "INSERT INTO audit_log (id, at, api_key_id, organization_id, action, entity, entity_id, before_json, after_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    [
      randomUUID(),
      new Date().toISOString(),
      caller.keyId,
      caller.organizationId,
      action,
      entity,
      entityId,
      before === null || before === undefined ? null : JSON.stringify(before),
      after === null || after === undefined ? null : JSON.stringify(after),
    ],
  );
}
