import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from "typeorm";

/** Provenance, figures (professionals, APL, dated measures), zones rouges and SAS platforms. */
export class CareOffer1764000000001 implements MigrationInterface {
  name = "CareOffer1764000000001";

  async up(q: QueryRunner): Promise<void> {
    const fk = (column: string, table: string, referenced: string, onDelete = "RESTRICT") =>
      new TableForeignKey({ columnNames: [column], referencedTableName: table, referencedColumnNames: [referenced], onDelete });
    await q.createTable(
      new Table({
        name: "source",
        columns: [
          { name: "id", type: "varchar", length: "80", isPrimary: true },
          { name: "producer", type: "varchar" },
          { name: "title", type: "varchar" },
          { name: "vintage", type: "varchar", length: "40" },
          { name: "vintage_inferred", type: "boolean", default: false },
          { name: "note", type: "text", isNullable: true },
          { name: "url", type: "varchar", isNullable: true },
          { name: "licence", type: "varchar", isNullable: true },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: "professional_stat",
        columns: [
          { name: "source_id", type: "varchar", length: "80", isPrimary: true },
          { name: "department_code", type: "varchar", length: "3", isPrimary: true },
          { name: "specialty", type: "varchar", length: "120", isPrimary: true },
          { name: "specialty_search", type: "varchar", length: "120" },
          { name: "headcount", type: "integer", isNullable: true },
          { name: "density", type: "double precision", isNullable: true },
        ],
        indices: [new TableIndex({ name: "idx_professional_stat_department", columnNames: ["department_code", "source_id"] })],
        foreignKeys: [fk("source_id", "source", "id"), fk("department_code", "department", "code", "CASCADE")],
      }),
    );
    // Dated figures per territory: barometer indicators, PDSA participation, national published figures.
    await q.createTable(
      new Table({
        name: "measure",
        columns: [
          { name: "indicator", type: "varchar", length: "60", isPrimary: true },
          { name: "territory", type: "varchar", length: "24", isPrimary: true },
          { name: "observed_on", type: "varchar", length: "10", isPrimary: true },
          { name: "source_id", type: "varchar", length: "80", isPrimary: true },
          { name: "value", type: "double precision", isNullable: true },
          { name: "initial_value", type: "double precision", isNullable: true },
          { name: "target", type: "double precision", isNullable: true },
          { name: "note", type: "text", isNullable: true },
        ],
        indices: [new TableIndex({ name: "idx_measure_territory", columnNames: ["territory", "indicator"] })],
        foreignKeys: [fk("source_id", "source", "id")],
      }),
    );
    await q.createTable(
      new Table({
        name: "indicator_definition",
        columns: [
          { name: "id", type: "varchar", length: "60", isPrimary: true },
          { name: "label", type: "varchar" },
          { name: "unit", type: "varchar", length: "60" },
          { name: "description", type: "text" },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: "apl_commune",
        columns: [
          { name: "codgeo", type: "varchar", length: "5", isPrimary: true },
          { name: "source_id", type: "varchar", length: "80", isPrimary: true },
          { name: "commune_code", type: "varchar", length: "5" },
          { name: "value", type: "double precision" },
          { name: "population", type: "integer", isNullable: true },
        ],
        indices: [new TableIndex({ name: "idx_apl_commune_commune", columnNames: ["commune_code"] })],
        foreignKeys: [fk("source_id", "source", "id"), fk("commune_code", "commune", "code", "CASCADE")],
      }),
    );
    // Population-weighted APL per territory, recomputed whenever APL rows are loaded.
    await q.createTable(
      new Table({
        name: "apl_aggregate",
        columns: [
          { name: "level", type: "varchar", length: "10", isPrimary: true },
          { name: "code", type: "varchar", length: "9", isPrimary: true },
          { name: "source_id", type: "varchar", length: "80", isPrimary: true },
          { name: "value", type: "double precision" },
          { name: "population", type: "integer" },
          { name: "communes", type: "integer" },
        ],
        indices: [new TableIndex({ name: "idx_apl_aggregate_value", columnNames: ["level", "value"] })],
        foreignKeys: [fk("source_id", "source", "id")],
      }),
    );
    await q.createTable(
      new Table({
        name: "zone_rouge",
        columns: [
          { name: "epci_siren", type: "varchar", length: "9", isPrimary: true },
          { name: "designated_on", type: "varchar", length: "10" },
          { name: "programme", type: "varchar" },
          { name: "confirmed", type: "boolean" },
          { name: "note", type: "text", isNullable: true },
          { name: "source_id", type: "varchar", length: "80" },
        ],
        indices: [new TableIndex({ name: "idx_zone_rouge_confirmed", columnNames: ["confirmed"] })],
        foreignKeys: [fk("epci_siren", "epci", "siren", "CASCADE"), fk("source_id", "source", "id")],
      }),
    );
    await q.createTable(
      new Table({
        name: "sas_platform",
        columns: [
          { name: "id", type: "varchar", length: "40", isPrimary: true },
          { name: "name", type: "varchar" },
          { name: "appointments_booked", type: "integer", isNullable: true },
          { name: "source_id", type: "varchar", length: "80", isNullable: true },
        ],
        foreignKeys: [fk("source_id", "source", "id")],
      }),
    );
    await q.createTable(
      new Table({
        name: "sas_platform_department",
        columns: [
          { name: "platform_id", type: "varchar", length: "40", isPrimary: true },
          { name: "department_code", type: "varchar", length: "3", isPrimary: true },
        ],
        indices: [new TableIndex({ name: "uq_sas_platform_department", columnNames: ["department_code"], isUnique: true })],
        foreignKeys: [fk("platform_id", "sas_platform", "id", "CASCADE"), fk("department_code", "department", "code", "CASCADE")],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ["sas_platform_department", "sas_platform", "zone_rouge", "apl_aggregate", "apl_commune", "indicator_definition", "measure", "professional_stat", "source"]) {
      await q.dropTable(table);
    }
  }
}
