import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "#db/client.server";
import { pairings, volunteers, youths } from "#db/schema";
import { generateEncryptionKey } from "~/modules/crypto/encryption.server";
import {
  closePairing,
  getCoordinatorFollowUp,
  getMentorFollowUp,
  handleHelpRequest,
  logContact,
  recordCheckIn,
  requestHelp,
  writeExitNote,
  type FollowUpDeps,
} from "~/modules/pairings/follow-up.server";
import type { CheckInInput } from "~/modules/pairings/schemas";
import { copenhagenDateTime } from "~/modules/volunteers/dates";
import { createActivePairing } from "../factories/pairings";
import { createUser } from "../factories/users";
import { actorOf } from "../factories/volunteers";
import { createTestContext, queuedJobs } from "../helpers/context";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

let database: TestDatabase;
let deps: FollowUpDeps & ReturnType<typeof createTestContext>;
let coordinator: ReturnType<typeof actorOf>;

beforeAll(async () => {
  database = await createTestDatabase();
  deps = { ...createTestContext(database.handle), key: generateEncryptionKey() };
  coordinator = actorOf(await createUser(database.db, { role: "coordinator", name: "Karin Koordinator" }));
});
afterAll(() => database.close());

type EmailData = { to: string; template: string; props: Record<string, string> };
async function templatesTo(userId: string) {
  const [user] = rowsOf<{ email: string }>(await database.db.execute(sql`select email from users where id = ${userId}`));
  return (await queuedJobs<EmailData>(database.db, "email")).map((job) => job.data).filter((data) => data.to === user!.email).map((data) => data.template);
}

const checkIn = (overrides: Partial<CheckInInput> = {}): CheckInInput => ({
  heldOn: "2026-11-20",
  spokeWith: "both",
  mood: "well",
  progress: "Sara har søgt tre praktikpladser.",
  safetyConcern: false,
  nextStep: "Næste møde om en uge.",
  goodFit: "yes",
  ...overrides,
});

const now = new Date("2026-11-27T12:00:00Z");

describe("contacts the mentor logs", () => {
  it("marks a contact after 17:00 or at a weekend as after-hours, keeps the note encrypted, and shows the mentor their own", async () => {
    const { pairingId, mentor } = await createActivePairing(deps, coordinator, { startedAt: new Date("2026-11-02T09:00:00Z") });
    // Thursday 26 November 2026, on a Copenhagen clock.
    const evening = copenhagenDateTime("2026-11-26", "19:30");
    const afternoon = copenhagenDateTime("2026-11-26", "16:59");
    const saturday = copenhagenDateTime("2026-11-21", "11:00");
    for (const occurredAt of [evening, afternoon, saturday]) {
      expect(await logContact(deps, mentor.actor, pairingId, { occurredAt, durationMinutes: 30, channel: "phone", note: "Talte om vagten i morgen" }, { now })).toEqual({ ok: true });
    }
    const stored = rowsOf<{ after_hours: boolean; note_encrypted: string; occurred_at: Date }>(
      await database.db.execute(sql`select after_hours, note_encrypted, occurred_at from pairing_contacts where pairing_id = ${pairingId} order by occurred_at`),
    );
    expect(stored.map((row) => row.after_hours)).toEqual([true, false, true]);
    expect(stored.every((row) => !row.note_encrypted.includes("vagten"))).toBe(true);

    const own = await getMentorFollowUp(deps, mentor.actor, pairingId);
    expect(own?.contacts.map((contact) => [contact.afterHours, contact.note])).toEqual([
      [true, "Talte om vagten i morgen"],
      [false, "Talte om vagten i morgen"],
      [true, "Talte om vagten i morgen"],
    ]);
  });

  it("refuses a contact in the future, before the pairing began, on another mentor's pairing, or after the end", async () => {
    const { pairingId, mentor } = await createActivePairing(deps, coordinator, { startedAt: new Date("2026-11-10T09:00:00Z") });
    const other = await createActivePairing(deps, coordinator, { mentorName: "Anden Mentor" });
    const contact = { occurredAt: new Date("2026-11-27T12:30:00Z"), durationMinutes: 20, channel: "message" as const };
    expect(await logContact(deps, mentor.actor, pairingId, contact, { now })).toEqual({ ok: false, reason: "in_future" });
    expect(await logContact(deps, mentor.actor, pairingId, { ...contact, occurredAt: new Date("2026-11-01T12:00:00Z") }, { now })).toEqual({ ok: false, reason: "before_start" });
    expect(await logContact(deps, other.mentor.actor, pairingId, { ...contact, occurredAt: now }, { now })).toEqual({ ok: false, reason: "not_found" });
    expect(await logContact(deps, mentor.actor, pairingId, { ...contact, durationMinutes: 0, occurredAt: now }, { now })).toEqual({ ok: false, reason: "invalid" });
    expect(await logContact(deps, coordinator, pairingId, { ...contact, occurredAt: now }, { now })).toEqual({ ok: false, reason: "forbidden" });
    expect(await getMentorFollowUp(deps, other.mentor.actor, pairingId)).toBeNull();

    expect(await closePairing(deps, coordinator, pairingId, { kind: "planned", reason: "goal_reached", exitNote: "Godt forløb.", rematch: false })).toEqual({ ok: true });
    expect(await logContact(deps, mentor.actor, pairingId, { ...contact, occurredAt: now }, { now })).toEqual({ ok: false, reason: "illegal_state" });
    const [count] = rowsOf<{ n: number }>(await database.db.execute(sql`select count(*)::int as n from pairing_contacts where pairing_id = ${pairingId}`));
    expect(count?.n).toBe(0);
  });
});

describe("help requests", () => {
  it("flag the pairing and email the responsible coordinator until every request is handled", async () => {
    const { pairingId, mentor } = await createActivePairing(deps, coordinator);
    expect(await requestHelp(deps, mentor.actor, pairingId, { message: "  " })).toEqual({ ok: false, reason: "invalid" });
    const first = new Date("2026-11-25T20:00:00Z");
    expect(await requestHelp(deps, mentor.actor, pairingId, { message: "Hun svarer ikke længere." }, { now: first })).toEqual({ ok: true });
    expect(await requestHelp(deps, mentor.actor, pairingId, { message: "Stadig intet svar." }, { now })).toEqual({ ok: true });
    expect((await templatesTo(coordinator.id)).filter((template) => template === "pairingHelpRequested")).toHaveLength(2);

    const [flag] = await database.db.select({ at: pairings.helpRequestedAt }).from(pairings).where(eq(pairings.id, pairingId));
    expect(flag?.at).toEqual(first);
    const followUp = await getCoordinatorFollowUp(deps, coordinator, pairingId, { now });
    const [newest, oldest] = followUp!.helpRequests;
    expect([newest?.message, oldest?.message]).toEqual(["Stadig intet svar.", "Hun svarer ikke længere."]);

    expect(await handleHelpRequest(deps, coordinator, pairingId, oldest!.id)).toEqual({ ok: true });
    expect(await handleHelpRequest(deps, coordinator, pairingId, oldest!.id)).toEqual({ ok: false, reason: "illegal_state" });
    const [still] = await database.db.select({ at: pairings.helpRequestedAt }).from(pairings).where(eq(pairings.id, pairingId));
    expect(still?.at).toEqual(now);
    expect(await handleHelpRequest(deps, coordinator, pairingId, newest!.id)).toEqual({ ok: true });
    const [cleared] = await database.db.select({ at: pairings.helpRequestedAt }).from(pairings).where(eq(pairings.id, pairingId));
    expect(cleared?.at).toBeNull();
    // The words stay, with who handled them.
    const after = await getCoordinatorFollowUp(deps, coordinator, pairingId, { now });
    expect(after!.helpRequests.map((request) => [request.message, request.handledByName])).toEqual([
      ["Stadig intet svar.", "Karin Koordinator"],
      ["Hun svarer ikke længere.", "Karin Koordinator"],
    ]);
  });
});

describe("check-ins", () => {
  it("asks 'a good fit?' on the first, needs an escalation with a safety concern, and flags the concern until a check-in without one", async () => {
    const { pairingId } = await createActivePairing(deps, coordinator, { startedAt: new Date("2026-10-01T10:00:00Z") });
    expect(await recordCheckIn(deps, coordinator, pairingId, checkIn({ goodFit: undefined }), { now })).toEqual({ ok: false, reason: "good_fit_required" });
    expect(await recordCheckIn(deps, coordinator, pairingId, checkIn({ safetyConcern: true }), { now })).toEqual({ ok: false, reason: "invalid" });
    expect(await recordCheckIn(deps, coordinator, pairingId, checkIn({ heldOn: "2026-11-28" }), { now })).toEqual({ ok: false, reason: "in_future" });
    expect(await recordCheckIn(deps, actorOf(await createUser(database.db, { role: "volunteer" })), pairingId, checkIn(), { now })).toEqual({ ok: false, reason: "forbidden" });

    const concern = checkIn({ heldOn: "2026-10-15", safetyConcern: true, escalatedTo: "team_lead", safetyNote: "Hun fortalte om trusler fra en bekendt." });
    expect(await recordCheckIn(deps, coordinator, pairingId, concern, { now })).toEqual({ ok: true });
    const [flagged] = await database.db.select({ at: pairings.safetyConcernAt }).from(pairings).where(eq(pairings.id, pairingId));
    expect(flagged?.at).toEqual(now);
    const stored = rowsOf<{ progress_encrypted: string; safety_note_encrypted: string }>(
      await database.db.execute(sql`select progress_encrypted, safety_note_encrypted from pairing_check_ins where pairing_id = ${pairingId}`),
    );
    expect(stored[0]?.safety_note_encrypted).not.toContain("trusler");
    expect(stored[0]?.progress_encrypted).not.toContain("praktik");

    // The good fit is asked once: the next check-in may leave it out.
    expect(await recordCheckIn(deps, coordinator, pairingId, checkIn({ heldOn: "2026-10-30", goodFit: undefined }), { now })).toEqual({ ok: true });
    const [cleared] = await database.db.select({ at: pairings.safetyConcernAt }).from(pairings).where(eq(pairings.id, pairingId));
    expect(cleared?.at).toBeNull();

    // Started 1 October, two check-ins held: the third falls due 30 + 30 days after the start, 30 November.
    const followUp = await getCoordinatorFollowUp(deps, coordinator, pairingId, { now });
    expect(followUp?.schedule).toMatchObject({ due: "2026-11-30", overdueDays: 0, quiet: true });
    expect(followUp?.checkIns.map((entry) => [entry.heldOn, entry.safetyConcern, entry.safetyNote])).toEqual([
      ["2026-10-30", false, ""],
      ["2026-10-15", true, "Hun fortalte om trusler fra en bekendt."],
    ]);
  });

  it("keep a concern from a later conversation when an earlier one is recorded afterwards, and start at the start", async () => {
    const { pairingId } = await createActivePairing(deps, coordinator, { startedAt: new Date("2026-10-01T10:00:00Z") });
    const concern = checkIn({ heldOn: "2026-11-20", safetyConcern: true, escalatedTo: "social_services", safetyNote: "Bekymring for hjemmet." });
    expect(await recordCheckIn(deps, coordinator, pairingId, concern, { now })).toEqual({ ok: true });
    // The October conversation, entered late and without a concern: the November concern stands.
    expect(await recordCheckIn(deps, coordinator, pairingId, checkIn({ heldOn: "2026-10-15", goodFit: undefined }), { now })).toEqual({ ok: true });
    const [flag] = await database.db.select({ at: pairings.safetyConcernAt }).from(pairings).where(eq(pairings.id, pairingId));
    expect(flag?.at).toEqual(now);
    expect(await recordCheckIn(deps, coordinator, pairingId, checkIn({ heldOn: "2026-09-30", goodFit: undefined }), { now })).toEqual({ ok: false, reason: "before_start" });
  });

  it("are late once the due date has passed", async () => {
    const { pairingId, mentor } = await createActivePairing(deps, coordinator, { startedAt: new Date("2026-11-01T10:00:00Z") });
    await logContact(deps, mentor.actor, pairingId, { occurredAt: new Date("2026-11-20T10:00:00Z"), durationMinutes: 60, channel: "meeting" }, { now });
    // Two in the first month: the first falls due on day 15.
    const followUp = await getCoordinatorFollowUp(deps, coordinator, pairingId, { now });
    expect(followUp?.schedule).toMatchObject({ due: "2026-11-16", overdueDays: 11, daysSinceContact: 7, quiet: false });
  });
});

describe("closing a pairing", () => {
  it("frees the mentor's place and sends the youth back to the suggestions when a rematch is wanted", async () => {
    const { pairingId, youthId, mentor } = await createActivePairing(deps, coordinator);
    const before = await database.db.select({ open: volunteers.openPairings }).from(volunteers).where(eq(volunteers.id, mentor.volunteerId));
    expect(await closePairing(deps, coordinator, pairingId, { kind: "unplanned", reason: "poor_fit", exitNote: "Kemien var der ikke.", rematch: true, outcome: "flex_job" })).toEqual({
      ok: false,
      reason: "outcome_with_rematch",
    });
    expect(await closePairing(deps, coordinator, pairingId, { kind: "unplanned", reason: "poor_fit", exitNote: "Kemien var der ikke.", rematch: true }, { now })).toEqual({ ok: true });
    const after = await database.db.select({ open: volunteers.openPairings }).from(volunteers).where(eq(volunteers.id, mentor.volunteerId));
    expect(after[0]!.open).toBe(before[0]!.open - 1);
    const [youth] = await database.db.select({ status: youths.status, readySince: youths.readySince }).from(youths).where(eq(youths.id, youthId));
    expect(youth).toEqual({ status: "ready", readySince: now });
    const [pairing] = await database.db.select().from(pairings).where(eq(pairings.id, pairingId));
    expect(pairing).toMatchObject({ status: "closed", closeKind: "unplanned", closeReason: "poor_fit", rematchWanted: true, closedAt: now });
    expect(pairing?.coordinatorExitNoteEncrypted).not.toContain("Kemien");
    expect(await templatesTo(mentor.actor.id)).toContain("pairingClosed");
    expect(await closePairing(deps, coordinator, pairingId, { kind: "planned", reason: "other", exitNote: "Igen", rematch: false })).toEqual({ ok: false, reason: "illegal_state" });
  });

  it("closes the youth's course with the outcome, or returns the youth to intake; the mentor writes one exit note", async () => {
    const withOutcome = await createActivePairing(deps, coordinator);
    expect(await closePairing(deps, coordinator, withOutcome.pairingId, { kind: "planned", reason: "goal_reached", exitNote: "Hun er startet på EUD.", rematch: false, outcome: "education_eud" })).toEqual({
      ok: true,
    });
    const [closed] = await database.db.select({ status: youths.status, outcome: youths.outcome }).from(youths).where(eq(youths.id, withOutcome.youthId));
    expect(closed).toEqual({ status: "closed", outcome: "education_eud" });

    const undecided = await createActivePairing(deps, coordinator, { mentorName: "Tredje Mentor" });
    await closePairing(deps, coordinator, undecided.pairingId, { kind: "unplanned", reason: "youth_moved", exitNote: "Flyttet til Aarhus.", rematch: false });
    const [intake] = await database.db.select({ status: youths.status }).from(youths).where(eq(youths.id, undecided.youthId));
    expect(intake?.status).toBe("intake");

    const { mentor, pairingId } = withOutcome;
    expect(await writeExitNote(deps, undecided.mentor.actor, pairingId, { note: "Ikke min" })).toEqual({ ok: false, reason: "not_found" });
    expect(await writeExitNote(deps, mentor.actor, pairingId, { note: "Det var en fornøjelse." })).toEqual({ ok: true });
    expect(await writeExitNote(deps, mentor.actor, pairingId, { note: "Igen" })).toEqual({ ok: false, reason: "illegal_state" });
    expect((await getMentorFollowUp(deps, mentor.actor, pairingId))?.exitNote).toBe("Det var en fornøjelse.");
    const followUp = await getCoordinatorFollowUp(deps, coordinator, pairingId);
    expect(followUp?.pairing).toMatchObject({ coordinatorExitNote: "Hun er startet på EUD.", mentorExitNote: "Det var en fornøjelse." });
  });
});

describe("the coordinator's follow-up view", () => {
  it("is for staff only and its reads are audited on the youth", async () => {
    const { pairingId, youthId, mentor } = await createActivePairing(deps, coordinator);
    expect(await getCoordinatorFollowUp(deps, mentor.actor, pairingId)).toBeNull();
    expect(await getCoordinatorFollowUp(deps, actorOf(await createUser(database.db, { role: "association" })), pairingId)).toBeNull();
    await getCoordinatorFollowUp(deps, coordinator, pairingId);
    const audits = rowsOf<{ action: string }>(
      await database.db.execute(sql`select action from audit_events where subject_type = 'youth' and subject_id = ${youthId} and actor_id = ${coordinator.id} order by id desc limit 1`),
    );
    expect(audits[0]?.action).toBe("youth.follow_up_viewed");
  });
});
