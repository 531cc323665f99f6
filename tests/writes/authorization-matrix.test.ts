import { sql } from "../../src/db/sql-dialect";
import { addAdminOrganization, CALLERS, type CallerName } from "../support/callers";
import { useSeededApi } from "../support/suite";

/** CC Cazals-Salviac: a confirmed zone rouge of Occitanie (76). */
const ZONE_76 = "200035327";
/** CC du Grand Figeac (Lot, 76): an EPCI of Occitanie that is not a zone rouge. */
const EPCI_76 = "200067361";

type Outcome = "allow" | "UNAUTHENTICATED" | "FORBIDDEN";

const ROLES: CallerName[] = ["anonymous", "partnerOwn", "partnerOther", "territorialAdminInRegion", "territorialAdminOtherRegion", "admin"];

/** Expected outcome of every mutation for every role, acting on resources owned by mgen (partnerOwn) in Occitanie. */
const MATRIX: Record<string, Outcome[]> = {
  //                   anonymous          partnerOwn partnerOther territorialIn territorialOut admin
  createInitiative:   ["UNAUTHENTICATED", "allow",   "allow",     "allow",      "allow",       "allow"],
  updateInitiative:   ["UNAUTHENTICATED", "allow",   "FORBIDDEN", "FORBIDDEN",  "FORBIDDEN",   "allow"],
  archiveInitiative:  ["UNAUTHENTICATED", "allow",   "FORBIDDEN", "FORBIDDEN",  "FORBIDDEN",   "allow"],
  designateZoneRouge: ["UNAUTHENTICATED", "FORBIDDEN", "FORBIDDEN", "allow",    "FORBIDDEN",   "allow"],
  revokeZoneRouge:    ["UNAUTHENTICATED", "FORBIDDEN", "FORBIDDEN", "allow",    "FORBIDDEN",   "allow"],
  registerVolunteer:  ["UNAUTHENTICATED", "allow",   "allow",     "allow",      "allow",       "allow"],
  offerMissionDays:   ["UNAUTHENTICATED", "allow",   "FORBIDDEN", "FORBIDDEN",  "FORBIDDEN",   "allow"],
  declareZoneNeeds:   ["UNAUTHENTICATED", "FORBIDDEN", "FORBIDDEN", "allow",    "FORBIDDEN",   "allow"],
};

describe("who may do what: every mutation × every role × own/other organization", () => {
  const ctx = useSeededApi();
  let dayCounter = 0;
  beforeAll(async () => addAdminOrganization(ctx.database.db));

  const asMgen = (query: string, variables?: Record<string, unknown>) => ctx.api.execute(query, variables, { caller: CALLERS.partnerOwn });
  const asAdmin = (query: string, variables?: Record<string, unknown>) => ctx.api.execute(query, variables, { caller: CALLERS.admin });

  async function mgenInitiative(): Promise<{ id: string; version: number }> {
    const { data, errors } = await asMgen(`mutation { createInitiative(input: { title: "Permanence mutualiste", kind: PREVENTION_PROGRAMME, summary: "Test", status: "running", places: [{ level: EPCI, code: "${ZONE_76}" }] }) { id version } }`);
    expect(errors).toBeUndefined();
    return data.createInitiative;
  }
  async function mgenVolunteer(): Promise<string> {
    const { data } = await asMgen(`mutation { registerVolunteer(input: { displayName: "Dr Test", retired: true }) { id } }`);
    return data.registerVolunteer.id;
  }

  /** Runs one mutation as a caller on fresh resources; returns the operation to run and what to check. */
  async function attempt(mutation: string, caller: CallerName) {
    const as = (query: string) => ctx.api.execute(query, undefined, { caller: CALLERS[caller] });
    switch (mutation) {
      case "createInitiative":
        return as(`mutation { createInitiative(input: { title: "Atelier prévention", kind: PREVENTION_PROGRAMME, summary: "x", status: "running", places: [{ level: COMMUNE, code: "46066" }] }) { id } }`);
      case "updateInitiative": {
        const i = await mgenInitiative();
        return as(`mutation { updateInitiative(input: { id: "${i.id}", version: ${i.version}, status: "paused" }) { id version } }`);
      }
      case "archiveInitiative": {
        const i = await mgenInitiative();
        return as(`mutation { archiveInitiative(id: "${i.id}", version: ${i.version}) { id archived } }`);
      }
      case "designateZoneRouge":
        await asAdmin(`mutation { revokeZoneRouge(siren: "${EPCI_76}") }`).catch(() => undefined);
        return as(`mutation { designateZoneRouge(siren: "${EPCI_76}", note: "test") { designatedOn } }`);
      case "revokeZoneRouge":
        await asAdmin(`mutation { designateZoneRouge(siren: "${EPCI_76}") { designatedOn } }`);
        return as(`mutation { revokeZoneRouge(siren: "${EPCI_76}") }`);
      case "registerVolunteer":
        return as(`mutation { registerVolunteer(input: { displayName: "Dr Volontaire", retired: false }) { id } }`);
      case "offerMissionDays": {
        const volunteer = await mgenVolunteer();
        const month = String((dayCounter++ % 12) + 1).padStart(2, "0");
        return as(`mutation { offerMissionDays(input: { volunteerId: "${volunteer}", epciSiren: "${ZONE_76}", days: ["2026-${month}-10"] }) { day } }`);
      }
      case "declareZoneNeeds":
        return as(`mutation { declareZoneNeeds(input: { epciSiren: "${ZONE_76}", daysWantedPerMonth: 8, consultationRooms: 1, medicalEquipment: true, lodging: false }) { daysWantedPerMonth } }`);
      default:
        throw new Error(`no case for ${mutation}`);
    }
  }

  const cases = Object.entries(MATRIX).flatMap(([mutation, outcomes]) => outcomes.map((outcome, i) => [mutation, ROLES[i], outcome] as const));

  it.each(cases)("%s as %s → %s", async (mutation, caller, outcome) => {
    const result = await attempt(mutation, caller);
    if (outcome === "allow") {
      expect(result.errors).toBeUndefined();
      expect(result.data?.[mutation]).toBeTruthy();
    } else {
      expect(result.errors).toHaveLength(1);
      expect(result.errors![0].extensions?.code).toBe(outcome);
      expect(result.data?.[mutation] ?? null).toBeNull();
    }
  });

  it("writes nothing, not even an audit record, when a write is refused", async () => {
    const i = await mgenInitiative();
    const count = async () => Number((await sql<{ n: unknown }>(ctx.database.db, "SELECT COUNT(*) AS n FROM audit_log"))[0].n);
    const before = await count();
    const refused = await ctx.api.execute(`mutation { updateInitiative(input: { id: "${i.id}", version: ${i.version}, title: "Hijacked" }) { id } }`, undefined, { caller: CALLERS.partnerOther });
    expect(refused.errors![0].extensions?.code).toBe("FORBIDDEN");
    expect(await count()).toBe(before);
    const { data } = await ctx.api.execute(`{ initiative(id: "${i.id}") { title version } }`);
    expect(data.initiative).toEqual({ title: "Permanence mutualiste", version: 1 });
  });
});
