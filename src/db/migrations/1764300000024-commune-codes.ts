import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from "typeorm";

/**
 * The codes people hold besides a commune's current INSEE code: the codes of communes merged
 * into it since (files of earlier years carry them), and its La Poste postal codes, as a table
 * so that a postal code finds its communes through an index (`commune.postal_codes` keeps the
 * list each commune shows).
 */
export class CommuneCodes1764300000024 implements MigrationInterface {
  name = "CommuneCodes1764300000024";

  async up(q: QueryRunner): Promise<void> {
    const commune = new TableForeignKey({ columnNames: ["commune_code"], referencedTableName: "commune", referencedColumnNames: ["code"], onDelete: "CASCADE" });
    await q.createTable(
      new Table({
        name: "commune_former_code",
        columns: [
          // A former code belongs to one current commune: never a current code itself (COG 2026).
          { name: "code", type: "varchar", length: "5", isPrimary: true },
          { name: "commune_code", type: "varchar", length: "5" },
          // The delegated or associated commune's name, when the COG still lists it; null otherwise.
          { name: "name", type: "varchar", isNullable: true },
        ],
        indices: [new TableIndex({ name: "idx_commune_former_code_commune", columnNames: ["commune_code"] })],
        foreignKeys: [commune],
      }),
    );
    await q.createTable(
      new Table({
        name: "commune_postal_code",
        columns: [
          { name: "postal_code", type: "varchar", length: "5", isPrimary: true },
          { name: "commune_code", type: "varchar", length: "5", isPrimary: true },
        ],
        foreignKeys: [new TableForeignKey({ columnNames: ["commune_code"], referencedTableName: "commune", referencedColumnNames: ["code"], onDelete: "CASCADE" })],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable("commune_postal_code");
    await q.dropTable("commune_former_code");
  }
}
