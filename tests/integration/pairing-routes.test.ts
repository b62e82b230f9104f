import type { AppLoadContext } from "@remix-run/node";
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, pairingContacts, pairingHelpRequests, pairings, volunteers, youths, type User } from "#db/schema";
import { sessionCookieName } from "~/modules/auth/cookies.server";
import { createSession } from "~/modules/auth/session.server";
import { closePairing } from "~/modules/pairings/follow-up.server";
import { propose, setAgreement } from "~/modules/pairings/pairings.server";
import type { Actor } from "~/modules/pairings/types";
import { addDays, copenhagenToday } from "~/modules/volunteers/dates";
import { createYouth, markReady } from "~/modules/youths/records.server";
import { loader as listLoader } from "~/routes/pairings._index";
import { action as pairingAction, loader as pairingLoader, type PairingActionResult } from "~/routes/pairings.$pairingId";
import { createActivePairing } from "../factories/pairings";
import { createUser } from "../factories/users";
import { actorOf, createApprovedMentor } from "../factories/volunteers";
import { youthSpec } from "../factories/youths";
import { createTestContext, queuedJobs } from "../helpers/context";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { formRequest, loaded, outcome, requestRunner } from "../helpers/routes";
import { loggedInUser, request } from "../helpers/sessions";

let database: TestDatabase;
let context: AppLoadContext;
let coordinatorUser: User;
let coordinator: Actor;

beforeAll(async () => {
  database = await createTestDatabase();
  context = createTestContext(database.handle);
  coordinatorUser = await createUser(database.db, { role: "coordinator" });
  coordinator = actorOf(coordinatorUser);
});
afterAll(() => database.close());

// A context of its own per request, as the server makes one: the session is looked up once per context.
const run = requestRunner(() => ({ ...context }));

const list = async (cookie: string) => loaded(await run(listLoader, request("/pairings", { cookie })));
const page = (pairingId: string, cookie: string, search = "") => run(pairingLoader, request(`/pairings/${pairingId}${search}`, { cookie }), { pairingId });
const post = async (pairingId: string, cookie: string, form: Record<string, string>) =>
  outcome(await run(pairingAction, formRequest(`/pairings/${pairingId}`, cookie, form), { pairingId }));
/** What the page gets back from a refused or failed answer. */
const answerOf = (result: { data: unknown }) => result.data as PairingActionResult;

const deps = () => ({ db: database.db, jobs: context.jobs, env: context.env, key: context.encryptionKey });

/** An approved mentor who fits the standard youth (Grindsted, sport, evenings), logged in. */
async function mentor() {
  const created = await createApprovedMentor(deps(), {
    overrides: {
      interests: { interests: ["sport", "music"], languages: ["da"] },
      availability: { town: "Grindsted", slots: ["tue:evening", "thu:evening"], afterHoursReachable: true },
      preferences: { capacity: 2, ageMin: 16, ageMax: 30, genderPreference: "any", ownGender: "female" },
    },
  });
  const { token } = await createSession(database.db, created.user);
  return { ...created, cookie: `${sessionCookieName(context.env)}=${token}` };
}

/** A youth ready for matching, proposed to the mentor with a note. */
async function proposal(to: { volunteerId: string }, note = "Jeg tror, I vil passe godt sammen.") {
  const created = await createYouth(deps(), coordinator, youthSpec({ email: "sara.nielsen@example.test" }));
  if (!created.ok) throw new Error(`setup: ${created.reason}`);
  await markReady(deps(), coordinator, created.youthId);
  const proposed = await propose(deps(), coordinator, created.youthId, to.volunteerId, { note });
  if (!proposed.ok) throw new Error(`setup: ${proposed.reason}`);
  return { youthId: created.youthId, pairingId: proposed.pairingId };
}

async function pairingRow(pairingId: string) {
  const [row] = await database.db.select().from(pairings).where(eq(pairings.id, pairingId));
  return row!;
}

/** The contact form as a mentor fills it in. */
const contactForm = (date: string, time: string, overrides: Record<string, string> = {}) => ({
  date,
  time,
  durationMinutes: "45",
  channel: "meeting",
  note: "Vi gik en tur og talte om praktikken",
  ...overrides,
});

/** The latest weekday before today, on a Copenhagen clock: a day with working hours. */
function lastWeekday() {
  let day = addDays(copenhagenToday(), -1);
  while ([0, 6].includes(new Date(`${day}T12:00:00Z`).getUTCDay())) day = addDays(day, -1);
  return day;
}

/** An active pairing that began ten days ago, its mentor logged in. */
async function activePairing() {
  const started = new Date(Date.now() - 10 * 86_400_000);
  const created = await createActivePairing(deps(), coordinator, { startedAt: started });
  const { token } = await createSession(database.db, created.mentor.user);
  return { ...created, cookie: `${sessionCookieName(context.env)}=${token}` };
}

async function countOf(table: typeof pairingContacts | typeof pairingHelpRequests, pairingId: string) {
  const [row] = await database.db.select({ n: count() }).from(table).where(eq(table.pairingId, pairingId));
  return row?.n ?? 0;
}

const agreement = {
  kickoffAt: new Date("2027-03-10T16:00:00Z"),
  meetingFrequency: "Hver uge",
  durationMonths: 6,
  contactArrangement: "SMS og telefon",
  afterHoursArrangement: "Sara må skrive til kl. 21",
};

describe("the mentor's pairings", () => {
  it("lists the mentor's own proposals, running and ended pairings, and none of another mentor's", async () => {
    const me = await mentor();
    expect(await list(me.cookie)).toEqual({ proposals: [], running: [], ended: [] });

    const first = await proposal(me);
    const second = await proposal(me);
    expect(await post(second.pairingId, me.cookie, { intent: "accept" })).toMatchObject({ status: 302, location: `/pairings/${second.pairingId}` });
    const other = await mentor();
    await proposal(other);

    const mine = await list(me.cookie);
    expect(mine.proposals.map((row) => row.id)).toEqual([first.pairingId]);
    expect(mine.running.map((row) => [row.id, row.status])).toEqual([[second.pairingId, "accepted"]]);
    expect(mine.ended).toEqual([]);
    expect(mine.proposals[0]).toMatchObject({ youthFirstName: "Sara", youthAge: new Date().getUTCFullYear() - 2006 });
  });

  it("shows a proposal with only what the youth agreed to share, and audits the reading", async () => {
    const me = await mentor();
    const { pairingId } = await proposal(me);
    const shown = loaded(await page(pairingId, me.cookie));

    expect(shown.declining).toBe(false);
    expect(Object.keys(shown).sort()).toEqual(["declining", "followUp", "pairing", "tasks"]);
    // Nothing of the follow-up, nor the youth's volunteer tasks, before the pairing runs.
    expect(shown.tasks).toBeNull();
    expect(shown.followUp).toEqual({ contacts: null, helpRequests: null, exitNote: null });
    expect(Object.keys(shown.pairing).sort()).toEqual(
      ["agreement", "closedAt", "coordinatorName", "id", "proposedAt", "shared", "startedAt", "status", "youthAge", "youthFirstName"].sort(),
    );
    expect(shown.pairing).toMatchObject({
      status: "proposed",
      youthFirstName: "Sara",
      shared: { summary: youthSpec().sharedSummary, coordinatorNote: "Jeg tror, I vil passe godt sammen." },
      agreement: null,
    });
    // The data itself, not the page: nothing else of the youth's record leaves the server.
    const sent = JSON.stringify(shown);
    for (const secret of ["Nielsen", "+45 20 11 22 33", "sara.nielsen@example.test", "ADHD", "Grindsted", "job_centre", "Samtykke"]) {
      expect(sent, secret).not.toContain(secret);
    }

    const [viewed] = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "pairing.viewed"), eq(auditEvents.subjectId, pairingId)));
    expect(viewed).toMatchObject({ actorId: me.user.id, subjectType: "pairing" });

    expect(loaded(await page(pairingId, me.cookie, "?answer=no")).declining).toBe(true);
  });

  it("answers 404 to another mentor's loader and action, and changes nothing", async () => {
    const me = await mentor();
    const other = await mentor();
    const { pairingId } = await proposal(me);

    expect(outcome(await page(pairingId, other.cookie)).status).toBe(404);
    expect(outcome(await page("not-a-uuid", me.cookie)).status).toBe(404);
    const forms: Record<string, string>[] = [
      { intent: "accept" },
      { intent: "decline", reason: "Nej" },
      { intent: "confirm" },
      { intent: "contact", ...contactForm(addDays(copenhagenToday(), -1), "10:00") },
      { intent: "help", message: "Hjælp" },
      { intent: "exitNote", note: "Tak" },
    ];
    for (const form of forms) {
      expect((await post(pairingId, other.cookie, form)).status, form.intent).toBe(404);
    }
    expect((await pairingRow(pairingId)).status).toBe("proposed");
  });

  it("accepts a proposal, and then waits for the coordinator's agreement", async () => {
    const me = await mentor();
    const { pairingId } = await proposal(me);
    const accepted = await post(pairingId, me.cookie, { intent: "accept" });
    expect(accepted).toMatchObject({ status: 302, location: `/pairings/${pairingId}` });
    expect(accepted.cookie).toContain("pairings.toasts.accepted");
    expect((await pairingRow(pairingId)).status).toBe("accepted");

    const shown = loaded(await page(pairingId, me.cookie));
    expect(shown.pairing).toMatchObject({ status: "accepted", agreement: null });
    // From the yes the mentor can ask for help; contacts wait until the pairing has started.
    expect(shown.followUp).toEqual({ contacts: null, helpRequests: [], exitNote: null });
    // Answering twice is refused with a message, not an error page.
    const again = await post(pairingId, me.cookie, { intent: "accept" });
    expect(again.status).toBe(409);
    expect(answerOf(again).problem).toBe("pairings.problems.answer.illegal_state");
  });

  it("asks for a reason to decline, and with one declines and frees the mentor's place", async () => {
    const me = await mentor();
    const { pairingId } = await proposal(me);

    for (const reason of [undefined, "   "]) {
      const refused = await post(pairingId, me.cookie, reason === undefined ? { intent: "decline" } : { intent: "decline", reason });
      expect(refused.status).toBe(400);
      expect(answerOf(refused).failed).toMatchObject({ key: "decline", errors: { reason: "pairings.errors.declineReason" } });
    }
    const tooLong = answerOf(await post(pairingId, me.cookie, { intent: "decline", reason: "x".repeat(1001) })).failed;
    expect(tooLong?.errors).toEqual({ reason: "pairings.errors.declineReasonTooLong" });
    expect(tooLong?.values.reason).toHaveLength(1001);
    expect(await pairingRow(pairingId)).toMatchObject({ status: "proposed", declineReason: null });

    const declined = await post(pairingId, me.cookie, { intent: "decline", reason: " Jeg flytter til Aarhus i maj " });
    expect(declined).toMatchObject({ status: 302, location: "/pairings" });
    expect(declined.cookie).toContain("pairings.toasts.declined");
    expect(await pairingRow(pairingId)).toMatchObject({ status: "declined", declineReason: "Jeg flytter til Aarhus i maj" });
    const [volunteer] = await database.db.select({ open: volunteers.openPairings }).from(volunteers).where(eq(volunteers.id, me.volunteerId));
    expect(volunteer?.open).toBe(0);

    // A declined proposal no longer shows what the youth shared, and drops off the list.
    const shown = loaded(await page(pairingId, me.cookie));
    expect(shown.pairing).toMatchObject({ status: "declined", shared: null, agreement: null });
    expect(JSON.stringify(shown)).not.toContain("praktik");
    expect((await list(me.cookie)).proposals).toEqual([]);
  });

  it("confirms the agreement once the coordinator has set it, and the pairing is active", async () => {
    const me = await mentor();
    const { pairingId, youthId } = await proposal(me);
    expect((await post(pairingId, me.cookie, { intent: "accept" })).status).toBe(302);

    const early = await post(pairingId, me.cookie, { intent: "confirm" });
    expect(early.status).toBe(409);
    expect(answerOf(early).problem).toBe("pairings.problems.confirm.no_agreement");

    expect(await setAgreement(deps(), coordinator, pairingId, agreement)).toEqual({ ok: true });
    const waiting = loaded(await page(pairingId, me.cookie));
    expect(waiting.pairing.agreement).toEqual({ ...agreement, confirmedAt: null });

    const confirmed = await post(pairingId, me.cookie, { intent: "confirm" });
    expect(confirmed).toMatchObject({ status: 302, location: `/pairings/${pairingId}` });
    expect(confirmed.cookie).toContain("pairings.toasts.confirmed");
    expect(await pairingRow(pairingId)).toMatchObject({ status: "active" });
    const [youth] = await database.db.select({ status: youths.status }).from(youths).where(eq(youths.id, youthId));
    expect(youth?.status).toBe("matched");

    const active = loaded(await page(pairingId, me.cookie));
    expect(active.pairing).toMatchObject({ status: "active", shared: { summary: youthSpec().sharedSummary } });
    expect(active.pairing.agreement?.confirmedAt).toBeInstanceOf(Date);
    expect((await list(me.cookie)).running.map((row) => [row.id, row.status])).toEqual([[pairingId, "active"]]);

    expect(answerOf(await post(pairingId, me.cookie, { intent: "confirm" })).problem).toBe("pairings.problems.confirm.illegal_state");
  });

  it("answers a form it did not send with 400 and a message", async () => {
    const me = await mentor();
    const { pairingId } = await proposal(me);
    const answer = await post(pairingId, me.cookie, { intent: "close" });
    expect(answer.status).toBe(400);
    expect(answerOf(answer)).toEqual({ failed: null, problem: "pairings.problems.failed" });
  });
});

describe("following a running pairing up", () => {
  it("logs a contact at 19:30 as after-hours, says so, and lists it newest first", async () => {
    const { pairingId, cookie } = await activePairing();
    const yesterday = addDays(copenhagenToday(), -1);
    const evening = await post(pairingId, cookie, { intent: "contact", ...contactForm(yesterday, "19:30") });
    expect(evening).toMatchObject({ status: 302, location: `/pairings/${pairingId}#contacts` });
    expect(evening.cookie).toContain("pairings.toasts.contactLoggedAfterHours");

    const working = await post(pairingId, cookie, { intent: "contact", ...contactForm(lastWeekday(), "10:00", { channel: "phone", durationMinutes: "15", note: "" }) });
    expect(working.cookie).toContain("pairings.toasts.contactLogged;");

    const { followUp } = loaded(await page(pairingId, cookie));
    expect(followUp.contacts?.today).toBe(copenhagenToday());
    expect(followUp.contacts?.logged.map((contact) => [contact.channel, contact.durationMinutes, contact.afterHours, contact.note])).toEqual([
      ["meeting", 45, true, "Vi gik en tur og talte om praktikken"],
      ["phone", 15, false, ""],
    ]);
    const [newest] = followUp.contacts!.logged;
    expect(Object.keys(newest!).sort()).toEqual(["afterHours", "channel", "durationMinutes", "id", "note", "occurredAt"]);
  });

  it("answers a bad contact with 400 and the field's message, keeps what was typed, and stores nothing", async () => {
    const { pairingId, cookie } = await activePairing();
    const today = copenhagenToday();
    const cases: [Record<string, string>, Record<string, string>][] = [
      [contactForm(today, "08:00", { durationMinutes: "0" }), { durationMinutes: "pairings.errors.contactMinutes" }],
      [contactForm(today, "08:00", { channel: "pigeon" }), { channel: "pairings.errors.channel" }],
      [contactForm(today, ""), { time: "pairings.errors.contactWhen" }],
      [contactForm(addDays(today, 1), "08:00"), { date: "pairings.errors.contactInFuture" }],
      [contactForm(addDays(today, -20), "08:00"), { date: "pairings.errors.contactBeforeStart" }],
    ];
    for (const [form, errors] of cases) {
      const refused = await post(pairingId, cookie, { intent: "contact", ...form });
      expect(refused.status, JSON.stringify(errors)).toBe(400);
      expect(answerOf(refused).failed).toMatchObject({ key: "contact", errors, values: { date: form.date, durationMinutes: form.durationMinutes } });
    }
    // Words where a number belongs are refused on the field too.
    expect(answerOf(await post(pairingId, cookie, { intent: "contact", ...contactForm(today, "08:00", { durationMinutes: "en time" }) })).failed?.errors.durationMinutes).toBeDefined();
    expect(await countOf(pairingContacts, pairingId)).toBe(0);
  });

  it("answers another mentor with 404 and a coordinator or an association with 403, and stores nothing", async () => {
    const { pairingId } = await activePairing();
    const other = await mentor();
    const forms: Record<string, string>[] = [
      { intent: "contact", ...contactForm(addDays(copenhagenToday(), -1), "10:00") },
      { intent: "help", message: "Må jeg få hjælp?" },
    ];
    for (const form of forms) {
      expect((await post(pairingId, other.cookie, form)).status, form.intent).toBe(404);
      for (const role of ["coordinator", "association"] as const) {
        const { cookie } = await loggedInUser(database.db, { role });
        expect((await post(pairingId, cookie, form)).status, `${form.intent} as ${role}`).toBe(403);
      }
    }
    expect(outcome(await page(pairingId, other.cookie)).status).toBe(404);
    expect(await countOf(pairingContacts, pairingId)).toBe(0);
    expect(await countOf(pairingHelpRequests, pairingId)).toBe(0);
    expect((await pairingRow(pairingId)).helpRequestedAt).toBeNull();
  });

  it("sends a help request: the row, the flag on the pairing, an email to the coordinator, and the mentor sees it waiting", async () => {
    const { pairingId, cookie } = await activePairing();
    const empty = await post(pairingId, cookie, { intent: "help", message: "   " });
    expect(empty.status).toBe(400);
    expect(answerOf(empty).failed).toMatchObject({ key: "help", errors: { message: "pairings.errors.helpMessage" } });
    expect(await countOf(pairingHelpRequests, pairingId)).toBe(0);

    const sent = await post(pairingId, cookie, { intent: "help", message: " Hun svarer ikke på mine beskeder længere. " });
    expect(sent).toMatchObject({ status: 302, location: `/pairings/${pairingId}#help` });
    expect(sent.cookie).toContain("pairings.toasts.helpRequested");
    expect(await countOf(pairingHelpRequests, pairingId)).toBe(1);
    expect((await pairingRow(pairingId)).helpRequestedAt).toBeInstanceOf(Date);
    const emails = await queuedJobs<{ to: string; template: string }>(database.db, "email");
    expect(emails.some(({ data }) => data.to === coordinatorUser.email && data.template === "pairingHelpRequested")).toBe(true);

    const { followUp } = loaded(await page(pairingId, cookie));
    expect(followUp.helpRequests).toEqual([{ id: expect.any(String), message: "Hun svarer ikke på mine beskeder længere.", requestedAt: expect.any(Date), handledAt: null }]);
  });

  it("takes the mentor's exit note once, and only on an ended pairing", async () => {
    const { pairingId, cookie } = await activePairing();
    const early = await post(pairingId, cookie, { intent: "exitNote", note: "Det har været godt." });
    expect(early.status).toBe(409);
    expect(answerOf(early).problem).toBe("pairings.problems.exitNote.illegal_state");
    expect(loaded(await page(pairingId, cookie)).followUp.exitNote).toBeNull();

    expect(await closePairing(deps(), coordinator, pairingId, { kind: "planned", reason: "goal_reached", exitNote: "Målet er nået.", rematch: false })).toEqual({ ok: true });
    const closed = loaded(await page(pairingId, cookie));
    // An ended pairing offers the note and nothing else of the follow-up, and the coordinator's note stays with staff.
    expect(closed.followUp).toEqual({ contacts: null, helpRequests: null, exitNote: { text: null, writtenAt: null } });
    expect(JSON.stringify(closed)).not.toContain("Målet er nået");
    const contactAfterEnd = await post(pairingId, cookie, { intent: "contact", ...contactForm(copenhagenToday(), "00:00") });
    expect(contactAfterEnd.status).toBe(409);
    expect(answerOf(contactAfterEnd).problem).toBe("pairings.problems.contact.illegal_state");

    const empty = await post(pairingId, cookie, { intent: "exitNote", note: "" });
    expect(answerOf(empty).failed).toMatchObject({ key: "exitNote", errors: { note: "pairings.errors.exitNote" } });

    const written = await post(pairingId, cookie, { intent: "exitNote", note: "Det var en fornøjelse at følge hende." });
    expect(written).toMatchObject({ status: 302, location: `/pairings/${pairingId}#exit-note` });
    expect(written.cookie).toContain("pairings.toasts.exitNoteWritten");
    expect(loaded(await page(pairingId, cookie)).followUp.exitNote).toEqual({ text: "Det var en fornøjelse at følge hende.", writtenAt: expect.any(Date) });

    const again = await post(pairingId, cookie, { intent: "exitNote", note: "En gang til" });
    expect(again.status).toBe(409);
    expect(loaded(await page(pairingId, cookie)).followUp.exitNote?.text).toBe("Det var en fornøjelse at følge hende.");
  });

  it("sends nothing of the youth's record with the follow-up beyond first name, age and the shared summary", async () => {
    const { pairingId, cookie } = await activePairing();
    await post(pairingId, cookie, { intent: "contact", ...contactForm(addDays(copenhagenToday(), -1), "19:30") });
    await post(pairingId, cookie, { intent: "help", message: "Et spørgsmål om aftalen" });
    const shown = loaded(await page(pairingId, cookie));
    expect(Object.keys(shown).sort()).toEqual(["declining", "followUp", "pairing", "tasks"]);
    expect(shown.tasks).toEqual([]);
    expect(Object.keys(shown.followUp).sort()).toEqual(["contacts", "exitNote", "helpRequests"]);
    expect(shown.followUp.exitNote).toBeNull();
    expect(Object.keys(shown.followUp.contacts!).sort()).toEqual(["logged", "today"]);
    expect(Object.keys(shown.followUp.helpRequests![0]!).sort()).toEqual(["handledAt", "id", "message", "requestedAt"]);
    const sent = JSON.stringify(shown);
    for (const secret of ["Nielsen", "+45 20 11 22 33", "ADHD", "Grindsted", "job_centre", "Samtykke", "youthId", "responsibleCoordinator"]) {
      expect(sent, secret).not.toContain(secret);
    }
  });
});
