import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from "typeorm";

/** The territorial skeleton: régions, départements, EPCI, communes and their links. */
export class Territories1764000000000 implements MigrationInterface {
  name = "Territories1764000000000";

  async up(q: QueryRunner): Promise<void> {
    const code = (name: string, length: number) => ({ name, type: "varchar", length: String(length) });
    await q.createTable(
      new Table({
        name: "region",
        columns: [
          { ...code("code", 3), isPrimary: true },
          { name: "name", type: "varchar" },
          { name: "population", type: "integer" },
          { name: "search_name", type: "varchar" },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: "department",
        columns: [
          { ...code("code", 3), isPrimary: true },
          { name: "name", type: "varchar" },
          code("region_code", 3),
          { name: "population", type: "integer" },
          { name: "search_name", type: "varchar" },
        ],
        indices: [new TableIndex({ name: "idx_department_region", columnNames: ["region_code"] })],
        foreignKeys: [
          new TableForeignKey({ columnNames: ["region_code"], referencedTableName: "region", referencedColumnNames: ["code"] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: "commune",
        columns: [
          { ...code("code", 5), isPrimary: true },
          { name: "name", type: "varchar" },
          code("department_code", 3),
          code("region_code", 3),
          { name: "population", type: "integer" },
          { name: "postal_codes", type: "text" },
          { name: "search_name", type: "varchar" },
        ],
        indices: [
          new TableIndex({ name: "idx_commune_department", columnNames: ["department_code"] }),
          new TableIndex({ name: "idx_commune_region", columnNames: ["region_code"] }),
        ],
        foreignKeys: [
          new TableForeignKey({ columnNames: ["department_code"], referencedTableName: "department", referencedColumnNames: ["code"] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: "epci",
        columns: [
          { ...code("siren", 9), isPrimary: true },
          { name: "name", type: "varchar" },
          code("kind", 20),
          { name: "population", type: "integer" },
          { name: "search_name", type: "varchar" },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: "epci_commune",
        columns: [
          { ...code("epci_siren", 9), isPrimary: true },
          { ...code("commune_code", 5), isPrimary: true },
        ],
        indices: [
          // A commune belongs to at most one EPCI à fiscalité propre.
          new TableIndex({ name: "uq_epci_commune_commune", columnNames: ["commune_code"], isUnique: true }),
        ],
        foreignKeys: [
          new TableForeignKey({ columnNames: ["epci_siren"], referencedTableName: "epci", referencedColumnNames: ["siren"], onDelete: "CASCADE" }),
          new TableForeignKey({ columnNames: ["commune_code"], referencedTableName: "commune", referencedColumnNames: ["code"], onDelete: "CASCADE" }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: "epci_department",
        columns: [
          { ...code("epci_siren", 9), isPrimary: true },
          { ...code("department_code", 3), isPrimary: true },
        ],
        indices: [new TableIndex({ name: "idx_epci_department_department", columnNames: ["department_code"] })],
        foreignKeys: [
          new TableForeignKey({ columnNames: ["epci_siren"], referencedTableName: "epci", referencedColumnNames: ["siren"], onDelete: "CASCADE" }),
          new TableForeignKey({ columnNames: ["department_code"], referencedTableName: "department", referencedColumnNames: ["code"], onDelete: "CASCADE" }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ["epci_department", "epci_commune", "epci", "commune", "department", "region"]) {
      await q.dropTable(table);
    }
  }
}
