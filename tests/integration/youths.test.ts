import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPostgres, rowsOf } from "#db/client.server";
import { auditEvents, pairings, vettingChecks, volunteers, youths } from "#db/schema";
import { generateEncryptionKey } from "~/modules/crypto/encryption.server";
import { answerProposal, confirmAgreement, getMentorPairing, listMentorPairings, propose, setAgreement, withdrawProposal } from "~/modules/pairings/pairings.server";
import { suggestMentors } from "~/modules/pairings/suggestions.server";
import { closeYouth, createYouth, getYouthForCoordinator, listYouths, markReady, updateYouth } from "~/modules/youths/records.server";
import { createUser } from "../factories/users";
import { actorOf, createApprovedMentor } from "../factories/volunteers";
import { youthSpec } from "../factories/youths";
import { createTestContext } from "../helpers/context";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

let database: TestDatabase;
let coordinator: ReturnType<typeof actorOf>;
const key = generateEncryptionKey();
let deps: { db: TestDatabase["db"]; key: typeof key; jobs: ReturnType<typeof createTestContext>["jobs"]; env: ReturnType<typeof createTestContext>["env"] };
const now = new Date("2026-03-04T08:00:00Z");

beforeAll(async () => {
  database = await createTestDatabase();
  const { jobs, env } = createTestContext(database.handle);
  deps = { db: database.db, key, jobs, env };
  coordinator = actorOf(await createUser(database.db, { role: "coordinator" }));
});
afterAll(() => database.close());

async function readyYouth(overrides: Parameters<typeof youthSpec>[0] = {}) {
  const created = await createYouth(deps, coordinator, youthSpec(overrides));
  if (!created.ok) throw new Error(`setup: ${created.reason}`);
  await markReady(deps, coordinator, created.youthId, { now });
  return created.youthId;
}

/** A mentor whose answers make them a good or a poor fit for the standard youth (Grindsted, sport, evenings). */
async function mentor(fit: "good" | "poor", capacity = 1) {
  const answers =
    fit === "good"
      ? {
          interests: { interests: ["sport", "music"], languages: ["da"] },
          availability: { town: "Grindsted", slots: ["tue:evening", "thu:evening"], afterHoursReachable: true },
          preferences: { capacity, ageMin: 16, ageMax: 25, genderPreference: "any", ownGender: "female" },
        }
      : {
          interests: { interests: ["cooking"], languages: ["en"] },
          availability: { town: "Vejle", slots: ["mon:daytime"], afterHoursReachable: false },
          preferences: { capacity, ageMin: 16, ageMax: 25, genderPreference: "any" },
        };
  return createApprovedMentor(deps, { overrides: answers });
}

describe("youth records", () => {
  it("encrypts the sensitive notes, audits reads and searches with their terms, and names changed fields only", async () => {
    const created = await createYouth(deps, coordinator, youthSpec({ sensitiveNotes: { diagnoses: "ADHD og angst", substanceUse: "Hash", other: "" } }));
    if (!created.ok) throw new Error("setup");
    const raw = rowsOf<{ sensitive_notes_encrypted: string }>(await database.db.execute(sql`select sensitive_notes_encrypted from youths where id = ${created.youthId}`));
    expect(raw[0]?.sensitive_notes_encrypted).toMatch(/^v1:/);
    expect(raw[0]?.sensitive_notes_encrypted).not.toContain("ADHD");

    const record = await getYouthForCoordinator(deps, coordinator, created.youthId);
    expect(record?.youth.sensitiveNotes).toEqual({ diagnoses: "ADHD og angst", substanceUse: "Hash", other: "" });
    const updated = await updateYouth(deps, coordinator, created.youthId, youthSpec({ town: "Billund", sensitiveNotes: { diagnoses: "ADHD og angst", substanceUse: "", other: "" } }));
    expect(updated).toEqual({ ok: true, changed: ["town", "sensitiveNotes"] });

    const list = await listYouths(database.db, coordinator, { q: "sara nielsen", status: "intake" });
    expect(list?.rows.map((row) => row.id)).toContain(created.youthId);
    const events = await database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, created.youthId));
    expect(events.map((event) => event.action)).toEqual(expect.arrayContaining(["youth.created", "youth.viewed", "youth.updated"]));
    expect(JSON.stringify(events)).not.toContain("Billund");
    expect(JSON.stringify(events)).not.toContain("ADHD");
    const [search] = await database.db.select().from(auditEvents).where(and(eq(auditEvents.action, "youth.searched"), eq(auditEvents.actorId, coordinator.id)));
    expect(search?.details).toMatchObject({ q: "sara nielsen", status: "intake" });
  });

  it("refuses bad input and other roles, and closes a course only without an open pairing", async () => {
    expect(await createYouth(deps, coordinator, youthSpec({ goals: [] }))).toEqual({ ok: false, reason: "invalid" });
    const volunteer = actorOf(await createUser(database.db, { role: "volunteer" }));
    const association = actorOf(await createUser(database.db, { role: "association" }));
    expect(await createYouth(deps, volunteer, youthSpec())).toEqual({ ok: false, reason: "forbidden" });
    const youthId = await readyYouth();
    expect(await getYouthForCoordinator(deps, volunteer, youthId)).toBeNull();
    expect(await getYouthForCoordinator(deps, association, youthId)).toBeNull();
    expect(await listYouths(database.db, association, {})).toBeNull();
    expect(await markReady(deps, coordinator, youthId)).toEqual({ ok: false, reason: "illegal_state" });

    const good = await mentor("good");
    const proposal = await propose(deps, coordinator, youthId, good.volunteerId, { note: "" });
    if (!proposal.ok) throw new Error("setup");
    expect(await closeYouth(deps, coordinator, youthId, { outcome: "education_fgu" })).toEqual({ ok: false, reason: "open_pairing" });
    await withdrawProposal(deps, coordinator, proposal.pairingId);
    expect(await closeYouth(deps, coordinator, youthId, { outcome: "nonsense" })).toEqual({ ok: false, reason: "invalid" });
    expect(await closeYouth(deps, coordinator, youthId, { outcome: "education_fgu" })).toEqual({ ok: true });
    const [row] = await database.db.select().from(youths).where(eq(youths.id, youthId));
    expect(row).toMatchObject({ status: "closed", outcome: "education_fgu" });
  });
});

describe("matching and the start of a pairing", () => {
  it("ranks an eligible good fit above a poor one, with reasons, and leaves out mentors who are not eligible", async () => {
    const youthId = await readyYouth();
    const good = await mentor("good");
    const poor = await mentor("poor");
    const tooOld = await createApprovedMentor(deps, {
      overrides: { preferences: { capacity: 1, ageMin: 25, ageMax: 30, genderPreference: "any" } },
    });
    // A good fit whose training was taken back after the approval, and one whose places are all taken.
    const untrained = await mentor("good");
    await database.db.update(vettingChecks).set({ state: "pending" }).where(and(eq(vettingChecks.volunteerId, untrained.volunteerId), eq(vettingChecks.step, "training")));
    const full = await mentor("good");
    await database.db.update(volunteers).set({ openPairings: 1 }).where(eq(volunteers.id, full.volunteerId));
    const result = await suggestMentors(database.db, coordinator, youthId, {}, { now, limit: 500 });
    const ids = result!.suggestions.map((suggestion) => suggestion.volunteerId);
    expect(ids.indexOf(good.volunteerId)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(good.volunteerId)).toBeLessThan(ids.indexOf(poor.volunteerId));
    expect(ids).not.toContain(tooOld.volunteerId);
    expect(ids).not.toContain(untrained.volunteerId);
    expect(ids).not.toContain(full.volunteerId);
    const best = result!.suggestions.find((suggestion) => suggestion.volunteerId === good.volunteerId)!;
    expect(best.reasons.map((reason) => reason.factor)).toEqual(
      expect.arrayContaining(["shared_interests", "same_town", "overlapping_availability", "after_hours", "shared_language", "kind_fits_goals"]),
    );
    const poorOne = result!.suggestions.find((suggestion) => suggestion.volunteerId === poor.volunteerId)!;
    expect(poorOne.reasons).toContainEqual({ factor: "after_hours", points: -12 });
    const [event] = await database.db.select().from(auditEvents).where(and(eq(auditEvents.action, "youth.suggestions_viewed"), eq(auditEvents.subjectId, youthId)));
    expect(event).toBeDefined();
    // A youth still in intake gets no suggestions, and no mentor is read.
    const intake = await createYouth(deps, coordinator, youthSpec());
    if (!intake.ok) throw new Error("setup");
    expect((await suggestMentors(database.db, coordinator, intake.youthId, {}, { now }))?.suggestions).toEqual([]);
    const reads = await database.db.select().from(auditEvents).where(and(eq(auditEvents.action, "youth.suggestions_viewed"), eq(auditEvents.subjectId, intake.youthId)));
    expect(reads).toEqual([]);
  });

  it("proposes, the mentor accepts and confirms the agreement, and the youth is matched; the mentor sees only what was shared", async () => {
    const youthId = await readyYouth();
    const good = await mentor("good");
    const proposal = await propose(deps, coordinator, youthId, good.volunteerId, { note: "Jeg tror, I vil passe godt sammen." });
    if (!proposal.ok) throw new Error("setup");
    expect(await propose(deps, coordinator, youthId, good.volunteerId, {})).toEqual({ ok: false, reason: "youth_has_pairing" });

    // Another mentor cannot see or answer it.
    const other = await mentor("good");
    expect(await getMentorPairing(database.db, other.actor, proposal.pairingId)).toBeNull();
    expect(await answerProposal(deps, other.actor, proposal.pairingId, { accept: true })).toEqual({ ok: false, reason: "not_found" });

    const seen = await getMentorPairing(database.db, good.actor, proposal.pairingId, now);
    expect(seen).toMatchObject({ status: "proposed", youthFirstName: "Sara", youthAge: 20, coordinatorNote: "Jeg tror, I vil passe godt sammen." });
    expect(JSON.stringify(seen)).not.toContain("Nielsen");
    expect(JSON.stringify(seen)).not.toContain("ADHD");
    expect(JSON.stringify(seen)).not.toContain("+45");

    expect(await confirmAgreement(deps, good.actor, proposal.pairingId)).toEqual({ ok: false, reason: "illegal_state" });
    expect(await answerProposal(deps, good.actor, proposal.pairingId, { accept: true })).toEqual({ ok: true });
    expect(await confirmAgreement(deps, good.actor, proposal.pairingId)).toEqual({ ok: false, reason: "no_agreement" });
    const agreement = { kickoffAt: new Date("2026-03-10T15:00:00Z"), meetingFrequency: "Hver uge", durationMonths: 6, contactArrangement: "SMS og telefon", afterHoursArrangement: "Sara må ringe til kl. 21" };
    expect(await setAgreement(deps, coordinator, proposal.pairingId, { ...agreement, durationMonths: 0 })).toEqual({ ok: false, reason: "invalid" });
    expect(await setAgreement(deps, coordinator, proposal.pairingId, agreement)).toEqual({ ok: true });
    expect(await confirmAgreement(deps, good.actor, proposal.pairingId)).toEqual({ ok: true });

    const [youth] = await database.db.select().from(youths).where(eq(youths.id, youthId));
    expect(youth?.status).toBe("matched");
    const [pairing] = await database.db.select().from(pairings).where(eq(pairings.id, proposal.pairingId));
    expect(pairing).toMatchObject({ status: "active", meetingFrequency: "Hver uge" });
    expect(await listMentorPairings(database.db, good.actor, now)).toEqual([expect.objectContaining({ id: proposal.pairingId, status: "active", youthAge: 20 })]);
  });

  it("a decline gives the reason, frees the mentor's place and returns the youth to the suggestions", async () => {
    const youthId = await readyYouth();
    const good = await mentor("good");
    const proposal = await propose(deps, coordinator, youthId, good.volunteerId, {});
    if (!proposal.ok) throw new Error("setup");
    expect(await answerProposal(deps, good.actor, proposal.pairingId, { accept: false, reason: " " })).toEqual({ ok: false, reason: "invalid" });
    expect(await answerProposal(deps, good.actor, proposal.pairingId, { accept: false, reason: "Jeg flytter til Aarhus i maj" })).toEqual({ ok: true });
    const [row] = await database.db.select({ open: volunteers.openPairings }).from(volunteers).where(eq(volunteers.id, good.volunteerId));
    expect(row?.open).toBe(0);
    const again = await suggestMentors(database.db, coordinator, youthId, {}, { now, limit: 500 });
    expect(again?.suggestions.map((suggestion) => suggestion.volunteerId)).toContain(good.volunteerId);
  });

  it.runIf(process.env.TEST_DATABASE_URL || process.env.DATABASE_URL)(
    "two coordinators proposing two youths to a mentor with one place at once: exactly one gets it",
    async () => {
      const good = await mentor("good", 1);
      const [first, second] = [await readyYouth(), await readyYouth({ firstName: "Ali" })];
      const other = actorOf(await createUser(database.db, { role: "coordinator" }));
      const poolA = openPostgres(database.url!, { max: 2 });
      const poolB = openPostgres(database.url!, { max: 2 });
      try {
        const results = await Promise.all([
          propose({ ...deps, db: poolA.db }, coordinator, first, good.volunteerId, {}),
          propose({ ...deps, db: poolB.db }, other, second, good.volunteerId, {}),
        ]);
        expect(results.filter((result) => result.ok)).toHaveLength(1);
        expect(results.filter((result) => !result.ok)).toEqual([{ ok: false, reason: "mentor_full" }]);
        const [row] = await database.db.select({ open: volunteers.openPairings }).from(volunteers).where(eq(volunteers.id, good.volunteerId));
        expect(row?.open).toBe(1);
      } finally {
        await Promise.all([poolA.close(), poolB.close()]);
      }
    },
  );
});
