import { SasDepartmentStatus } from "../../entities/care-offer/sas-department-status.type";
import { tableRead } from "./table-read";

/** The columns of `sas_department_status` that make a SasDepartmentStatus (the département is the loader's key). */
export const SAS_STATUS_READ = tableRead("sas_department_status", "", ["status", "stated_on", "opened_on", "statement", "platform_name", "operators", "note", "source_ids"], {
  department_code: "the key the loader finds a status by; the status is a field of its Department",
});

/** A row of `sas_department_status`: its pages are stored as space-separated source ids. */
export function toSasStatus(row: Record<string, unknown>): SasDepartmentStatus {
  const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return Object.assign(new SasDepartmentStatus(), {
    status: String(row.status),
    statedOn: text(row.stated_on),
    openedOn: text(row.opened_on),
    statement: text(row.statement),
    platformName: text(row.platform_name),
    operators: text(row.operators),
    note: text(row.note),
    sourceIds: String(row.source_ids).split(" ").filter((s) => s !== ""),
  });
}
