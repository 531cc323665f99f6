import { MigrationInterface, QueryRunner, TableIndex } from "typeorm";

/**
 * Indexes for the read paths the benchmark measures:
 * - `epci (search_name, siren)`: the default order of `epcis` (by name, then SIREN), so a page
 *   is read in index order instead of sorting all EPCI for every page.
 */
export class ReadIndexes1764000000010 implements MigrationInterface {
  name = "ReadIndexes1764000000010";

  async up(q: QueryRunner): Promise<void> {
    await q.createIndex("epci", new TableIndex({ name: "idx_epci_search_name", columnNames: ["search_name", "siren"] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex("epci", "idx_epci_search_name");
  }
}
