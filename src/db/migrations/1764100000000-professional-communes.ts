import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from "typeorm";

/**
 * Health professionals per commune, from the national RPPS open-data extraction (Annuaire santé):
 * distinct professionals per commune of activity, profession and specialty, for one extraction.
 */
export class ProfessionalCommunes1764100000000 implements MigrationInterface {
  name = "ProfessionalCommunes1764100000000";

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: "professional_commune",
        columns: [
          { name: "source_id", type: "varchar", length: "80", isPrimary: true },
          { name: "commune_code", type: "varchar", length: "5", isPrimary: true },
          { name: "profession", type: "varchar", length: "120", isPrimary: true },
          // "" when the line gives no specialty: part of the key, so never null.
          { name: "specialty", type: "varchar", length: "160", isPrimary: true },
          { name: "headcount", type: "integer" },
        ],
        indices: [new TableIndex({ name: "idx_professional_commune_commune", columnNames: ["commune_code", "source_id"] })],
        foreignKeys: [
          new TableForeignKey({ columnNames: ["source_id"], referencedTableName: "source", referencedColumnNames: ["id"], onDelete: "RESTRICT" }),
          new TableForeignKey({ columnNames: ["commune_code"], referencedTableName: "commune", referencedColumnNames: ["code"], onDelete: "CASCADE" }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable("professional_commune");
  }
}
