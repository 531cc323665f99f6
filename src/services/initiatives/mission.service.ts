import { randomUUID } from "node:crypto";
import { requireKey, requireOwner, requireTerritorialAuthority } from "../../auth/authorization";
import type { RequestContext } from "../../context/request-context";
import { Volunteer } from "../../entities/initiatives/volunteer.entity";
import { MissionDay } from "../../entities/initiatives/mission-day.entity";
import type { ZoneNeeds } from "../../entities/initiatives/zone-needs.entity";
import { toZoneNeeds, ZONE_NEEDS_COLUMNS } from "../../db/rows/zone-need.rows";
import { bool, isPostgres, markers, sql } from "../../db/sql-dialect";
import { BadUserInputError, NotFoundError } from "../../errors/errors";
import { audit } from "../shared/audit.service";
import type { SqlRunner } from "../../db/sql-dialect";

/** A doctor registered by the caller's organization (the GraphQL input RegisterVolunteerInput implements it). */
export interface VolunteerRegistration {
  displayName: string;
  /** "Médecine générale" when left out. */
  specialty?: string | null;
  retired: boolean;
}

/** Days (YYYY-MM-DD) a volunteer offers in one zone rouge (OfferMissionDaysInput implements it). */
export interface MissionDaysOffer {
  volunteerId: string;
  epciSiren: string;
  days: string[];
}

/** What a zone rouge needs to host volunteers (DeclareZoneNeedsInput implements it). */
export interface ZoneNeedsDeclaration {
  epciSiren: string;
  daysWantedPerMonth: number;
  consultationRooms: number;
  medicalEquipment: boolean;
  lodging: boolean;
  note?: string | null;
}

/** The scheme lets a volunteer give up to two days a month (Pacte de lutte contre les déserts médicaux, 2025). */
export const MAX_DAYS_PER_MONTH = 2;

function isCalendarDate(day: string): boolean {
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
}

async function requireConfirmedZone(m: SqlRunner, siren: string): Promise<void> {
  const [zone] = await sql(m, "SELECT epci_siren FROM zone_rouge WHERE epci_siren = ? AND confirmed = TRUE", [siren]);
  if (!zone) throw new BadUserInputError(`EPCI ${siren} is not a confirmed zone rouge`);
}

export async function registerVolunteer(ctx: RequestContext, input: VolunteerRegistration): Promise<Volunteer> {
  const caller = requireKey(ctx.caller);
  return ctx.writer.transaction(async (m) => {
    const volunteer = Object.assign(new Volunteer(), {
      id: randomUUID(),
      organizationId: caller.organizationId,
      displayName: input.displayName,
      specialty: input.specialty ?? "Médecine générale",
      retired: input.retired,
    });
    await sql(m, "INSERT INTO volunteer (id, organization_id, display_name, specialty, retired, created_at) VALUES (?, ?, ?, ?, ?, ?)", [
      volunteer.id,
      volunteer.organizationId,
      volunteer.displayName,
      volunteer.specialty,
      bool(m, volunteer.retired),
      new Date().toISOString(),
    ]);
    await audit(m, caller, "registerVolunteer", "volunteer", volunteer.id, null, volunteer);
    return volunteer;
  });
}

/**
 * A volunteer of the caller's organization offers days in a confirmed zone rouge: real dates,
 * not already offered, and at most two in any calendar month (counting those already offered).
 */
export async function offerMissionDays(ctx: RequestContext, input: MissionDaysOffer): Promise<MissionDay[]> {
  const caller = requireKey(ctx.caller);
  const days = [...new Set(input.days)].sort();
  const invalid = days.filter((d) => !isCalendarDate(d));
  if (invalid.length > 0) throw new BadUserInputError(`not calendar dates: ${invalid.join(", ")}`);
  return ctx.writer.transaction(async (m) => {
    // On PostgreSQL, lock the volunteer: two concurrent offers must not both pass the two-days-a-month check.
    const [row] = await sql<Record<string, unknown>>(
      m,
      `SELECT id, organization_id, display_name, specialty, retired FROM volunteer WHERE id = ?${isPostgres(m) ? " FOR UPDATE" : ""}`,
      [input.volunteerId],
    );
    if (!row) throw new NotFoundError(`volunteer ${input.volunteerId} does not exist`);
    requireOwner(caller, String(row.organization_id), `volunteer ${input.volunteerId}`);
    await requireConfirmedZone(m, input.epciSiren);
    const taken = await sql<{ day: string }>(m, `SELECT day FROM mission_day WHERE volunteer_id = ? AND day IN (${markers(days.length)})`, [input.volunteerId, ...days]);
    if (taken.length > 0) throw new BadUserInputError(`already offered: ${taken.map((t) => t.day).join(", ")}`);
    const months = [...new Set(days.map((d) => d.slice(0, 7)))];
    for (const month of months) {
      const [{ n }] = await sql<{ n: unknown }>(m, "SELECT COUNT(*) AS n FROM mission_day WHERE volunteer_id = ? AND day LIKE ?", [input.volunteerId, `${month}-%`]);
      const total = Number(n) + days.filter((d) => d.startsWith(month)).length;
      if (total > MAX_DAYS_PER_MONTH) {
        throw new BadUserInputError(`a volunteer gives at most ${MAX_DAYS_PER_MONTH} days a month: ${month} would have ${total}`);
      }
    }
    const now = new Date().toISOString();
    for (const day of days) {
      await sql(m, "INSERT INTO mission_day (volunteer_id, day, epci_siren, created_at) VALUES (?, ?, ?, ?)", [input.volunteerId, day, input.epciSiren, now]);
    }
    const offered = days.map((day) => Object.assign(new MissionDay(), { volunteerId: input.volunteerId, day, epciSiren: input.epciSiren }));
    await audit(m, caller, "offerMissionDays", "volunteer", input.volunteerId, null, { epciSiren: input.epciSiren, days });
    return offered;
  });
}

/** A territorial admin states what one of its zones rouges needs (replacing the previous statement). */
export async function declareZoneNeeds(ctx: RequestContext, input: ZoneNeedsDeclaration): Promise<ZoneNeeds> {
  const caller = requireKey(ctx.caller);
  return ctx.writer.transaction(async (m) => {
    await requireTerritorialAuthority(m, caller, input.epciSiren);
    await requireConfirmedZone(m, input.epciSiren);
    const [before] = await sql<Record<string, unknown>>(m, "SELECT * FROM zone_need WHERE epci_siren = ?", [input.epciSiren]);
    await sql(
      m,
      `INSERT INTO zone_need (epci_siren, days_wanted_per_month, consultation_rooms, medical_equipment, lodging, note, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (epci_siren) DO UPDATE SET days_wanted_per_month = excluded.days_wanted_per_month, consultation_rooms = excluded.consultation_rooms,
         medical_equipment = excluded.medical_equipment, lodging = excluded.lodging, note = excluded.note, updated_at = excluded.updated_at`,
      [input.epciSiren, input.daysWantedPerMonth, input.consultationRooms, bool(m, input.medicalEquipment), bool(m, input.lodging), input.note ?? null, new Date().toISOString()],
    );
    const [after] = await sql<Record<string, unknown>>(m, "SELECT * FROM zone_need WHERE epci_siren = ?", [input.epciSiren]);
    await audit(m, caller, "declareZoneNeeds", "zone_need", input.epciSiren, before ?? null, after);
    return toZoneNeeds(after);
  });
}

export interface ZoneMatch {
  epciSiren: string;
  needs: ZoneNeeds;
  month: string;
  daysOffered: number;
  volunteerIds: string[];
}

/** For one month, each zone rouge with declared needs, the days volunteers offered there and who they are. */
export async function matchNeeds(ctx: RequestContext, month: string, regionCode?: string | null): Promise<ZoneMatch[]> {
  const needs = await sql<Record<string, unknown>>(
    ctx.db,
    `SELECT ${ZONE_NEEDS_COLUMNS} FROM zone_need n JOIN zone_rouge z ON z.epci_siren = n.epci_siren AND z.confirmed = TRUE
     ${regionCode ? "WHERE EXISTS (SELECT 1 FROM epci_department ed JOIN department d ON d.code = ed.department_code WHERE ed.epci_siren = n.epci_siren AND d.region_code = ?)" : ""}
     ORDER BY n.epci_siren`,
    regionCode ? [regionCode] : [],
  );
  const offered = await sql<{ epci_siren: string; volunteer_id: string }>(ctx.db, "SELECT epci_siren, volunteer_id FROM mission_day WHERE day LIKE ?", [`${month}-%`]);
  return needs
    .map((row) => {
      const zone = String(row.epci_siren);
      const days = offered.filter((o) => o.epci_siren === zone);
      return { epciSiren: zone, needs: toZoneNeeds(row), month, daysOffered: days.length, volunteerIds: [...new Set(days.map((d) => d.volunteer_id))] };
    })
    .sort((a, b) => b.needs.daysWantedPerMonth - b.daysOffered - (a.needs.daysWantedPerMonth - a.daysOffered) || a.epciSiren.localeCompare(b.epciSiren));
}
