import type { AppLoadContext } from "@remix-run/node";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, pairings, volunteers, youths } from "#db/schema";
import { sessionCookieName } from "~/modules/auth/cookies.server";
import { createSession } from "~/modules/auth/session.server";
import { propose, setAgreement } from "~/modules/pairings/pairings.server";
import type { Actor } from "~/modules/pairings/types";
import { createYouth, markReady } from "~/modules/youths/records.server";
import { loader as listLoader } from "~/routes/pairings._index";
import { action as pairingAction, loader as pairingLoader, type PairingActionResult } from "~/routes/pairings.$pairingId";
import { createUser } from "../factories/users";
import { actorOf, createApprovedMentor } from "../factories/volunteers";
import { youthSpec } from "../factories/youths";
import { createTestContext } from "../helpers/context";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { formRequest, loaded, outcome, requestRunner } from "../helpers/routes";
import { request } from "../helpers/sessions";

let database: TestDatabase;
let context: AppLoadContext;
let coordinator: Actor;

beforeAll(async () => {
  database = await createTestDatabase();
  context = createTestContext(database.handle);
  coordinator = actorOf(await createUser(database.db, { role: "coordinator" }));
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
    const forms: Record<string, string>[] = [{ intent: "accept" }, { intent: "decline", reason: "Nej" }, { intent: "confirm" }];
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
      expect(answerOf(refused).errors).toEqual({ reason: "pairings.errors.declineReason" });
    }
    const tooLong = answerOf(await post(pairingId, me.cookie, { intent: "decline", reason: "x".repeat(1001) }));
    expect(tooLong.errors).toEqual({ reason: "pairings.errors.declineReasonTooLong" });
    expect(tooLong.values.reason).toHaveLength(1001);
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
    expect(answerOf(answer)).toEqual({ errors: null, values: {}, problem: "pairings.problems.failed" });
  });
});
