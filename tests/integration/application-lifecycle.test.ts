import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPostgres } from "#db/client.server";
import { auditEvents, vettingChecks, volunteerReferences, volunteers } from "#db/schema";
import { generateEncryptionKey } from "~/modules/crypto/encryption.server";
import { getApplication, reapply, saveApplicationStep, submitApplication, updateProfile, withdraw } from "~/modules/volunteers/application.server";
import type { VolunteerDeps } from "~/modules/volunteers/context.server";
import { recordInterview, recordReference, reject } from "~/modules/volunteers/vetting.server";
import { CODE_OF_CONDUCT_VERSION, type Actor } from "~/modules/volunteers/types";
import { createUser } from "../factories/users";
import { actorOf, createApplicant, createSubmittedVolunteer } from "../factories/volunteers";
import { createTestContext } from "../helpers/context";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

let database: TestDatabase;
let deps: VolunteerDeps;
let coordinator: Actor;

const notes = { motivation: "Vil gerne hjælpe", boundaries: "Kender sine grænser", availability: "Aftener", concerns: "Ingen" };

beforeAll(async () => {
  database = await createTestDatabase();
  const context = createTestContext(database.handle);
  deps = { db: context.db, jobs: context.jobs, env: context.env, key: generateEncryptionKey() };
  coordinator = actorOf(await createUser(database.db, { role: "coordinator" }));
});
afterAll(() => database.close());

async function volunteerRow(id: string) {
  const [row] = await database.db.select().from(volunteers).where(eq(volunteers.id, id));
  return row!;
}

async function eventsOf(volunteerId: string, action: string) {
  return database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.subjectId, volunteerId), eq(auditEvents.action, action)));
}

/** A submitted volunteer whose rejection was decided at `decidedAt`. */
async function rejectedVolunteer(decidedAt: Date) {
  const applicant = await createSubmittedVolunteer(deps);
  expect(await reject(deps, coordinator, applicant.volunteerId, { reason: "capacity", note: "Ingen unge i Vorbasse lige nu" })).toEqual({ ok: true });
  await database.db.update(volunteers).set({ decidedAt }).where(eq(volunteers.id, applicant.volunteerId));
  return applicant;
}

describe("reapplying", () => {
  it("takes a withdrawn volunteer back to a draft with the answers kept and a fresh screening", async () => {
    const { actor, volunteerId } = await createSubmittedVolunteer(deps);
    await recordInterview(deps, coordinator, volunteerId, { outcome: "passed", notes });
    await recordReference(deps, coordinator, volunteerId, { position: 1, outcome: "positive", note: "Pålidelig" });
    const before = await volunteerRow(volunteerId);
    expect(await withdraw(database.db, actor)).toEqual({ ok: true });

    expect(await reapply(deps, actor)).toEqual({ ok: true, volunteerId });

    const row = await volunteerRow(volunteerId);
    expect(row).toMatchObject({ status: "draft", submittedAt: null, decidedAt: null, checksPassed: 0, checksRequired: 0, nextStep: null });
    // The answers stay for the volunteer to review; the consents belong to the earlier round and are asked again.
    const { consents, ...kept } = before.answers;
    expect(consents).toBeDefined();
    expect(row.answers).toEqual(kept);
    expect([row.town, row.capacity]).toEqual([before.town, before.capacity]);
    expect(await database.db.select().from(vettingChecks).where(eq(vettingChecks.volunteerId, volunteerId))).toEqual([]);
    const references = await database.db.select().from(volunteerReferences).where(eq(volunteerReferences.volunteerId, volunteerId));
    expect(references.map((reference) => reference.name).sort()).toEqual(["Karen Holm", "Ole Bak"]);
    expect(references.every((reference) => !reference.outcome && !reference.noteEncrypted && !reference.checkedBy && !reference.checkedAt)).toBe(true);

    // The earlier round stays in the audit trail, and the reopening joins it.
    expect(await eventsOf(volunteerId, "vetting.interview_recorded")).toHaveLength(1);
    const [reopened] = await eventsOf(volunteerId, "application.reopened");
    expect(reopened).toMatchObject({ actorId: actor.id, details: { from: "withdrawn" } });

    // Sending again needs the consents, then opens a new checklist from scratch.
    expect(await submitApplication(deps, actor)).toEqual({ ok: false, reason: "incomplete", missing: ["consents"] });
    const consentsInput = { criminalRecordConsent: true, codeOfConductVersion: CODE_OF_CONDUCT_VERSION, privacyAcknowledged: true };
    expect((await saveApplicationStep(database.db, actor, "consents", consentsInput)).ok).toBe(true);
    expect(await submitApplication(deps, actor)).toEqual({ ok: true, volunteerId });
    const checks = await database.db.select().from(vettingChecks).where(eq(vettingChecks.volunteerId, volunteerId));
    expect(checks.find((check) => check.step === "interview")).toMatchObject({ state: "pending", doneBy: null, noteEncrypted: null });
    expect(await volunteerRow(volunteerId)).toMatchObject({ status: "submitted", checksPassed: 1, nextStep: "interview" });
  });

  it("clears an earlier approval when a volunteer who withdrew from it reapplies", async () => {
    const { actor, volunteerId } = await createSubmittedVolunteer(deps);
    await database.db
      .update(volunteers)
      .set({ status: "approved", approvedUntil: "2027-06-01", decidedAt: new Date(), decidedBy: coordinator.id, renewalNotifiedAt: new Date() })
      .where(eq(volunteers.id, volunteerId));
    await withdraw(database.db, actor);
    expect((await reapply(deps, actor)).ok).toBe(true);
    expect(await volunteerRow(volunteerId)).toMatchObject({ status: "draft", approvedUntil: null, decidedBy: null, renewalNotifiedAt: null });
  });

  it("makes a rejected volunteer wait six months from the decision, counted in Copenhagen days", async () => {
    // 23:30 UTC on 31 January is already 1 February in Copenhagen.
    const { actor, volunteerId } = await rejectedVolunteer(new Date("2026-01-31T23:30:00Z"));
    expect((await getApplication(database.db, actor, { today: "2026-07-31" }))?.allowed).toMatchObject({ reapply: false, reapplyFrom: "2026-08-01" });
    expect(await reapply(deps, actor, { today: "2026-07-31" })).toEqual({ ok: false, reason: "too_early", from: "2026-08-01" });
    expect(await volunteerRow(volunteerId)).toMatchObject({ status: "rejected", rejectionReason: "capacity" });
    expect(await eventsOf(volunteerId, "application.reopened")).toEqual([]);

    expect((await getApplication(database.db, actor, { today: "2026-08-01" }))?.allowed).toMatchObject({ reapply: true, reapplyFrom: "2026-08-01" });
    expect(await reapply(deps, actor, { today: "2026-08-01" })).toEqual({ ok: true, volunteerId });
    expect(await volunteerRow(volunteerId)).toMatchObject({
      status: "draft",
      rejectionReason: null,
      decisionNoteEncrypted: null,
      decidedAt: null,
      decidedBy: null,
    });
    const [reopened] = await eventsOf(volunteerId, "application.reopened");
    expect(reopened?.details).toEqual({ from: "rejected" });
    // The rejection itself is still on record.
    expect(await eventsOf(volunteerId, "vetting.rejected")).toHaveLength(1);
  });

  it("lets a rejected volunteer reapply half a year after the decision without a given day", async () => {
    const { actor } = await rejectedVolunteer(new Date(Date.now() - 200 * 24 * 60 * 60 * 1000));
    expect((await reapply(deps, actor)).ok).toBe(true);
  });

  it.each(["draft", "submitted", "approved", "paused", "expired"] as const)("refuses to reopen an application that is %s", async (status) => {
    const { actor, volunteerId } = await createApplicant(database.db);
    if (status !== "draft") {
      await database.db.update(volunteers).set({ status, submittedAt: new Date(), approvedUntil: "2027-01-01" }).where(eq(volunteers.id, volunteerId));
    }
    const before = await volunteerRow(volunteerId);
    expect(await reapply(deps, actor)).toEqual({ ok: false, reason: "illegal_state" });
    expect(await volunteerRow(volunteerId)).toEqual(before);
    expect(await eventsOf(volunteerId, "application.reopened")).toEqual([]);
  });

  it("reopens only the actor's own application, and only for volunteers", async () => {
    const { volunteerId } = await createSubmittedVolunteer(deps);
    const stranger = actorOf(await createUser(database.db, { role: "volunteer" }));
    expect(await reapply(deps, stranger)).toEqual({ ok: false, reason: "not_found" });
    const association = actorOf(await createUser(database.db, { role: "association" }));
    expect(await reapply(deps, association)).toEqual({ ok: false, reason: "forbidden" });
    expect((await volunteerRow(volunteerId)).status).toBe("submitted");
  });

  it.runIf(process.env.TEST_DATABASE_URL || process.env.DATABASE_URL)("reopens once when the volunteer sends it twice at once", async () => {
    const { actor, volunteerId } = await createSubmittedVolunteer(deps);
    await withdraw(database.db, actor);
    // Separate pools, so the two transactions really run side by side.
    const handleA = openPostgres(database.url!, { max: 2 });
    const handleB = openPostgres(database.url!, { max: 2 });
    try {
      const results = await Promise.all([reapply({ ...deps, db: handleA.db }, actor), reapply({ ...deps, db: handleB.db }, actor)]);
      expect(results.filter((result) => result.ok)).toHaveLength(1);
      expect(results.filter((result) => !result.ok)).toEqual([{ ok: false, reason: "illegal_state" }]);
      expect(await eventsOf(volunteerId, "application.reopened")).toHaveLength(1);
    } finally {
      await Promise.all([handleA.close(), handleB.close()]);
    }
  });
});

describe("updating the profile after submitting", () => {
  it("saves interests and preferences, and audits which fields changed, never their values", async () => {
    const { actor, volunteerId } = await createSubmittedVolunteer(deps);
    const result = await updateProfile(database.db, actor, {
      interests: { interests: ["sport", "technology"], ownWords: "Fiskeri og gamle knallerter", languages: ["da", "en", "Færøsk"] },
      preferences: { capacity: 1, ageMin: 18, ageMax: 25, genderPreference: "female" },
    });
    expect(result).toEqual({ ok: true, changed: ["interests.languages", "preferences.capacity", "preferences.ageMin", "preferences.genderPreference"] });
    const row = await volunteerRow(volunteerId);
    expect(row.capacity).toBe(1);
    expect((await getApplication(database.db, actor))?.answers).toMatchObject({
      interests: { languages: ["da", "en", "Færøsk"] },
      preferences: { capacity: 1, ageMin: 18, genderPreference: "female" },
      availability: { town: "Grindsted" },
    });
    const [event] = await eventsOf(volunteerId, "application.profile_updated");
    expect(event?.details).toEqual({ fields: ["interests.languages", "preferences.capacity", "preferences.ageMin", "preferences.genderPreference"] });
    expect(JSON.stringify(event?.details)).not.toMatch(/Færøsk|female/);
  });

  it("saves nothing when any part of the input is invalid", async () => {
    const { actor, volunteerId } = await createSubmittedVolunteer(deps);
    const before = await volunteerRow(volunteerId);
    const result = await updateProfile(database.db, actor, {
      availability: { town: "Billund", slots: ["mon:daytime"], afterHoursReachable: false },
      preferences: { capacity: 2, ageMin: 24, ageMax: 18, genderPreference: "any" },
    });
    expect(result).toEqual({ ok: false, reason: "invalid" });
    expect(await volunteerRow(volunteerId)).toEqual(before);
    expect(await eventsOf(volunteerId, "application.profile_updated")).toEqual([]);
  });

  it("writes nothing when nothing changed", async () => {
    const { actor, volunteerId } = await createSubmittedVolunteer(deps);
    const current = (await getApplication(database.db, actor))!.answers.availability!;
    expect(await updateProfile(database.db, actor, { availability: current })).toEqual({ ok: true, changed: [] });
    expect(await eventsOf(volunteerId, "application.profile_updated")).toEqual([]);
  });

  it("refuses a draft (still edited in the form) and a closed application", async () => {
    const availability = { town: "Billund", slots: ["mon:daytime"], afterHoursReachable: false };
    const draft = await createApplicant(database.db);
    expect(await updateProfile(database.db, draft.actor, { availability })).toEqual({ ok: false, reason: "not_found" });

    const withdrawn = await createSubmittedVolunteer(deps);
    await withdraw(database.db, withdrawn.actor);
    const before = await volunteerRow(withdrawn.volunteerId);
    expect(await updateProfile(database.db, withdrawn.actor, { availability })).toEqual({ ok: false, reason: "illegal_state" });
    expect(await volunteerRow(withdrawn.volunteerId)).toEqual(before);

    const rejected = await rejectedVolunteer(new Date());
    expect(await updateProfile(database.db, rejected.actor, { availability })).toEqual({ ok: false, reason: "illegal_state" });
    expect(await getApplication(database.db, rejected.actor)).toMatchObject({ allowed: { editProfile: false, withdraw: false, reapply: false } });
  });
});
