import { useSeededApi } from "../support/suite";

/** A commune's APL as DREES publishes it, or weighted over the file's rows that fall in it, with what they are. */
describe("a commune's APL says what it is made of", () => {
  const ctx = useSeededApi();
  const apl = async (code: string) => (await ctx.api.execute(`{ commune(code: "${code}") { apl { value method note source { id } } } }`)).data.commune.apl;

  it("calls Paris's parts arrondissements", async () => {
    expect((await apl("75056")).method).toMatch(/^Population-weighted mean of the APL of its 20 arrondissements \(75101, /);
  });

  it("calls the parts of a commune formed by merger merged communes", async () => {
    // 01187 absorbed 01330 after the APL's vintage: the DREES file gives both.
    const { method, source } = await apl("01187");
    expect(method).toMatch(/^Population-weighted mean of the APL of its 2 merged communes \(01187, 01330\), weighted by their INSEE RP2021 populations/);
    expect(method).not.toMatch(/arrondissement/);
    expect(source.id).toBe("drees-apl-2023-weighted");
  });

  it("serves a row whose population is not the commune's, with a note that says so", async () => {
    expect(await apl("15141")).toEqual({
      value: 4.067,
      method: null,
      note: "The DREES row 15141 of commune 15141 give a population of 1,687 (INSEE RP2021), the commune 824 (COG 2026): the APL may describe the commune within another perimeter.",
      source: { id: "drees-apl-2023" },
    });
  });

  it("adds no note where the populations agree", async () => {
    expect((await apl("38316")).note).toBeNull();
  });
});
