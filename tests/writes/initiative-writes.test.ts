import { sql } from "../../src/db/sql-dialect";
import { addAdminOrganization, CALLERS } from "../support/callers";
import { useSeededApi } from "../support/suite";

const CREATE = `mutation($input: CreateInitiativeInput!) { createInitiative(input: $input) { id version title owner: carriers { id } communes { code } epcis { siren } region { code } } }`;
const base = { title: "Centre de santé mutualiste", kind: "HEALTH_CENTRE", summary: "Un centre de santé", status: "in preparation", places: [{ level: "COMMUNE", code: "38316" }] };

describe("partners record and change their initiatives", () => {
  const ctx = useSeededApi();
  const asMgen = (query: string, variables?: Record<string, unknown>) => ctx.api.execute(query, variables, { caller: CALLERS.partnerOwn });
  beforeAll(() => addAdminOrganization(ctx.database.db));

  it("creates an initiative in existing territories, found from its commune up to its région, with an audit record", async () => {
    const { data, errors } = await asMgen(CREATE, { input: base });
    expect(errors).toBeUndefined();
    const created = data.createInitiative;
    expect(created).toMatchObject({ version: 1, owner: [{ id: "mgen" }], communes: [{ code: "38316" }], region: { code: "84" } });
    const up = await ctx.api.execute(`{ department(code: "38") { initiatives { id } } region(code: "84") { initiatives { id } } }`);
    expect(up.data.department.initiatives.map((i: any) => i.id)).toContain(created.id);
    expect(up.data.region.initiatives.map((i: any) => i.id)).toContain(created.id);
    const [record] = await sql<Record<string, any>>(ctx.database.db, "SELECT * FROM audit_log WHERE entity_id = ?", [created.id]);
    expect(record).toMatchObject({ action: "createInitiative", organization_id: "mgen", api_key_id: "k-mgen", before_json: null });
    expect(JSON.parse(record.after_json)).toMatchObject({ title: base.title, places: [{ level: "COMMUNE", code: "38316" }], carriers: ["mgen"] });
  });

  it("refuses territories that do not exist, naming them, and writes nothing", async () => {
    const count = async () => Number((await sql<{ n: unknown }>(ctx.database.db, "SELECT COUNT(*) AS n FROM initiative"))[0].n);
    const before = await count();
    const { errors } = await asMgen(CREATE, { input: { ...base, places: [{ level: "COMMUNE", code: "99999" }, { level: "EPCI", code: "999999999" }, { level: "COMMUNE", code: "38316" }] } });
    expect(errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", unknownTerritories: ["commune 99999", "epci 999999999"] });
    expect(errors![0].message).toBe("unknown territory: commune 99999, epci 999999999");
    expect(await count()).toBe(before);
  });

  it("validates every field and states each broken rule", async () => {
    const { errors } = await asMgen(CREATE, { input: { ...base, title: "x", startedOn: "last year", places: [{ level: "COMMUNE", code: "38 316" }] } });
    expect(errors![0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(errors![0].message).toContain("title must be 3 to 200 characters long");
    expect(errors![0].message).toContain('startedOn must be YYYY, YYYY-MM or YYYY-MM-DD (received "last year")');
    expect(errors![0].message).toContain('code must be an INSEE code or a SIREN (received "38 316")');
  });

  it("returns the same initiative when a creation is retried with the same clientMutationId", async () => {
    const input = { ...base, clientMutationId: "mgen-request-42" };
    const first = await asMgen(CREATE, { input });
    const retry = await asMgen(CREATE, { input });
    expect(retry.data.createInitiative.id).toBe(first.data.createInitiative.id);
    const rows = await sql(ctx.database.db, "SELECT id FROM initiative WHERE client_mutation_id = 'mgen-request-42'");
    expect(rows).toHaveLength(1);
  });

  it("refuses a stale update with CONFLICT and changes nothing", async () => {
    const { data } = await asMgen(CREATE, { input: base });
    const id = data.createInitiative.id;
    const ok = await asMgen(`mutation { updateInitiative(input: { id: "${id}", version: 1, status: "running", places: [{ level: DEPARTMENT, code: "38" }] }) { version status departments { code } communes { code } } }`);
    expect(ok.data.updateInitiative).toEqual({ version: 2, status: "running", departments: [{ code: "38" }], communes: [] });
    const stale = await asMgen(`mutation { updateInitiative(input: { id: "${id}", version: 1, status: "closed" }) { version } }`);
    expect(stale.errors![0].extensions).toMatchObject({ code: "CONFLICT", currentVersion: 2 });
    expect(stale.errors![0].message).toBe(`initiative ${id} was changed since version 1 (now version 2): read it again and retry`);
    const after = await ctx.api.execute(`{ initiative(id: "${id}") { status version } }`);
    expect(after.data.initiative).toEqual({ status: "running", version: 2 });
  });

  it("archives an initiative: kept, but left out of lists unless asked for", async () => {
    const { data } = await asMgen(CREATE, { input: { ...base, title: "À archiver" } });
    const id = data.createInitiative.id;
    await asMgen(`mutation { archiveInitiative(id: "${id}", version: 1) { archived } }`);
    const lists = await ctx.api.execute(`{ commune(code: "38316") { initiatives { id } all: initiatives(filter: { includeArchived: true }) { id archived } } }`);
    expect(lists.data.commune.initiatives.map((i: any) => i.id)).not.toContain(id);
    expect(lists.data.commune.all).toContainEqual({ id, archived: true });
  });

  it("answers an unknown initiative with NOT_FOUND", async () => {
    const { errors } = await asMgen(`mutation { updateInitiative(input: { id: "nope", version: 1, status: "x" }) { id } }`);
    expect(errors![0].extensions?.code).toBe("NOT_FOUND");
  });
});

describe("solidarity missions: volunteers, days offered and the needs of zones rouges", () => {
  const ctx = useSeededApi();
  const as = (caller: keyof typeof CALLERS, query: string) => ctx.api.execute(query, undefined, { caller: CALLERS[caller] });

  it("matches the days volunteers offer to what a zone asked for", async () => {
    await as("territorialAdminInRegion", `mutation { declareZoneNeeds(input: { epciSiren: "200035327", daysWantedPerMonth: 4, consultationRooms: 1, medicalEquipment: true, lodging: true }) { daysWantedPerMonth } }`);
    const v = (await as("partnerOwn", `mutation { registerVolunteer(input: { displayName: "Dr A", retired: true }) { id } }`)).data.registerVolunteer.id;
    const offered = await as("partnerOwn", `mutation { offerMissionDays(input: { volunteerId: "${v}", epciSiren: "200035327", days: ["2026-03-05", "2026-03-19"] }) { day zone { name } } }`);
    expect(offered.data.offerMissionDays).toEqual([
      { day: "2026-03-05", zone: { name: "CC Cazals-Salviac" } },
      { day: "2026-03-19", zone: { name: "CC Cazals-Salviac" } },
    ]);
    const match = await as("partnerOwn", `{ missionMatches(month: "2026-03", regionCode: "76") { zone { siren } daysOffered daysMissing readyToHost volunteers { displayName retired } } }`);
    expect(match.data.missionMatches).toEqual([{ zone: { siren: "200035327" }, daysOffered: 2, daysMissing: 2, readyToHost: true, volunteers: [{ displayName: "Dr A", retired: true }] }]);
  });

  it("keeps to two days a month per volunteer, and to confirmed zones rouges", async () => {
    const v = (await as("partnerOwn", `mutation { registerVolunteer(input: { displayName: "Dr B", retired: false }) { id } }`)).data.registerVolunteer.id;
    const three = await as("partnerOwn", `mutation { offerMissionDays(input: { volunteerId: "${v}", epciSiren: "200035327", days: ["2026-04-01", "2026-04-02", "2026-04-03"] }) { day } }`);
    expect(three.errors![0].message).toBe("a volunteer gives at most 2 days a month: 2026-04 would have 3");
    const notZone = await as("partnerOwn", `mutation { offerMissionDays(input: { volunteerId: "${v}", epciSiren: "200067361", days: ["2026-04-01"] }) { day } }`);
    expect(notZone.errors![0].message).toBe("EPCI 200067361 is not a confirmed zone rouge");
    const badDate = await as("partnerOwn", `mutation { offerMissionDays(input: { volunteerId: "${v}", epciSiren: "200035327", days: ["2026-02-30"] }) { day } }`);
    expect(badDate.errors![0].message).toBe("not calendar dates: 2026-02-30");
  });

  it("shows volunteers' names only to API-key holders", async () => {
    const anonymous = await ctx.api.execute(`{ missionMatches(month: "2026-03") { daysOffered volunteers { displayName } } }`);
    expect(anonymous.data.missionMatches[0].daysOffered).toBe(2);
    expect(anonymous.errors![0].extensions?.code).toBe("UNAUTHENTICATED");
  });
});
