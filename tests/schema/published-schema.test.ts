import fs from "node:fs";
import path from "node:path";
import {
  buildSchema,
  type GraphQLNamedType,
  type IntrospectionQuery,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedScalarType,
} from "graphql";
import { INTROSPECTION_QUERY, printApiSchema, SCHEMA_FILE } from "../../src/schema/api-schema";
import { addedChangelogLines, checkSchemaChange } from "../../src/schema/schema-changes";
import { createTestApi, TEST_SCHEMA, type TestApi } from "../support/test-api";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

const published = fs.readFileSync(path.join(__dirname, "../..", SCHEMA_FILE), "utf8");
let database: TestDatabase;
let api: TestApi;
beforeAll(async () => {
  database = await createTestDatabase({ seed: false });
  api = await createTestApi(database.db);
});
afterAll(async () => {
  await api?.stop();
  await database?.drop();
});

describe("the published schema (schema.graphql)", () => {
  it(`is exactly the schema the server serves (${TEST_SCHEMA}); "npm run schema" regenerates it`, async () => {
    const { data, errors } = await api.execute<IntrospectionQuery>(INTROSPECTION_QUERY);
    expect(errors).toBeUndefined();
    expect(printApiSchema(data!)).toBe(published);
  });

  const schema = buildSchema(published);
  const ours = Object.values(schema.getTypeMap()).filter((t) => !isIntrospectionType(t) && !isSpecifiedScalarType(t));

  it("describes every type, field, argument, enum value and input field", () => {
    const missing: string[] = [];
    const check = (coordinate: string, description: string | null | undefined) => {
      if (!description || description.trim() === "") missing.push(coordinate);
    };
    for (const type of ours as GraphQLNamedType[]) {
      check(type.name, type.description);
      if (isObjectType(type) || isInterfaceType(type)) {
        for (const field of Object.values(type.getFields())) {
          check(`${type.name}.${field.name}`, field.description);
          for (const arg of field.args) check(`${type.name}.${field.name}(${arg.name})`, arg.description);
        }
      }
      if (isInputObjectType(type)) for (const field of Object.values(type.getFields())) check(`${type.name}.${field.name}`, field.description);
      if (isEnumType(type)) for (const value of type.getValues()) check(`${type.name}.${value.name}`, value.description);
    }
    expect(missing).toEqual([]);
  });

  it("spells out every French acronym it uses, for readers who are not specialists", () => {
    const texts = published.match(/"""[\s\S]*?"""|"[^"\n]*"/g)!.join("\n");
    const acronyms = ["EPCI", "APL", "PDSA", "SAS", "CPTS", "ALD", "MSP", "RPPS", "INSEE", "COG", "SIREN", "DREES", "CNOM", "CNAM", "ARS", "CPAM", "DITP", "ANS"];
    const used = acronyms.filter((a) => new RegExp(`\\b${a}\\b`).test(texts));
    const explained = (a: string) => new RegExp(`\\b${a}\\b\\s*\\((?!e\\.g\\.)|\\(${a}[),]|\\b${a}\\b:\\s|\\b${a}\\b,\\s+(the|an?)\\s`).test(texts);
    expect(used.filter((a) => !explained(a))).toEqual([]);
    expect(used.length).toBeGreaterThan(10);
  });
});

describe("npm run schema:check: breaking changes need a changelog line", () => {
  const before = `"""A département."""\ntype Department { """Code.""" code: ID!  """Name.""" name: String!  """Old name.""" label: String }\n"""Entry points."""\ntype Query { """One département.""" department(code: ID!): Department }`;

  it("accepts added fields without a changelog line", async () => {
    const after = before.replace('label: String }', 'label: String  """New.""" population: Int }');
    const report = await checkSchemaChange(before, after, []);
    expect(report).toMatchObject({ ok: true, breaking: [] });
    expect(report.lines).toContain("safe      Field 'population' was added to object type 'Department'");
  });

  it("refuses a removed field until a changelog line names it", async () => {
    const after = before.replace('"""Old name.""" label: String ', "");
    const refused = await checkSchemaChange(before, after, ["- 0.2.0: maps."]);
    expect(refused.ok).toBe(false);
    expect(refused.lines).toContain("missing changelog line naming Department.label (breaking: Field 'label' was removed from object type 'Department')");
    const accepted = await checkSchemaChange(before, after, ["- 0.2.0: Department.label removed (deprecated since 0.1.0; use name)."]);
    expect(accepted.ok).toBe(true);
  });

  it("reads the lines added to CHANGELOG.md, or to the README's changelog section it came from", () => {
    const oldReadme = "# x\n## Intro\n- not a changelog line\n## Changelog\n\n- 0.1.0: first.\n";
    const now = "# Changelog\n\n- 0.1.0: first.\n- 0.2.0: second.\n";
    expect(addedChangelogLines(oldReadme, now)).toEqual(["- 0.2.0: second."]);
    expect(addedChangelogLines(now, `${now}- 0.3.0: third.\n`)).toEqual(["- 0.3.0: third."]);
  });
});
