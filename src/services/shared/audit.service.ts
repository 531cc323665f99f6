import { randomUUID } from "node:crypto";
import type { KeyCaller } from "../../auth/authorization";
import { sql } from "../../db/sql-dialect";
import type { SqlRunner } from "../../db/sql-dialect";

/** Writes who changed what, when, with the state before and after, inside the write's own transaction. */
export async function audit(
  manager: SqlRunner,
  caller: KeyCaller,
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
