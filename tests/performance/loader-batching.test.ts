import { NAIVE } from "../../src/loaders/shared/batch";
import { createTestApi, type TestApi } from "../support/test-api";
import { useSeededApi } from "../support/suite";

const FAN_OUT = "{ regions { name departments { name epcis { name communes { name } } } } }";
const HERO = `{ region(code: "76") { name zonesRouges { siren name population initiatives { title kind carriers { name } } } } }`;

/** The benchmark's naive contender (`LOADER_BATCHING=off`): the same resolvers, loaders without batching or cache. */
describe("loaders without batching (the benchmark's naive variant)", () => {
  const ctx = useSeededApi();
  let naive: TestApi;
  beforeAll(async () => {
    naive = await createTestApi(ctx.database.db, undefined, NAIVE);
  });
  afterAll(() => naive?.stop());

  it("answers the fan-out alike, with one statement per parent row instead of one per level", async () => {
    const batched = await ctx.api.execute(FAN_OUT);
    const unbatched = await naive.execute(FAN_OUT);
    expect(unbatched.errors).toBeUndefined();
    expect(unbatched.data).toEqual(batched.data);
    expect(batched.sqlStatements).toBeLessThanOrEqual(5);
    // 1 for the régions, then one per région, per département and per (département, EPCI) pair.
    expect(unbatched.sqlStatements).toBeGreaterThan(1000);
  });

  it("answers the hero query alike, with a statement per zone rouge and per initiative", async () => {
    const batched = await ctx.api.execute(HERO);
    const unbatched = await naive.execute(HERO);
    expect(unbatched.data).toEqual(batched.data);
    const zones = batched.data.region.zonesRouges.length;
    expect(unbatched.sqlStatements).toBeGreaterThan(2 * zones);
    expect(batched.sqlStatements).toBeLessThanOrEqual(6);
  });
});
