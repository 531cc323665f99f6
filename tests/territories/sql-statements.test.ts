import { useSeededApi } from "../support/suite";

const FAN_OUT = "{ regions { name departments { name epcis { name communes { name } } } } }";

describe("SQL statements per query do not grow with the rows returned", () => {
  const ctx = useSeededApi();

  it("walks every région > département > EPCI > commune in at most 4 statements", async () => {
    const { data, errors, sqlStatements } = await ctx.api.execute(FAN_OUT);
    expect(errors).toBeUndefined();
    const communes = data.regions.flatMap((r: any) => r.departments.flatMap((d: any) => d.epcis.flatMap((e: any) => e.communes)));
    expect(communes.length).toBeGreaterThan(34000);
    expect(sqlStatements).toBeLessThanOrEqual(4);
  });

  it("issues as many statements for one région as for all of them", async () => {
    const all = await ctx.api.execute(FAN_OUT);
    const one = await ctx.api.execute('{ region(code: "94") { name departments { name epcis { name communes { name } } } } }');
    expect(one.sqlStatements).toBe(all.sqlStatements);
  });

  it("batches the reverse path commune > EPCI > départements > région too", async () => {
    const { data, sqlStatements } = await ctx.api.execute(
      '{ department(code: "38") { communes(first: 100) { edges { node { name epci { name departments { region { name } } } } } } } }',
    );
    expect(data.department.communes.edges).toHaveLength(100);
    expect(sqlStatements).toBeLessThanOrEqual(5);
  });
});
