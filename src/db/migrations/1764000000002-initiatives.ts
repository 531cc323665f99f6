import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from "typeorm";

/** Organizations, the initiatives they carry, and where those initiatives take place. */
export class Initiatives1764000000002 implements MigrationInterface {
  name = "Initiatives1764000000002";

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: "organization",
        columns: [
          { name: "id", type: "varchar", length: "80", isPrimary: true },
          { name: "name", type: "varchar" },
          { name: "kind", type: "varchar", length: "30" },
          { name: "region_code", type: "varchar", length: "3", isNullable: true },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: "initiative",
        columns: [
          { name: "id", type: "varchar", length: "80", isPrimary: true },
          { name: "title", type: "varchar" },
          { name: "kind", type: "varchar", length: "40" },
          { name: "summary", type: "text" },
          { name: "started_on", type: "varchar", length: "10", isNullable: true },
          { name: "status", type: "varchar", length: "40" },
          { name: "source_id", type: "varchar", length: "80", isNullable: true },
          { name: "owner_id", type: "varchar", length: "80", isNullable: true },
          { name: "version", type: "integer", default: 1 },
          { name: "archived", type: "boolean", default: false },
          { name: "created_at", type: "varchar", length: "30" },
          { name: "updated_at", type: "varchar", length: "30" },
        ],
        indices: [
          new TableIndex({ name: "idx_initiative_kind", columnNames: ["kind"] }),
          new TableIndex({ name: "idx_initiative_owner", columnNames: ["owner_id"] }),
        ],
        foreignKeys: [
          new TableForeignKey({ columnNames: ["source_id"], referencedTableName: "source", referencedColumnNames: ["id"] }),
          new TableForeignKey({ columnNames: ["owner_id"], referencedTableName: "organization", referencedColumnNames: ["id"] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: "initiative_carrier",
        columns: [
          { name: "initiative_id", type: "varchar", length: "80", isPrimary: true },
          { name: "organization_id", type: "varchar", length: "80", isPrimary: true },
        ],
        indices: [new TableIndex({ name: "idx_initiative_carrier_organization", columnNames: ["organization_id"] })],
        foreignKeys: [
          new TableForeignKey({ columnNames: ["initiative_id"], referencedTableName: "initiative", referencedColumnNames: ["id"], onDelete: "CASCADE" }),
          new TableForeignKey({ columnNames: ["organization_id"], referencedTableName: "organization", referencedColumnNames: ["id"] }),
        ],
      }),
    );
    // Every territory an initiative lies in: the ones it is attached to (direct) and the ones
    // containing them (a commune's EPCI, département, région), so each level is one indexed lookup.
    await q.createTable(
      new Table({
        name: "initiative_place",
        columns: [
          { name: "initiative_id", type: "varchar", length: "80", isPrimary: true },
          { name: "level", type: "varchar", length: "12", isPrimary: true },
          { name: "code", type: "varchar", length: "9", isPrimary: true },
          { name: "direct", type: "boolean" },
        ],
        indices: [new TableIndex({ name: "idx_initiative_place_territory", columnNames: ["level", "code"] })],
        foreignKeys: [
          new TableForeignKey({ columnNames: ["initiative_id"], referencedTableName: "initiative", referencedColumnNames: ["id"], onDelete: "CASCADE" }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ["initiative_place", "initiative_carrier", "initiative", "organization"]) await q.dropTable(table);
  }
}
