import { type MigrationInterface, type QueryRunner, Table, TableColumn } from "typeorm";

/**
 * Partners in the browser: the origins a key may be used from and whether it may send query
 * text at all (`documents_only`), and the trusted documents (persisted operations) each key
 * registered, called by `documentId`. Documents owned by "public" may be called by anyone.
 */
export class PartnerAccess1764400000000 implements MigrationInterface {
  name = "PartnerAccess1764400000000";

  async up(q: QueryRunner): Promise<void> {
    // Space-separated origins (`https://intranet.example https://app.example`); null: any (a server-side key).
    await q.addColumn("api_key", new TableColumn({ name: "origins", type: "text", isNullable: true }));
    await q.addColumn("api_key", new TableColumn({ name: "documents_only", type: "boolean", default: false }));
    await q.createTable(
      new Table({
        name: "trusted_document",
        columns: [
          // The key that registered it, or "public" (no foreign key: "public" is not a key).
          { name: "owner", type: "varchar", length: "16", isPrimary: true },
          // SHA-256 of the document's text, in lower-case hex.
          { name: "id", type: "varchar", length: "64", isPrimary: true },
          { name: "document", type: "text" },
          { name: "operation_name", type: "varchar", isNullable: true },
          { name: "registered_at", type: "varchar", length: "30" },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable("trusted_document");
    await q.dropColumn("api_key", "documents_only");
    await q.dropColumn("api_key", "origins");
  }
}
