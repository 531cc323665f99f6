import { MigrationInterface, QueryRunner, Table, TableColumn, TableForeignKey } from "typeorm";

/**
 * The dataset catalogue (what each import or seed loaded, from which file, when), what ARS and
 * press pages state about each département's own SAS, and the opening date and operators of a
 * SAS platform.
 */
export class CoverageCatalogue1764200000000 implements MigrationInterface {
  name = "CoverageCatalogue1764200000000";

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: "dataset",
        columns: [
          { name: "id", type: "varchar", length: "60", isPrimary: true },
          { name: "title", type: "varchar" },
          { name: "producer", type: "varchar" },
          { name: "vintage", type: "varchar", length: "40" },
          { name: "licence", type: "varchar", isNullable: true },
          { name: "url", type: "varchar", isNullable: true },
          { name: "file", type: "varchar" },
          { name: "row_count", type: "integer" },
          { name: "loaded_at", type: "varchar", length: "30" },
          { name: "import_command", type: "varchar" },
        ],
      }),
    );
    // One statement per département and source page set: status as stated, never region-wide inferences.
    await q.createTable(
      new Table({
        name: "sas_department_status",
        columns: [
          { name: "department_code", type: "varchar", length: "3", isPrimary: true },
          { name: "status", type: "varchar" },
          { name: "stated_on", type: "varchar", length: "10", isNullable: true },
          { name: "opened_on", type: "varchar", length: "10", isNullable: true },
          { name: "statement", type: "text", isNullable: true },
          { name: "platform_name", type: "varchar", isNullable: true },
          { name: "operators", type: "text", isNullable: true },
          { name: "source_ids", type: "text" },
          { name: "note", type: "text", isNullable: true },
        ],
        foreignKeys: [
          new TableForeignKey({ columnNames: ["department_code"], referencedTableName: "department", referencedColumnNames: ["code"], onDelete: "CASCADE" }),
        ],
      }),
    );
    await q.addColumns("sas_platform", [
      new TableColumn({ name: "opened_on", type: "varchar", length: "10", isNullable: true }),
      new TableColumn({ name: "operators", type: "text", isNullable: true }),
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn("sas_platform", "operators");
    await q.dropColumn("sas_platform", "opened_on");
    await q.dropTable("sas_department_status");
    await q.dropTable("dataset");
  }
}
