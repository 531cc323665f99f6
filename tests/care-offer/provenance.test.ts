import { buildMonolithSchema } from "../../src/schema/monolith";
import { ALL_SUBGRAPHS } from "../../src/schema/subgraphs";
import { getNamedType, type GraphQLField, type GraphQLObjectType, type GraphQLSchema, isNonNullType, isObjectType } from "graphql";
import { useSeededApi } from "../support/suite";

/** Types that carry a figure; each must come with a non-null Source wherever the API returns one. */
const FIGURE_TYPES = ["Measure", "Indicator", "ProfessionalStat", "ZoneRougeDesignation"];
const SOURCE_SELECTION = "source { producer title vintage }";

function selectionFor(type: GraphQLObjectType): string {
  if (type.name === "Measure") return `value unit ${SOURCE_SELECTION} history { value ${SOURCE_SELECTION} }`;
  if (type.name === "Indicator") return `value unit ${SOURCE_SELECTION}`;
  if (type.name === "ProfessionalStat") return `headcount densityPer100k ${SOURCE_SELECTION}`;
  return SOURCE_SELECTION;
}

/** Every field of `type` that returns a figure type, with arguments it requires left out (none do). */
function figureFields(type: GraphQLObjectType): GraphQLField<unknown, unknown>[] {
  return Object.values(type.getFields()).filter((f) => {
    const named = getNamedType(f.type);
    return isObjectType(named) && FIGURE_TYPES.includes(named.name) && f.args.every((a) => !isNonNullType(a.type));
  });
}

function figuresQuery(schema: GraphQLSchema, typeName: string): string {
  const type = schema.getType(typeName) as GraphQLObjectType;
  return figureFields(type)
    .map((f) => `${f.name} { ${selectionFor(getNamedType(f.type) as GraphQLObjectType)} }`)
    .join("\n");
}

function collectFigures(value: unknown, out: Record<string, unknown>[]): void {
  if (Array.isArray(value)) value.forEach((v) => collectFigures(v, out));
  else if (value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    if ("source" in record) out.push(record);
    Object.values(record).forEach((v) => collectFigures(v, out));
  }
}

describe("every figure the API can return carries its source", () => {
  const ctx = useSeededApi();
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildMonolithSchema(ALL_SUBGRAPHS);
  });

  it("finds the figure-bearing fields by walking the schema", () => {
    const fields = ["Region", "Department", "Epci", "Commune", "Query"].flatMap((t) => figureFields(schema.getType(t) as GraphQLObjectType).map((f) => `${t}.${f.name}`));
    expect(fields).toEqual(expect.arrayContaining(["Department.gpDensity", "Department.apl", "Department.pdsaParticipation", "Epci.zoneRouge", "Query.indicators", "Query.nationalProfessionals"]));
  });

  it.each([
    ["Region", 'region(code: "76")'],
    ["Department", 'department(code: "75")'],
    ["Department", 'department(code: "46")'],
    ["Epci", 'epci(siren: "200035327")'],
    ["Commune", 'commune(code: "38316")'],
  ])("%s %s", async (type, field) => {
    const { data, errors } = await ctx.api.execute(`{ ${field} { ${figuresQuery(schema, type)} } }`);
    expect(errors).toBeUndefined();
    const figures: Record<string, unknown>[] = [];
    collectFigures(data, figures);
    expect(figures.length).toBeGreaterThan(0);
    for (const figure of figures) {
      expect(figure.source).toEqual({ producer: expect.any(String), title: expect.any(String), vintage: expect.any(String) });
    }
  });

  it("root queries", async () => {
    const query = figureFields(schema.getQueryType()!)
      .map((f) => `${f.name} { ${selectionFor(getNamedType(f.type) as GraphQLObjectType)} }`)
      .join("\n");
    const { data, errors } = await ctx.api.execute(`{ ${query} }`);
    expect(errors).toBeUndefined();
    const figures: Record<string, unknown>[] = [];
    collectFigures(data, figures);
    expect(figures.length).toBeGreaterThan(50);
    for (const figure of figures) expect((figure.source as { producer: string }).producer).toEqual(expect.any(String));
  });
});

describe("the published figures of 2025 reports, each with its source", () => {
  const ctx = useSeededApi();
  const figure = (list: any[], indicator: string, date: string) => list.find((i) => i.id.startsWith(`${indicator}@`) && i.date === date);

  it("answers the national figures with their producers", async () => {
    const { data } = await ctx.api.execute(`{ indicators { id label value unit date source { producer } } }`);
    const list = data.indicators;
    expect(figure(list, "gp-count", "2025-01-01")).toMatchObject({ value: 100019, source: { producer: expect.stringMatching(/CNOM/) } });
    expect(figure(list, "doctors-registered", "2025-01-01").value).toBe(241255);
    expect(figure(list, "gp-density", "2025-01-01").value).toBe(146);
    expect(figure(list, "gp-density", "2020").value).toBe(150);
    expect(figure(list, "zones-rouges-population", "2025-06-27")).toMatchObject({ value: 2539784, unit: "inhabitants" });
    expect(figure(list, "pdsa-participation", "2022").value).toBe(38.48);
    expect(figure(list, "sas-appointments-booked", "2025").value).toBe(85280);
    expect(figure(list, "maisons-de-sante", "2023-12-01").value).toBe(2501);
  });

  it("answers local figures: Occitanie's zones, the PDSA extremes", async () => {
    const { data } = await ctx.api.execute(`{
      occitanie: indicators(territory: "region:76", latestOnly: true) { id value }
      vosges: indicators(territory: "department:88") { id value date }
    }`);
    expect(data.occitanie.find((i: any) => i.id.startsWith("zones-rouges-count@")).value).toBe(28);
    // The ARS's own figure, not DOMAIN.md's rounding of it (323,000).
    expect(data.occitanie.find((i: any) => i.id.startsWith("zones-rouges-population@")).value).toBe(323497);
    expect(data.vosges.filter((i: any) => i.id.startsWith("pdsa-participation@")).map((i: any) => [i.date, i.value])).toEqual([["2022", 81], ["2023", 82], ["2024", 84]]);
  });

  it("refuses a territory it cannot read", async () => {
    const { errors } = await ctx.api.execute(`{ indicators(territory: "Lot") { id } }`);
    expect(errors![0].message).toBe('territory must be "FR", "region:<code>" or "department:<code>" (received "Lot")');
  });
});
