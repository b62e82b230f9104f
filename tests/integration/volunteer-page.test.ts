import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, vettingChecks, volunteerMessages, volunteers } from "#db/schema";
import { generateEncryptionKey } from "~/modules/crypto/encryption.server";
import type { VolunteerDeps } from "~/modules/volunteers/context.server";
import { sessionCookieName } from "~/modules/auth/cookies.server";
import { createSession } from "~/modules/auth/session.server";
import { loader as applicationLoader } from "~/routes/application";
import { action, loader } from "~/routes/coordinator.volunteers.$volunteerId";
import { createSubmittedVolunteer } from "../factories/volunteers";
import { createTestContext, queuedJobs, testEnv } from "../helpers/context";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { loggedInUser, request } from "../helpers/sessions";

let database: TestDatabase;
// A context per request, as the server makes one, all with the key the factories encrypt with.
let context: () => ReturnType<typeof createTestContext>;
let deps: VolunteerDeps;
let interviewer: Awaited<ReturnType<typeof loggedInUser>>;
let approver: Awaited<ReturnType<typeof loggedInUser>>;

beforeAll(async () => {
  database = await createTestDatabase();
  const key = generateEncryptionKey();
  context = () => createTestContext(database.handle, { encryptionKey: key });
  const { jobs, env } = context();
  deps = { db: database.db, jobs, env, key };
  interviewer = await loggedInUser(database.db, { role: "coordinator" });
  approver = await loggedInUser(database.db, { role: "coordinator" });
});
afterAll(() => database.close());

async function run<T>(handler: (args: never) => Promise<T>, req: Request, volunteerId: string): Promise<T | Response> {
  try {
    return await handler({ request: req, context: context(), params: { volunteerId } } as never);
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

function post(volunteerId: string, cookie: string, form: Record<string, string>) {
  return run(action, request(`/coordinator/volunteers/${volunteerId}`, { cookie, form }), volunteerId);
}

/** What an action returned as data (a failed form, a problem or a confirmation), or the redirect it sent. */
async function outcome(result: unknown) {
  if (result instanceof Response) return { status: result.status, location: result.headers.get("Location") };
  const { data, init } = result as { data: unknown; init?: { status?: number } };
  return { status: init?.status ?? 200, data: data as Record<string, unknown> };
}

async function check(volunteerId: string, step: "interview" | "references" | "criminal_record" | "training") {
  const [row] = await database.db
    .select()
    .from(vettingChecks)
    .where(and(eq(vettingChecks.volunteerId, volunteerId), eq(vettingChecks.step, step)));
  return row!;
}

async function status(volunteerId: string) {
  const [row] = await database.db.select({ status: volunteers.status }).from(volunteers).where(eq(volunteers.id, volunteerId));
  return row?.status;
}

const interview = {
  intent: "interview",
  outcome: "passed",
  motivation: "Vil give noget videre",
  boundaries: "Kender tavshedspligten",
  availability: "To aftener om ugen",
  concerns: "Ingen",
};

describe("a volunteer's page for coordinators", () => {
  it("shows the record with decrypted notes, and audits the view", async () => {
    const { volunteerId } = await createSubmittedVolunteer(deps);
    expect(await outcome(await post(volunteerId, interviewer.cookie, interview))).toMatchObject({ status: 302 });

    const page = await run(loader, request(`/coordinator/volunteers/${volunteerId}`, { cookie: approver.cookie }), volunteerId);
    if (page instanceof Response) throw new Error(`unexpected response ${page.status}`);
    expect(page.record.checks.find((row) => row.step === "interview")?.interviewNotes).toMatchObject({ boundaries: "Kender tavshedspligten" });
    expect(page.record.names[interviewer.user.id]).toBe(interviewer.user.name);
    expect(page.record.timeline.map((event) => event.action)).toContain("vetting.interview_recorded");
    // Views are audited but are not changes: they stay out of the timeline.
    expect(page.record.timeline.map((event) => event.action)).not.toContain("vetting.viewed");
    const views = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "vetting.viewed"), eq(auditEvents.subjectId, volunteerId)));
    expect(views.map((v) => v.actorId)).toEqual([approver.user.id]);
  });

  it("answers 404 for an unknown id and for an application still in draft", async () => {
    const unknown = await run(loader, request("/coordinator/volunteers/x", { cookie: approver.cookie }), "00000000-0000-4000-8000-000000000000");
    expect((unknown as Response).status).toBe(404);
    const { volunteerId } = await createSubmittedVolunteer(deps);
    await database.db.update(volunteers).set({ status: "draft" }).where(eq(volunteers.id, volunteerId));
    const draft = await run(loader, request(`/coordinator/volunteers/${volunteerId}`, { cookie: approver.cookie }), volunteerId);
    expect((draft as Response).status).toBe(404);
  });

  it("refuses an interview without an outcome with a field error, and records nothing", async () => {
    const { volunteerId } = await createSubmittedVolunteer(deps);
    const result = await outcome(await post(volunteerId, interviewer.cookie, { ...interview, outcome: "" }));
    expect(result.status).toBe(400);
    expect(result.data).toMatchObject({
      form: { key: "interview", errors: { outcome: "vetting.record.interview.outcomeRequired" }, values: { motivation: "Vil give noget videre" } },
    });
    expect((await check(volunteerId, "interview")).state).toBe("pending");
    const events = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "vetting.interview_recorded"), eq(auditEvents.subjectId, volunteerId)));
    expect(events).toHaveLength(0);
  });

  it("records references and the attest, refusing a future assessment date", async () => {
    const { volunteerId } = await createSubmittedVolunteer(deps);
    const reference = await outcome(await post(volunteerId, interviewer.cookie, { intent: "reference", position: "1", outcome: "" }));
    expect(reference).toMatchObject({ status: 400, data: { form: { key: "reference-1", errors: { outcome: "vetting.record.references.outcomeRequired" } } } });
    const unknown = await outcome(await post(volunteerId, interviewer.cookie, { intent: "reference", position: "4", outcome: "positive" }));
    expect(unknown).toMatchObject({ status: 409, data: { problem: { key: "vetting.record.problems.unknown_reference" } } });

    for (const position of ["1", "2"]) {
      const saved = await outcome(await post(volunteerId, interviewer.cookie, { intent: "reference", position, outcome: "positive", note: "Solid" }));
      expect(saved).toMatchObject({ status: 302, location: `/coordinator/volunteers/${volunteerId}` });
    }
    expect((await check(volunteerId, "references")).state).toBe("passed");

    const future = await outcome(await post(volunteerId, interviewer.cookie, { intent: "attest", result: "ok", assessedOn: "2999-01-01" }));
    expect(future).toMatchObject({ status: 400, data: { form: { key: "attest", errors: { assessedOn: "vetting.record.attest.assessedOnInvalid" } } } });
    expect((await check(volunteerId, "criminal_record")).state).toBe("pending");

    const saved = await outcome(await post(volunteerId, interviewer.cookie, { intent: "attest", result: "ok", assessedOn: "2026-01-15" }));
    expect(saved.status).toBe(302);
    const attest = await check(volunteerId, "criminal_record");
    expect(attest).toMatchObject({ state: "passed", doneBy: interviewer.user.id, details: { attestResult: "ok", assessedOn: "2026-01-15", renewalDate: "2028-01-15" } });
  });

  it("approves only through a second coordinator once every step is done, and tells the volunteer", async () => {
    const { volunteerId, user } = await createSubmittedVolunteer(deps);
    const early = await outcome(await post(volunteerId, approver.cookie, { intent: "approve" }));
    expect(early).toMatchObject({ status: 409, data: { problem: { key: "vetting.record.problems.checks_incomplete" } } });
    expect((early.data?.problem as { missing: string[] }).missing).toEqual(expect.arrayContaining(["interview", "references", "criminal_record", "training"]));

    await post(volunteerId, interviewer.cookie, interview);
    await post(volunteerId, interviewer.cookie, { intent: "reference", position: "1", outcome: "positive" });
    await post(volunteerId, interviewer.cookie, { intent: "reference", position: "2", outcome: "positive" });
    await post(volunteerId, interviewer.cookie, { intent: "attest", result: "ok", assessedOn: "2026-01-15" });
    await post(volunteerId, interviewer.cookie, { intent: "training", passed: "yes", note: "Deltog i november" });
    expect((await check(volunteerId, "training")).state).toBe("passed");

    const ownInterview = await outcome(await post(volunteerId, interviewer.cookie, { intent: "approve" }));
    expect(ownInterview).toMatchObject({ status: 409, data: { problem: { key: "vetting.record.problems.four_eyes" } } });
    expect(await status(volunteerId)).toBe("submitted");

    const approved = await outcome(await post(volunteerId, approver.cookie, { intent: "approve" }));
    expect(approved.status).toBe(302);
    expect(await status(volunteerId)).toBe("approved");
    const emails = await queuedJobs<{ to: string; template: string }>(database.db, "email");
    expect(emails.some((job) => job.data.to === user.email && job.data.template === "volunteerApproved")).toBe(true);

    // An approved mentor is paused after a confirmation, and a second approval is refused, not repeated.
    const again = await outcome(await post(volunteerId, approver.cookie, { intent: "approve" }));
    expect(again).toMatchObject({ status: 409, data: { problem: { key: "vetting.record.problems.illegal_state" } } });
    const asking = await outcome(await post(volunteerId, approver.cookie, { intent: "pause" }));
    expect(asking).toMatchObject({ status: 200, data: { confirm: { intent: "pause" } } });
    expect(await status(volunteerId)).toBe("approved");
    await post(volunteerId, approver.cookie, { intent: "pause", confirmed: "yes" });
    expect(await status(volunteerId)).toBe("paused");
    await post(volunteerId, approver.cookie, { intent: "reactivate" });
    expect(await status(volunteerId)).toBe("approved");
  });

  it("asks before rejecting, then rejects with the reason and keeps the note from the volunteer's email", async () => {
    const { volunteerId, user } = await createSubmittedVolunteer(deps);
    const missingReason = await outcome(await post(volunteerId, approver.cookie, { intent: "reject", reason: "", note: "x" }));
    expect(missingReason).toMatchObject({ status: 400, data: { form: { key: "reject", errors: { reason: "vetting.record.rejectReasonRequired" } } } });

    const asking = await outcome(await post(volunteerId, approver.cookie, { intent: "reject", reason: "interview", note: "Urealistiske forventninger" }));
    expect(asking).toMatchObject({ status: 200, data: { confirm: { intent: "reject", reason: "interview", note: "Urealistiske forventninger" } } });
    expect(await status(volunteerId)).toBe("submitted");

    const done = await outcome(
      await post(volunteerId, approver.cookie, { intent: "reject", reason: "interview", note: "Urealistiske forventninger", confirmed: "yes" }),
    );
    expect(done.status).toBe(302);
    expect(await status(volunteerId)).toBe("rejected");
    const emails = await queuedJobs<{ to: string; template: string; props: Record<string, unknown> }>(database.db, "email");
    const rejection = emails.find((job) => job.data.to === user.email && job.data.template === "volunteerRejected");
    expect(rejection?.data.props).toMatchObject({ reason: "interview" });
    expect(JSON.stringify(rejection?.data)).not.toContain("Urealistiske");

    // The volunteer's own page names the reason's category, never the internal note.
    const { token } = await createSession(database.db, user);
    const mine = await run(applicationLoader, request("/application", { cookie: `${sessionCookieName(testEnv)}=${token}` }), volunteerId);
    if (mine instanceof Response) throw new Error(`unexpected response ${mine.status}`);
    expect(mine.application).toMatchObject({ status: "rejected", rejectionReason: "interview" });
    expect(JSON.stringify(mine)).not.toContain("Urealistiske");
  });

  it("sends a message, assigns a coordinator, and refuses an empty message or a non-staff assignee", async () => {
    const { volunteerId, user } = await createSubmittedVolunteer(deps);
    const empty = await outcome(await post(volunteerId, approver.cookie, { intent: "message", body: "  " }));
    expect(empty).toMatchObject({ status: 400, data: { form: { key: "message", errors: { body: "vetting.record.messages.bodyRequired" } } } });
    await post(volunteerId, approver.cookie, { intent: "message", body: "Husk at bestille straffeattesten på borger.dk" });
    const messages = await database.db.select().from(volunteerMessages).where(eq(volunteerMessages.volunteerId, volunteerId));
    expect(messages.map((message) => message.body)).toEqual(["Husk at bestille straffeattesten på borger.dk"]);

    const notStaff = await outcome(await post(volunteerId, approver.cookie, { intent: "assign", coordinator: user.id }));
    expect(notStaff).toMatchObject({ status: 409, data: { problem: { key: "vetting.record.problems.invalid_coordinator" } } });
    await post(volunteerId, approver.cookie, { intent: "assign", coordinator: interviewer.user.id });
    const [row] = await database.db.select({ responsible: volunteers.responsibleCoordinatorId }).from(volunteers).where(eq(volunteers.id, volunteerId));
    expect(row?.responsible).toBe(interviewer.user.id);
  });

  it("answers an unknown intent with 400 and changes nothing", async () => {
    const { volunteerId } = await createSubmittedVolunteer(deps);
    const result = await outcome(await post(volunteerId, approver.cookie, { intent: "delete" }));
    expect(result.status).toBe(400);
    expect(await status(volunteerId)).toBe("submitted");
  });
});
