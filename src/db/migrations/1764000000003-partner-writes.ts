import { MigrationInterface, QueryRunner, Table, TableColumn, TableForeignKey, TableIndex } from "typeorm";

/** API keys, the audit trail, idempotent initiative creation, and the solidarity-mission registry. */
export class PartnerWrites1764000000003 implements MigrationInterface {
  name = "PartnerWrites1764000000003";

  async up(q: QueryRunner): Promise<void> {
    const fk = (column: string, table: string, referenced: string, onDelete = "RESTRICT") =>
      new TableForeignKey({ columnNames: [column], referencedTableName: table, referencedColumnNames: [referenced], onDelete });
    await q.createTable(
      new Table({
        name: "api_key",
        columns: [
          { name: "id", type: "varchar", length: "16", isPrimary: true },
          // SHA-256 of the whole key: keys are 190 random bits, so a fast hash is enough and lookups stay cheap.
          { name: "secret_hash", type: "varchar", length: "64" },
          { name: "organization_id", type: "varchar", length: "80" },
          { name: "role", type: "varchar", length: "30" },
          { name: "region_code", type: "varchar", length: "3", isNullable: true },
          { name: "label", type: "varchar", isNullable: true },
          { name: "created_at", type: "varchar", length: "30" },
          { name: "revoked_at", type: "varchar", length: "30", isNullable: true },
        ],
        foreignKeys: [fk("organization_id", "organization", "id")],
      }),
    );
    await q.createTable(
      new Table({
        name: "audit_log",
        columns: [
          { name: "id", type: "varchar", length: "36", isPrimary: true },
          { name: "at", type: "varchar", length: "30" },
          { name: "api_key_id", type: "varchar", length: "16" },
          { name: "organization_id", type: "varchar", length: "80" },
          { name: "action", type: "varchar", length: "40" },
          { name: "entity", type: "varchar", length: "40" },
          { name: "entity_id", type: "varchar", length: "80" },
          { name: "before_json", type: "text", isNullable: true },
          { name: "after_json", type: "text", isNullable: true },
        ],
        indices: [new TableIndex({ name: "idx_audit_entity", columnNames: ["entity", "entity_id"] })],
      }),
    );
    await q.addColumn("initiative", new TableColumn({ name: "client_mutation_id", type: "varchar", length: "80", isNullable: true }));
    // A retried createInitiative (same organization, same clientMutationId) finds the first one instead of adding a copy.
    await q.createIndex("initiative", new TableIndex({ name: "uq_initiative_client_mutation", columnNames: ["owner_id", "client_mutation_id"], isUnique: true }));
    await q.createTable(
      new Table({
        name: "volunteer",
        columns: [
          { name: "id", type: "varchar", length: "36", isPrimary: true },
          { name: "organization_id", type: "varchar", length: "80" },
          { name: "display_name", type: "varchar" },
          { name: "specialty", type: "varchar" },
          { name: "retired", type: "boolean" },
          { name: "created_at", type: "varchar", length: "30" },
        ],
        indices: [new TableIndex({ name: "idx_volunteer_organization", columnNames: ["organization_id"] })],
        foreignKeys: [fk("organization_id", "organization", "id")],
      }),
    );
    await q.createTable(
      new Table({
        name: "mission_day",
        columns: [
          { name: "volunteer_id", type: "varchar", length: "36", isPrimary: true },
          { name: "day", type: "varchar", length: "10", isPrimary: true },
          { name: "epci_siren", type: "varchar", length: "9" },
          { name: "created_at", type: "varchar", length: "30" },
        ],
        indices: [new TableIndex({ name: "idx_mission_day_zone", columnNames: ["epci_siren", "day"] })],
        foreignKeys: [fk("volunteer_id", "volunteer", "id", "CASCADE"), fk("epci_siren", "epci", "siren")],
      }),
    );
    await q.createTable(
      new Table({
        name: "zone_need",
        columns: [
          { name: "epci_siren", type: "varchar", length: "9", isPrimary: true },
          { name: "days_wanted_per_month", type: "integer" },
          { name: "consultation_rooms", type: "integer" },
          { name: "medical_equipment", type: "boolean" },
          { name: "lodging", type: "boolean" },
          { name: "note", type: "text", isNullable: true },
          { name: "updated_at", type: "varchar", length: "30" },
        ],
        foreignKeys: [fk("epci_siren", "epci", "siren", "CASCADE")],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ["zone_need", "mission_day", "volunteer"]) await q.dropTable(table);
    await q.dropIndex("initiative", "uq_initiative_client_mutation");
    await q.dropColumn("initiative", "client_mutation_id");
    for (const table of ["audit_log", "api_key"]) await q.dropTable(table);
  }
}
