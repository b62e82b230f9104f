import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPostgres, rowsOf } from "#db/client.server";
import { auditEvents, users, vettingChecks, volunteerReferences, volunteers } from "#db/schema";
import { generateEncryptionKey } from "~/modules/crypto/encryption.server";
import {
  getApplication,
  saveApplicationStep,
  submitApplication,
  updateProfile,
  withdraw,
} from "~/modules/volunteers/application.server";
import type { VolunteerDeps } from "~/modules/volunteers/context.server";
import { listPipeline } from "~/modules/volunteers/coordinator.server";
import { getVolunteerForCoordinator } from "~/modules/volunteers/record.server";
import { getSetting, setSetting } from "~/modules/settings/settings.server";
import { getPolicy, updatePolicy } from "~/modules/volunteers/policy.server";
import { runVettingRenewals } from "~/modules/volunteers/renewals.server";
import {
  approve,
  assignCoordinator,
  pause,
  reactivate,
  recordAttest,
  recordInterview,
  recordReference,
  recordTraining,
  reject,
  sendMessage,
  waiveCheck,
} from "~/modules/volunteers/vetting.server";
import type { Actor } from "~/modules/volunteers/types";
import { createUser } from "../factories/users";
import { actorOf, completeApplication, createApplicant, createSubmittedVolunteer } from "../factories/volunteers";
import { createTestContext, queuedJobs } from "../helpers/context";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

let database: TestDatabase;
let deps: VolunteerDeps;
let interviewer: Actor;
let approver: Actor;
let admin: Actor;

const today = "2026-03-01";
const notes = { motivation: "Vil gerne hjælpe", boundaries: "Kender sine grænser", availability: "Aftener", concerns: "Ingen" };

beforeAll(async () => {
  database = await createTestDatabase();
  const context = createTestContext(database.handle);
  deps = { db: context.db, jobs: context.jobs, env: context.env, key: generateEncryptionKey() };
  interviewer = actorOf(await createUser(database.db, { role: "coordinator" }));
  approver = actorOf(await createUser(database.db, { role: "coordinator" }));
  admin = actorOf(await createUser(database.db, { role: "admin" }));
});
afterAll(() => database.close());

type EmailData = { to: string; template: string; props: Record<string, string> };
async function templatesTo(email: string) {
  return (await queuedJobs<EmailData>(database.db, "email")).map((job) => job.data).filter((data) => data.to === email).map((data) => data.template);
}

async function volunteerRow(id: string) {
  const [row] = await database.db.select().from(volunteers).where(eq(volunteers.id, id));
  return row!;
}

async function checkOf(id: string, step: "interview" | "references" | "criminal_record" | "code_of_conduct" | "training") {
  const [row] = await database.db.select().from(vettingChecks).where(and(eq(vettingChecks.volunteerId, id), eq(vettingChecks.step, step)));
  return row!;
}

/** Passes every step of a submitted volunteer's checklist, interviewing as `by`. */
async function vetFully(volunteerId: string, by: Actor = interviewer) {
  expect(await recordInterview(deps, by, volunteerId, { outcome: "passed", notes })).toEqual({ ok: true });
  expect(await recordReference(deps, by, volunteerId, { position: 1, outcome: "positive", note: "Pålidelig" })).toEqual({ ok: true });
  expect(await recordReference(deps, by, volunteerId, { position: 2, outcome: "positive" })).toEqual({ ok: true });
  expect(await recordAttest(deps, by, volunteerId, { result: "ok", assessedOn: "2026-02-01" })).toEqual({ ok: true });
  expect(await recordTraining(deps, by, volunteerId, { passed: true, note: "Introkursus 12/2" })).toEqual({ ok: true });
}

async function approvedVolunteer() {
  const applicant = await createSubmittedVolunteer(deps);
  await vetFully(applicant.volunteerId);
  expect(await approve(deps, approver, applicant.volunteerId, { today })).toMatchObject({ ok: true });
  return applicant;
}

describe("application draft and submission", () => {
  it("creates the draft on the first step, which must name the kind, and merges later steps", async () => {
    const user = await createUser(database.db);
    const actor = actorOf(user);
    expect(await saveApplicationStep(database.db, actor, "about", completeApplication()[1]![1])).toEqual({ ok: false, reason: "kind_first" });
    const first = await saveApplicationStep(database.db, actor, "kind", { kind: "civil_society" });
    expect(first.ok).toBe(true);
    const invalid = await saveApplicationStep(database.db, actor, "preferences", { capacity: 4, ageMin: 16, ageMax: 20, genderPreference: "any" });
    expect(invalid).toMatchObject({ ok: false, reason: "invalid", errors: { capacity: expect.any(Array) } });
    await saveApplicationStep(database.db, actor, "availability", { town: "Billund", slots: ["tue:evening"], afterHoursReachable: true });
    const application = await getApplication(database.db, actor);
    expect(application).toMatchObject({ kind: "civil_society", status: "draft", answers: { availability: { town: "Billund" } } });
    const row = await volunteerRow(application!.id);
    expect([row.town, row.afterHoursReachable]).toEqual(["Billund", true]);
  });

  it("refuses an incomplete application and names the missing steps", async () => {
    const user = await createUser(database.db);
    const actor = actorOf(user);
    await saveApplicationStep(database.db, actor, "kind", { kind: "company" });
    await saveApplicationStep(database.db, actor, "about", { motivation: "m", experience: "e", occupation: "o" });
    const result = await submitApplication(deps, actor);
    expect(result).toEqual({ ok: false, reason: "incomplete", missing: ["about", "interests", "availability", "preferences", "references", "consents"] });
  });

  it("submits: opens one check per step, passes the signed code of conduct, emails and audits", async () => {
    const { user, actor, volunteerId } = await createApplicant(database.db);
    expect(await submitApplication(deps, actor)).toEqual({ ok: true, volunteerId });
    const row = await volunteerRow(volunteerId);
    expect(row).toMatchObject({ status: "submitted", checksPassed: 1, checksRequired: 5, nextStep: "interview" });
    expect((await checkOf(volunteerId, "code_of_conduct")).state).toBe("passed");
    expect((await checkOf(volunteerId, "interview")).state).toBe("pending");
    expect(await templatesTo(user.email)).toEqual(["applicationReceived"]);
    // A submitted application is no longer a draft: the answers are frozen, and it cannot be sent twice.
    expect(await submitApplication(deps, actor)).toEqual({ ok: false, reason: "illegal_state" });
    expect(await saveApplicationStep(database.db, actor, "kind", { kind: "business" })).toEqual({ ok: false, reason: "illegal_state" });
  });

  it("leaves the code of conduct pending when an older version was signed", async () => {
    const consents = { criminalRecordConsent: true, codeOfConductVersion: "2020-1", privacyAcknowledged: true };
    const { volunteerId } = await createSubmittedVolunteer(deps, { overrides: { consents } });
    expect((await checkOf(volunteerId, "code_of_conduct")).state).toBe("pending");
  });

  it("lets a volunteer update availability after submitting, auditing field names only", async () => {
    const { actor, volunteerId } = await createSubmittedVolunteer(deps);
    const result = await updateProfile(database.db, actor, {
      availability: { town: "Vejle", slots: ["fri:night"], afterHoursReachable: true },
    });
    expect(result).toEqual({ ok: true, changed: ["availability.town", "availability.slots"] });
    expect((await volunteerRow(volunteerId)).town).toBe("Vejle");
    const [event] = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectId, volunteerId), eq(auditEvents.action, "application.profile_updated")));
    expect(event?.details).toEqual({ fields: ["availability.town", "availability.slots"] });
    expect(JSON.stringify(event?.details)).not.toContain("Vejle");
  });
});

describe("transitions", () => {
  it.each([
    ["draft", true],
    ["submitted", true],
    ["approved", true],
    ["paused", true],
    ["rejected", false],
    ["withdrawn", false],
    ["expired", false],
  ] as const)("a volunteer can withdraw from %s: %s", async (status, allowed) => {
    const { actor, volunteerId } = await createApplicant(database.db);
    if (status !== "draft") {
      await database.db
        .update(volunteers)
        .set({ status, submittedAt: new Date(), approvedUntil: "2027-01-01", rejectionReason: status === "rejected" ? "other" : null })
        .where(eq(volunteers.id, volunteerId));
    }
    expect(await withdraw(database.db, actor)).toEqual(allowed ? { ok: true } : { ok: false, reason: "illegal_state" });
  });

  it("approves a fully vetted volunteer until the attest's renewal date and emails a welcome", async () => {
    const { user, volunteerId } = await createSubmittedVolunteer(deps);
    await vetFully(volunteerId);
    expect(await volunteerRow(volunteerId)).toMatchObject({ checksPassed: 5, checksRequired: 5, nextStep: null });
    expect(await approve(deps, approver, volunteerId, { today })).toEqual({ ok: true, approvedUntil: "2028-02-01" });
    expect(await volunteerRow(volunteerId)).toMatchObject({ status: "approved", decidedBy: approver.id, approvedUntil: "2028-02-01" });
    expect(await templatesTo(user.email)).toContain("volunteerApproved");
    expect(await approve(deps, approver, volunteerId, { today })).toEqual({ ok: false, reason: "illegal_state" });
  });

  it("refuses approval while a required step is pending, naming it", async () => {
    const { volunteerId } = await createSubmittedVolunteer(deps);
    await recordInterview(deps, interviewer, volunteerId, { outcome: "passed", notes });
    expect(await approve(deps, approver, volunteerId, { today })).toEqual({
      ok: false,
      reason: "checks_incomplete",
      missing: ["references", "criminal_record", "training"],
    });
  });

  it("refuses approval while the volunteer's email is unverified", async () => {
    const { volunteerId } = await createSubmittedVolunteer(deps, { user: { verified: false } });
    await vetFully(volunteerId);
    expect(await approve(deps, approver, volunteerId, { today })).toEqual({ ok: false, reason: "email_unverified" });
  });

  it("needs a reason for a waiver, and a waived step counts as done", async () => {
    const { volunteerId } = await createSubmittedVolunteer(deps);
    expect(await waiveCheck(deps, interviewer, volunteerId, { step: "training", reason: "  " })).toEqual({ ok: false, reason: "invalid" });
    expect(await waiveCheck(deps, interviewer, volunteerId, { step: "training", reason: "Har undervist på kurset selv" })).toEqual({ ok: true });
    expect(await checkOf(volunteerId, "training")).toMatchObject({ state: "waived", waiverReason: "Har undervist på kurset selv" });
    // The database refuses a waiver without a reason even if code forgot.
    await expect(
      database.db.update(vettingChecks).set({ waiverReason: null }).where(and(eq(vettingChecks.volunteerId, volunteerId), eq(vettingChecks.step, "training"))),
    ).rejects.toThrow();
    await recordInterview(deps, interviewer, volunteerId, { outcome: "passed", notes });
    await recordReference(deps, interviewer, volunteerId, { position: 1, outcome: "positive" });
    await recordReference(deps, interviewer, volunteerId, { position: 2, outcome: "positive" });
    await recordAttest(deps, interviewer, volunteerId, { result: "ok", assessedOn: "2026-02-01" });
    expect(await approve(deps, approver, volunteerId, { today })).toMatchObject({ ok: true });
  });

  it("rejects with a reason category; the email names the category, the note stays encrypted", async () => {
    const { user, volunteerId } = await createSubmittedVolunteer(deps);
    expect(await reject(deps, approver, volunteerId, { reason: "references", note: "Referencen advarede om vold" })).toEqual({ ok: true });
    const row = await volunteerRow(volunteerId);
    expect(row).toMatchObject({ status: "rejected", rejectionReason: "references" });
    expect(row.decisionNoteEncrypted).toMatch(/^v1:/);
    expect(row.decisionNoteEncrypted).not.toContain("vold");
    const mails = (await queuedJobs<EmailData>(database.db, "email")).map((job) => job.data).filter((data) => data.to === user.email);
    const rejection = mails.find((mail) => mail.template === "volunteerRejected");
    expect(rejection?.props).toMatchObject({ reason: "references" });
    expect(JSON.stringify(rejection)).not.toContain("vold");
    // Terminal: no more decisions or vetting.
    expect(await approve(deps, approver, volunteerId, { today })).toEqual({ ok: false, reason: "illegal_state" });
    expect(await recordInterview(deps, interviewer, volunteerId, { outcome: "passed", notes })).toEqual({ ok: false, reason: "illegal_state" });
    expect(await pause(deps, approver, volunteerId)).toEqual({ ok: false, reason: "illegal_state" });
  });

  it("pauses and reactivates an approval, and refuses them from the wrong states", async () => {
    const { volunteerId } = await approvedVolunteer();
    expect(await reactivate(deps, approver, volunteerId, { today })).toEqual({ ok: false, reason: "illegal_state" });
    expect(await pause(deps, approver, volunteerId)).toEqual({ ok: true });
    expect(await pause(deps, approver, volunteerId)).toEqual({ ok: false, reason: "illegal_state" });
    expect(await reject(deps, approver, volunteerId, { reason: "other" })).toEqual({ ok: false, reason: "illegal_state" });
    expect(await reactivate(deps, approver, volunteerId, { today: "2030-01-01" })).toEqual({ ok: false, reason: "renewal_lapsed" });
    expect(await reactivate(deps, approver, volunteerId, { today })).toEqual({ ok: true });
    expect((await volunteerRow(volunteerId)).status).toBe("approved");
  });

  it("refuses every coordinator command on a draft as if it did not exist", async () => {
    const { volunteerId } = await createApplicant(database.db);
    expect(await recordInterview(deps, interviewer, volunteerId, { outcome: "passed", notes })).toEqual({ ok: false, reason: "not_found" });
    expect(await approve(deps, approver, volunteerId, { today })).toEqual({ ok: false, reason: "not_found" });
    expect(await approve(deps, approver, "not-a-uuid", { today })).toEqual({ ok: false, reason: "not_found" });
  });

  it("sends a message with an action-needed email that carries no text of it", async () => {
    const { user, volunteerId } = await createSubmittedVolunteer(deps);
    expect(await sendMessage(deps, interviewer, volunteerId, { body: "Husk at bestille din straffeattest" })).toEqual({ ok: true });
    const mails = (await queuedJobs<EmailData>(database.db, "email")).map((job) => job.data).filter((data) => data.to === user.email);
    expect(mails.map((mail) => mail.template)).toContain("actionNeeded");
    expect(JSON.stringify(mails)).not.toContain("straffeattest");
    expect(mails.at(-1)?.props.url).toBe("http://localhost:3000/application");
    const application = await getApplication(database.db, actorOf(user));
    expect(application?.messages.map((message) => message.body)).toEqual(["Husk at bestille din straffeattest"]);
  });

  it("assigns a responsible coordinator, never a volunteer", async () => {
    const { volunteerId, user } = await createSubmittedVolunteer(deps);
    expect(await assignCoordinator(deps, approver, volunteerId, interviewer.id)).toEqual({ ok: true });
    expect((await volunteerRow(volunteerId)).responsibleCoordinatorId).toBe(interviewer.id);
    expect(await assignCoordinator(deps, approver, volunteerId, user.id)).toEqual({ ok: false, reason: "invalid_coordinator" });
    expect(await assignCoordinator(deps, approver, volunteerId, null)).toEqual({ ok: true });
  });

  it("records a failed attest as failed and a not-required one as passed without a renewal date", async () => {
    const { volunteerId } = await createSubmittedVolunteer(deps);
    await recordAttest(deps, interviewer, volunteerId, { result: "not_ok", assessedOn: "2026-02-01" });
    expect(await checkOf(volunteerId, "criminal_record")).toMatchObject({ state: "failed", details: { attestResult: "not_ok" } });
    await recordAttest(deps, interviewer, volunteerId, { result: "not_required", assessedOn: "2026-02-01" });
    const check = await checkOf(volunteerId, "criminal_record");
    expect(check).toMatchObject({ state: "passed", details: { attestResult: "not_required" } });
    expect(check.details.renewalDate).toBeUndefined();
  });
});

describe("four eyes", () => {
  it("refuses approval by the interviewer and allows another coordinator", async () => {
    const { volunteerId } = await createSubmittedVolunteer(deps);
    await vetFully(volunteerId, interviewer);
    expect(await approve(deps, interviewer, volunteerId, { today })).toEqual({ ok: false, reason: "four_eyes" });
    expect(await approve(deps, approver, volunteerId, { today })).toMatchObject({ ok: true });
  });

  it("allows the interviewer to approve when the setting is off", async () => {
    expect(await setSetting(database.db, interviewer, "four_eyes_approval", false)).toEqual({ ok: false, reason: "forbidden" });
    expect(await setSetting(database.db, admin, "four_eyes_approval", false)).toEqual({ ok: true });
    try {
      const { volunteerId } = await createSubmittedVolunteer(deps);
      await vetFully(volunteerId, interviewer);
      expect(await approve(deps, interviewer, volunteerId, { today })).toMatchObject({ ok: true });
    } finally {
      await setSetting(database.db, admin, "four_eyes_approval", true);
    }
    expect(await getSetting(database.db, "four_eyes_approval")).toBe(true);
  });
});

describe("vetting policy", () => {
  it("is seeded for every kind with all steps, two references and 24 months", async () => {
    for (const kind of ["business", "civil_society", "company"] as const) {
      expect(await getPolicy(database.db, kind)).toMatchObject({
        requiredSteps: ["interview", "references", "criminal_record", "code_of_conduct", "training"],
        referencesRequired: 2,
        attestRenewalMonths: 24,
        requiredCourseIds: [],
      });
    }
  });

  it("passes the references step on one positive reference when the policy asks for one", async () => {
    const base = await getPolicy(database.db, "civil_society");
    const input = { requiredSteps: base.requiredSteps, referencesRequired: 1, attestRenewalMonths: 24, requiredCourseIds: [] };
    expect(await updatePolicy(database.db, interviewer, "civil_society", input)).toEqual({ ok: false, reason: "forbidden" });
    expect((await updatePolicy(database.db, admin, "civil_society", input)).ok).toBe(true);
    const { volunteerId } = await createSubmittedVolunteer(deps, { kind: "civil_society" });
    await recordReference(deps, interviewer, volunteerId, { position: 1, outcome: "positive" });
    expect((await checkOf(volunteerId, "references")).state).toBe("passed");
    const [event] = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "vetting.policy_updated"), eq(auditEvents.subjectId, "civil_society")));
    expect(event?.details).toMatchObject({ before: { referencesRequired: 2 }, after: { referencesRequired: 1 } });
  });

  it("fails the references step when every reference is checked without enough positive ones", async () => {
    const { volunteerId } = await createSubmittedVolunteer(deps, { kind: "business" });
    await recordReference(deps, interviewer, volunteerId, { position: 1, outcome: "positive" });
    expect((await checkOf(volunteerId, "references")).state).toBe("pending");
    await recordReference(deps, interviewer, volunteerId, { position: 2, outcome: "unreachable" });
    expect((await checkOf(volunteerId, "references")).state).toBe("failed");
    expect(await recordReference(deps, interviewer, volunteerId, { position: 3, outcome: "positive" })).toEqual({ ok: false, reason: "unknown_reference" });
  });

  it("approves without an attest once criminal_record is no longer required, for the policy's interval", async () => {
    const { volunteerId } = await createSubmittedVolunteer(deps, { kind: "company" });
    await recordInterview(deps, interviewer, volunteerId, { outcome: "passed", notes });
    await recordReference(deps, interviewer, volunteerId, { position: 1, outcome: "positive" });
    await recordReference(deps, interviewer, volunteerId, { position: 2, outcome: "positive" });
    await recordTraining(deps, interviewer, volunteerId, { passed: true });
    expect(await approve(deps, approver, volunteerId, { today })).toMatchObject({ ok: false, reason: "checks_incomplete", missing: ["criminal_record"] });
    const result = await updatePolicy(database.db, admin, "company", {
      requiredSteps: ["interview", "references", "code_of_conduct", "training"],
      referencesRequired: 2,
      attestRenewalMonths: 12,
    });
    expect(result.ok).toBe(true);
    expect(await volunteerRow(volunteerId)).toMatchObject({ checksPassed: 4, checksRequired: 4, nextStep: null });
    expect(await approve(deps, approver, volunteerId, { today })).toEqual({ ok: true, approvedUntil: "2027-03-01" });
  });
});

describe("renewals", () => {
  it("flags approvals due within 30 days once, expires lapsed ones, and changes nothing on a second run", async () => {
    const due = await approvedVolunteer();
    const lapsed = await approvedVolunteer();
    const later = await approvedVolunteer();
    await database.db.update(volunteers).set({ approvedUntil: "2026-04-10" }).where(eq(volunteers.id, due.volunteerId));
    await database.db.update(volunteers).set({ approvedUntil: "2026-03-31", status: "paused" }).where(eq(volunteers.id, lapsed.volunteerId));
    const runDay = "2026-04-01";

    const first = await runVettingRenewals(deps, runDay);
    expect(first.flagged).toBeGreaterThanOrEqual(1);
    expect(first.expired).toBeGreaterThanOrEqual(1);
    expect(await volunteerRow(due.volunteerId)).toMatchObject({ status: "approved", renewalNotifiedAt: expect.any(Date) });
    expect((await volunteerRow(lapsed.volunteerId)).status).toBe("expired");
    expect(await volunteerRow(later.volunteerId)).toMatchObject({ status: "approved", renewalNotifiedAt: null });
    expect(await templatesTo(due.user.email)).toContain("renewalDue");
    expect(await templatesTo(lapsed.user.email)).toContain("approvalExpired");

    expect(await runVettingRenewals(deps, runDay)).toEqual({ expired: 0, flagged: 0 });
    expect((await templatesTo(due.user.email)).filter((template) => template === "renewalDue")).toHaveLength(1);

    // A renewal: the expired volunteer gets a new attest and a new approval.
    await recordAttest(deps, interviewer, lapsed.volunteerId, { result: "ok", assessedOn: runDay });
    expect(await approve(deps, approver, lapsed.volunteerId, { today: runDay })).toEqual({ ok: true, approvedUntil: "2028-04-01" });
  });
});

describe("encryption at rest and coordinator reads", () => {
  it("stores notes encrypted and returns them decrypted to a coordinator, auditing the view", async () => {
    const { volunteerId } = await createSubmittedVolunteer(deps);
    await recordInterview(deps, interviewer, volunteerId, { outcome: "passed", notes: { ...notes, concerns: "Tidligere misbrug" } });
    await recordReference(deps, interviewer, volunteerId, { position: 1, outcome: "positive", note: "Meget stabil" });
    const raw = rowsOf<{ note_encrypted: string }>(
      await database.db.execute(sql`select note_encrypted from vetting_checks where volunteer_id = ${volunteerId} and step = 'interview'`),
    );
    expect(raw[0]?.note_encrypted).toMatch(/^v1:/);
    expect(raw[0]?.note_encrypted).not.toContain("misbrug");
    const [reference] = await database.db
      .select()
      .from(volunteerReferences)
      .where(and(eq(volunteerReferences.volunteerId, volunteerId), eq(volunteerReferences.position, 1)));
    expect(reference?.noteEncrypted).toMatch(/^v1:/);
    expect(reference?.noteEncrypted).not.toContain("stabil");

    const view = await getVolunteerForCoordinator(deps, approver, volunteerId);
    expect(view?.checks.find((check) => check.step === "interview")?.interviewNotes).toMatchObject({ concerns: "Tidligere misbrug" });
    expect(view?.references[0]?.note).toBe("Meget stabil");
    expect(view?.timeline.map((event) => event.action)).toEqual(
      expect.arrayContaining(["application.submitted", "vetting.interview_recorded", "vetting.reference_recorded"]),
    );
    const views = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "vetting.viewed"), eq(auditEvents.subjectId, volunteerId), eq(auditEvents.actorId, approver.id)));
    expect(views).toHaveLength(1);
  });

  it("lists the pipeline paged and filtered in SQL, and audits the search terms", async () => {
    const town = `Sønder Omme ${Date.now()}`;
    const availability = { town, slots: ["mon:evening"], afterHoursReachable: true };
    const a = await createSubmittedVolunteer(deps, { overrides: { availability } });
    const b = await createSubmittedVolunteer(deps, { overrides: { availability } });
    await createSubmittedVolunteer(deps, { overrides: { availability }, kind: "company" });
    await recordInterview(deps, interviewer, a.volunteerId, { outcome: "passed", notes });

    const all = await listPipeline(database.db, approver, { town, size: 10, sort: "daysWaiting", dir: "desc" });
    expect(all?.total).toBe(3);
    // Longest waiting first: the earliest submission leads.
    expect(all?.rows[0]?.id).toBe(a.volunteerId);
    const page2 = await listPipeline(database.db, approver, { town, size: 10, page: 2 });
    expect(page2).toMatchObject({ total: 3, rows: [] });

    const needsInterview = await listPipeline(database.db, approver, { town, quick: "needs_interview" });
    expect(needsInterview?.rows.map((row) => row.id).sort()).not.toContain(a.volunteerId);
    expect(needsInterview?.rows.map((row) => row.id)).toContain(b.volunteerId);
    expect(needsInterview?.total).toBe(2);

    const company = await listPipeline(database.db, approver, { town, kind: "company" });
    expect(company?.total).toBe(1);
    const byProgress = await listPipeline(database.db, approver, { town, sort: "progress", dir: "desc" });
    expect(byProgress?.rows[0]?.id).toBe(a.volunteerId);

    const [event] = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "vetting.searched"), eq(auditEvents.actorId, approver.id), sql`${auditEvents.details} ->> 'kind' = 'company'`));
    expect(event?.details).toMatchObject({ town, kind: "company" });
    // Nothing in a pipeline is a draft.
    const drafts = await listPipeline(database.db, approver, {});
    expect(drafts?.rows.every((row) => row.status !== "draft")).toBe(true);
  });
});

describe("access scope", () => {
  it("a volunteer reads and changes only their own application", async () => {
    const owner = await createSubmittedVolunteer(deps);
    const other = await createUser(database.db);
    const otherActor = actorOf(other);
    expect(await getApplication(database.db, otherActor)).toBeNull();
    expect(await withdraw(database.db, otherActor)).toEqual({ ok: false, reason: "not_found" });
    expect((await volunteerRow(owner.volunteerId)).status).toBe("submitted");
    // Volunteers have no coordinator powers, over their own application or anyone's.
    expect(await recordInterview(deps, owner.actor, owner.volunteerId, { outcome: "passed", notes })).toEqual({ ok: false, reason: "forbidden" });
    expect(await approve(deps, owner.actor, owner.volunteerId)).toEqual({ ok: false, reason: "forbidden" });
    expect(await getVolunteerForCoordinator(deps, owner.actor, owner.volunteerId)).toBeNull();
    expect(await listPipeline(database.db, owner.actor, {})).toBeNull();
  });

  it("refuses an association actor everywhere", async () => {
    const { volunteerId } = await createSubmittedVolunteer(deps);
    const association = actorOf(await createUser(database.db, { role: "association" }));
    expect(await saveApplicationStep(database.db, association, "kind", { kind: "business" })).toEqual({ ok: false, reason: "forbidden" });
    expect(await getApplication(database.db, association)).toBeNull();
    expect(await submitApplication(deps, association)).toEqual({ ok: false, reason: "forbidden" });
    expect(await recordInterview(deps, association, volunteerId, { outcome: "passed", notes })).toEqual({ ok: false, reason: "forbidden" });
    expect(await sendMessage(deps, association, volunteerId, { body: "hej" })).toEqual({ ok: false, reason: "forbidden" });
    expect(await getVolunteerForCoordinator(deps, association, volunteerId)).toBeNull();
    expect(await listPipeline(database.db, association, {})).toBeNull();
    expect(await updatePolicy(database.db, association, "business", { requiredSteps: [], referencesRequired: 0, attestRenewalMonths: 1 })).toEqual({
      ok: false,
      reason: "forbidden",
    });
  });

  it("keeps one application per user in the database", async () => {
    const { user } = await createApplicant(database.db);
    await expect(database.db.insert(volunteers).values({ userId: user.id, kind: "business" })).rejects.toThrow();
    const [row] = await database.db.select({ id: users.id }).from(users).where(eq(users.id, user.id));
    expect(row).toBeDefined();
  });
});

describe("concurrency", () => {
  it.runIf(process.env.TEST_DATABASE_URL || process.env.DATABASE_URL)(
    "two coordinators approving the same volunteer at once: exactly one succeeds",
    async () => {
      const { volunteerId } = await createSubmittedVolunteer(deps);
      await vetFully(volunteerId);
      const second = createUser(database.db, { role: "coordinator" });
      const other = actorOf(await second);
      // Separate pools, so the two transactions really run side by side.
      const handleA = openPostgres(database.url!, { max: 2 });
      const handleB = openPostgres(database.url!, { max: 2 });
      try {
        const results = await Promise.all([
          approve({ ...deps, db: handleA.db }, approver, volunteerId, { today }),
          approve({ ...deps, db: handleB.db }, other, volunteerId, { today }),
        ]);
        expect(results.filter((result) => result.ok)).toHaveLength(1);
        expect(results.filter((result) => !result.ok)).toEqual([{ ok: false, reason: "illegal_state" }]);
        const approvals = await database.db
          .select()
          .from(auditEvents)
          .where(and(eq(auditEvents.action, "vetting.approved"), eq(auditEvents.subjectId, volunteerId)));
        expect(approvals).toHaveLength(1);
      } finally {
        await Promise.all([handleA.close(), handleB.close()]);
      }
    },
  );
});

