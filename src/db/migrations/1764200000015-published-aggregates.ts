import { MigrationInterface, QueryRunner, Table, TableColumn, TableForeignKey } from "typeorm";

/**
 * Producers' own regional and national rows (CNAM publishes both), served as published instead
 * of recomputed; and the publication date of a source, apart from the date its data describes.
 */
export class PublishedAggregates1764200000015 implements MigrationInterface {
  name = "PublishedAggregates1764200000015";

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: "professional_aggregate",
        columns: [
          { name: "source_id", type: "varchar", length: "80", isPrimary: true },
          // "REGION" (code: INSEE région code) or "FRANCE" (code: "FR").
          { name: "level", type: "varchar", length: "10", isPrimary: true },
          { name: "code", type: "varchar", length: "3", isPrimary: true },
          { name: "specialty", type: "varchar", length: "120", isPrimary: true },
          { name: "specialty_search", type: "varchar", length: "120" },
          { name: "headcount", type: "integer", isNullable: true },
          { name: "density", type: "double precision", isNullable: true },
        ],
        foreignKeys: [new TableForeignKey({ columnNames: ["source_id"], referencedTableName: "source", referencedColumnNames: ["id"], onDelete: "RESTRICT" })],
      }),
    );
    await q.addColumn("source", new TableColumn({ name: "published_on", type: "varchar", length: "40", isNullable: true }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn("source", "published_on");
    await q.dropTable("professional_aggregate");
  }
}
