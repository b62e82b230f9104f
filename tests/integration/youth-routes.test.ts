import { and, count, desc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "#db/client.server";
import { auditEvents, pairings, youths } from "#db/schema";
import { generateEncryptionKey } from "~/modules/crypto/encryption.server";
import { answerProposal, propose } from "~/modules/pairings/pairings.server";
import { createYouth, listYouths, markReady } from "~/modules/youths/records.server";
import { action as youthAction, loader as youthLoader } from "~/routes/coordinator.youths.$youthId";
import { action as matchAction, loader as matchLoader } from "~/routes/coordinator.youths.$youthId_.match";
import { loader as listLoader } from "~/routes/coordinator.youths._index";
import { action as newAction, loader as newLoader } from "~/routes/coordinator.youths.new";
import { actorOf, createApprovedMentor } from "../factories/volunteers";
import { youthSpec } from "../factories/youths";
import { createTestContext } from "../helpers/context";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { formRequest as post, loaded, outcome, requestRunner } from "../helpers/routes";
import { loggedInUser, request } from "../helpers/sessions";

let database: TestDatabase;
let run: ReturnType<typeof requestRunner>;
let deps: ReturnType<typeof createTestContext> & { key: ReturnType<typeof generateEncryptionKey> };
let coordinator: Awaited<ReturnType<typeof loggedInUser>>;
let volunteer: Awaited<ReturnType<typeof loggedInUser>>;
let association: Awaited<ReturnType<typeof loggedInUser>>;

beforeAll(async () => {
  database = await createTestDatabase();
  const key = generateEncryptionKey();
  // A context per request, as the server makes one, all with the key the records are encrypted with.
  const context = () => createTestContext(database.handle, { encryptionKey: key });
  run = requestRunner(context);
  deps = { ...context(), key };
  coordinator = await loggedInUser(database.db, { role: "coordinator", name: "Karin Koordinator" });
  volunteer = await loggedInUser(database.db, { role: "volunteer" });
  association = await loggedInUser(database.db, { role: "association" });
});
afterAll(() => database.close());

const day = 24 * 60 * 60 * 1000;
const me = () => actorOf(coordinator.user);

async function youth(overrides: Parameters<typeof youthSpec>[0] = {}, ready?: { daysAgo: number }) {
  const created = await createYouth(deps, me(), youthSpec(overrides));
  if (!created.ok) throw new Error(`setup: ${created.reason}`);
  if (ready) await markReady(deps, me(), created.youthId, { now: new Date(Date.now() - ready.daysAgo * day) });
  return created.youthId;
}

/** A mentor who fits the standard youth (Grindsted, sport and music, Tuesday and Thursday evenings). */
function goodMentor(capacity = 1, name = "Henrik Poulsen") {
  return createApprovedMentor(deps, {
    user: { name },
    overrides: {
      interests: { interests: ["sport", "music"], languages: ["da"] },
      availability: { town: "Grindsted", slots: ["tue:evening", "thu:evening"], afterHoursReachable: true },
      preferences: { capacity, ageMin: 16, ageMax: 25, genderPreference: "any", ownGender: "male" },
    },
  });
}

async function youthCount() {
  const [row] = await database.db.select({ value: count() }).from(youths);
  return Number(row?.value ?? 0);
}

async function youthRow(youthId: string) {
  const [row] = await database.db.select().from(youths).where(eq(youths.id, youthId));
  return row!;
}

const page = (youthId: string) => `/coordinator/youths/${youthId}`;
const postYouth = (youthId: string, fields: Record<string, string | string[]>) => run(youthAction, post(page(youthId), coordinator.cookie, fields), { youthId });

/** The intake form as a coordinator fills it in. */
const intake = {
  intent: "youth",
  firstName: "Amira",
  lastName: "Haddad",
  birthYear: "2005",
  gender: "female",
  town: "other",
  townOther: "Give",
  phone: "20 11 22 33",
  email: "",
  referralSource: "job_centre",
  responsibleCoordinatorId: "",
  consentDate: "3.2.2026",
  consentScope: "Registrering og deling af resuméet med en mentor.",
  interests: ["music", "art"],
  goals: ["education", "social"],
  goalsOwnWords: "Vil gerne på HF.",
  languages: ["ar", "da"],
  otherLanguages: "kurdisk",
  availability: ["mon:evening", "weekend:daytime"],
  afterHoursSupport: "yes",
  preferredMentorGender: "female",
  preferredMentorKind: "civil_society",
  sharedSummary: "Amira vil gerne have hjælp til at søge ind på HF.",
  notesDiagnoses: "Angst",
  notesSubstanceUse: "",
  notesOther: "",
};

describe("the youth list", () => {
  it("filters as the module does, in the URL, and audits the search with its terms", async () => {
    const waiting = await youth({ firstName: "Listeung", lastName: "Venter", afterHoursSupport: true, responsibleCoordinatorId: coordinator.user.id }, { daysAgo: 40 });
    const fresh = await youth({ firstName: "Listeung", lastName: "Ny", afterHoursSupport: false }, { daysAgo: 2 });
    const inIntake = await youth({ firstName: "Listeung", lastName: "Indskrevet" });

    const ids = async (search: string) => {
      const data = await loaded(await run(listLoader, request(`/coordinator/youths?${search}`, { cookie: coordinator.cookie })));
      return data.rows.map((row) => row.id);
    };
    expect(await ids("q=listeung")).toEqual(expect.arrayContaining([waiting, fresh, inIntake]));
    expect(await ids("q=listeung&status=intake")).toEqual([inIntake]);
    expect(await ids("q=listeung&waitingDays=30")).toEqual([waiting]);
    expect(await ids("q=listeung&afterHours=1&status=ready")).toEqual([waiting]);
    expect(await ids(`q=listeung&coordinator=${coordinator.user.id}`)).toEqual([waiting]);
    expect(await ids("q=listeung&coordinator=none&sort=name&dir=asc")).toEqual([inIntake, fresh]);

    // The same filter through the module gives the same rows: the page adds nothing of its own.
    const direct = await listYouths(database.db, me(), { q: "listeung", status: "ready" });
    expect(await ids("q=listeung&status=ready")).toEqual(direct?.rows.map((row) => row.id));

    const data = await loaded(await run(listLoader, request("/coordinator/youths?q=venter", { cookie: coordinator.cookie })));
    expect(data.rows).toEqual([expect.objectContaining({ id: waiting, age: new Date().getUTCFullYear() - 2006, daysWaiting: expect.any(Number) })]);
    expect(data.rows[0]!.daysWaiting).toBeGreaterThanOrEqual(39);

    const [search] = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "youth.searched"), eq(auditEvents.actorId, coordinator.user.id)))
      .orderBy(desc(auditEvents.id))
      .limit(1);
    expect(search?.details).toMatchObject({ q: "venter" });
  });

  it("is refused to volunteers and associations", async () => {
    for (const outsider of [volunteer, association]) {
      const result = await run(listLoader, request("/coordinator/youths", { cookie: outsider.cookie }));
      expect((result as Response).status).toBe(403);
    }
  });
});

describe("the intake", () => {
  it("offers the staff as responsible coordinators, the coordinator preselected", async () => {
    const data = await loaded(await run(newLoader, request("/coordinator/youths/new", { cookie: coordinator.cookie })));
    expect(data.staff.map((person) => person.id)).toContain(coordinator.user.id);
    expect(data.values).toMatchObject({ responsibleCoordinatorId: coordinator.user.id, gender: "unspecified", preferredMentorGender: "any" });
  });

  it("refuses bad input field by field in catalogue keys, keeps what was typed and saves nothing", async () => {
    const before = await youthCount();
    const result = outcome(
      await run(
        newAction,
        post("/coordinator/youths/new", coordinator.cookie, {
          ...intake,
          firstName: " ",
          birthYear: "06",
          townOther: "",
          phone: "12",
          referralSource: "",
          consentDate: "31.2.2026",
          goals: [],
          languages: [],
          otherLanguages: "",
        }),
      ),
    );
    expect(result.status).toBe(400);
    expect(result.data).toMatchObject({
      form: {
        key: "youth",
        errors: {
          firstName: "youths.errors.firstName",
          birthYear: "youths.errors.birthYear",
          townOther: "youths.errors.townOther",
          phone: "youths.errors.phone",
          referralSource: "youths.errors.referralSource",
          consentDate: "youths.errors.consentDate",
          goals: "youths.errors.goals",
          languages: "youths.errors.languages",
        },
        values: { lastName: "Haddad", birthYear: "06", interests: "music,art", notesDiagnoses: "Angst" },
      },
    });
    expect(await youthCount()).toBe(before);
  });

  it("creates the record in intake with the written town and languages and encrypted notes, and goes to its page", async () => {
    const result = outcome(await run(newAction, post("/coordinator/youths/new", coordinator.cookie, intake)));
    expect(result.status).toBe(302);
    expect(result.cookie).toContain("youths.form.created");
    const youthId = result.location?.replace("/coordinator/youths/", "") ?? "";
    expect(await youthRow(youthId)).toMatchObject({
      status: "intake",
      town: "Give",
      birthYear: 2005,
      phone: "20 11 22 33",
      email: null,
      consentDate: "2026-02-03",
      consentRecordedBy: coordinator.user.id,
      responsibleCoordinatorId: null,
      languages: ["ar", "da", "kurdisk"],
      availability: ["mon:evening", "weekend:daytime"],
      afterHoursSupport: true,
      preferredMentorKind: "civil_society",
    });
    const raw = rowsOf<{ notes: string }>(await database.db.execute(sql`select sensitive_notes_encrypted as notes from youths where id = ${youthId}`));
    expect(raw[0]?.notes).not.toContain("Angst");
  });
});

describe("a youth's page", () => {
  it("shows the record with the decrypted notes to a coordinator, audits the view, and 404s an unknown id", async () => {
    const youthId = await youth({ sensitiveNotes: { diagnoses: "ADHD", substanceUse: "Hash", other: "" } });
    const data = await loaded(await run(youthLoader, request(page(youthId), { cookie: coordinator.cookie }), { youthId }));
    expect(data.record.youth.sensitiveNotes).toEqual({ diagnoses: "ADHD", substanceUse: "Hash", other: "" });
    expect(data.record.timeline.map((event) => event.action)).toEqual(["youth.created"]);
    expect(data.pairing).toBeNull();
    const views = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "youth.viewed"), eq(auditEvents.subjectId, youthId)));
    expect(views.map((view) => view.actorId)).toEqual([coordinator.user.id]);

    const unknown = await run(youthLoader, request(page("x"), { cookie: coordinator.cookie }), { youthId: "00000000-0000-4000-8000-000000000000" });
    expect((unknown as Response).status).toBe(404);
    for (const outsider of [volunteer, association]) {
      const refused = await run(youthLoader, request(page(youthId), { cookie: outsider.cookie }), { youthId });
      expect((refused as Response).status).toBe(403);
    }
  });

  it("saves an edit, names the changed fields on the timeline, and refuses a bad one without changing anything", async () => {
    const youthId = await youth();
    const bad = outcome(await postYouth(youthId, { ...intake, birthYear: "1850" }));
    expect(bad).toMatchObject({ status: 400, data: { form: { key: "youth", errors: { birthYear: "youths.errors.birthYear" } } } });
    expect((await youthRow(youthId)).firstName).toBe("Sara");

    const saved = outcome(await postYouth(youthId, intake));
    expect(saved).toMatchObject({ status: 302, location: page(youthId) });
    expect(saved.cookie).toContain("youths.form.saved");
    expect(await youthRow(youthId)).toMatchObject({ firstName: "Amira", town: "Give" });
    const data = await loaded(await run(youthLoader, request(page(youthId), { cookie: coordinator.cookie }), { youthId }));
    const update = data.record.timeline.find((event) => event.action === "youth.updated");
    expect((update?.details as { fields: string[] }).fields).toEqual(expect.arrayContaining(["firstName", "town", "sensitiveNotes"]));
  });

  it("marks the youth ready, and says so when it already is", async () => {
    const youthId = await youth();
    const ready = outcome(await postYouth(youthId, { intent: "ready" }));
    expect(ready).toMatchObject({ status: 302, location: page(youthId) });
    expect(await youthRow(youthId)).toMatchObject({ status: "ready", readySince: expect.any(Date) });
    const again = outcome(await postYouth(youthId, { intent: "ready" }));
    expect(again).toMatchObject({ status: 409, data: { problem: "youths.record.problems.illegal_state" } });
  });

  it("closes the course with an outcome only after asking, and not while a proposal is open", async () => {
    const youthId = await youth({}, { daysAgo: 3 });
    const missing = outcome(await postYouth(youthId, { intent: "close", outcome: "" }));
    expect(missing).toMatchObject({ status: 400, data: { form: { key: "close", errors: { outcome: "youths.errors.outcome" } } } });

    const mentor = await goodMentor();
    const proposal = await propose(deps, me(), youthId, mentor.volunteerId, {});
    if (!proposal.ok) throw new Error("setup");
    const blocked = outcome(await postYouth(youthId, { intent: "close", outcome: "flex_job", confirmed: "yes" }));
    expect(blocked).toMatchObject({ status: 409, data: { problem: "youths.record.problems.open_pairing" } });

    // Withdrawing is asked about first too; then the course can close.
    const asked = outcome(await postYouth(youthId, { intent: "withdraw", pairingId: proposal.pairingId }));
    expect(asked).toMatchObject({ status: 200, data: { confirm: { intent: "withdraw" } } });
    const withdrawn = outcome(await postYouth(youthId, { intent: "withdraw", pairingId: proposal.pairingId, confirmed: "yes" }));
    expect(withdrawn).toMatchObject({ status: 302, location: page(youthId) });
    const [row] = await database.db.select({ status: pairings.status }).from(pairings).where(eq(pairings.id, proposal.pairingId));
    expect(row?.status).toBe("withdrawn");

    const confirm = outcome(await postYouth(youthId, { intent: "close", outcome: "flex_job" }));
    expect(confirm).toMatchObject({ status: 200, data: { confirm: { intent: "close", outcome: "flex_job" } } });
    expect((await youthRow(youthId)).status).toBe("ready");
    const closed = outcome(await postYouth(youthId, { intent: "close", outcome: "flex_job", confirmed: "yes" }));
    expect(closed).toMatchObject({ status: 302, location: page(youthId) });
    expect(closed.cookie).toContain("youths.record.close.closed");
    expect(await youthRow(youthId)).toMatchObject({ status: "closed", outcome: "flex_job", closedAt: expect.any(Date) });
  });

  it("refuses to act on a pairing that is not the youth's own", async () => {
    const [mine, other] = [await youth({}, { daysAgo: 1 }), await youth({ firstName: "Anden" }, { daysAgo: 1 })];
    const mentor = await goodMentor(2);
    const proposal = await propose(deps, me(), other, mentor.volunteerId, {});
    if (!proposal.ok) throw new Error("setup");
    const result = outcome(await postYouth(mine, { intent: "withdraw", pairingId: proposal.pairingId, confirmed: "yes" }));
    expect(result.status).toBe(404);
    const [row] = await database.db.select({ status: pairings.status }).from(pairings).where(eq(pairings.id, proposal.pairingId));
    expect(row?.status).toBe("proposed");
  });
});

describe("matching and the start", () => {
  it("shows explained suggestions for a ready youth, and only what the page needs of a mentor", async () => {
    const youthId = await youth({}, { daysAgo: 5 });
    const mentor = await goodMentor();
    const data = await loaded(await run(matchLoader, request(`${page(youthId)}/match`, { cookie: coordinator.cookie }), { youthId }));
    const suggestion = data.suggestions.find((candidate) => candidate.volunteerId === mentor.volunteerId);
    expect(suggestion).toMatchObject({ name: "Henrik Poulsen", kind: "business", town: "Grindsted", free: 1, capacity: 1 });
    expect(suggestion?.reasons.map((reason) => reason.factor)).toEqual(expect.arrayContaining(["shared_interests", "same_town", "after_hours"]));
    expect(Object.keys(suggestion!).sort()).toEqual(["capacity", "free", "kind", "name", "reasons", "score", "town", "volunteerId"]);

    const filtered = await loaded(await run(matchLoader, request(`${page(youthId)}/match?kind=company&compare=${mentor.volunteerId},x`, { cookie: coordinator.cookie }), { youthId }));
    expect(filtered.filters.kind).toBe("company");
    expect(filtered.suggestions.map((candidate) => candidate.volunteerId)).not.toContain(mentor.volunteerId);
    expect(filtered.compare).toEqual([mentor.volunteerId]);

    const notReady = await youth();
    const none = await loaded(await run(matchLoader, request(`${page(notReady)}/match`, { cookie: coordinator.cookie }), { youthId: notReady }));
    expect(none).toMatchObject({ youth: { status: "intake" }, suggestions: [] });
  });

  it("proposes from the match page with a note, and explains a refusal", async () => {
    const youthId = await youth({}, { daysAgo: 5 });
    const mentor = await goodMentor(1);
    const path = `${page(youthId)}/match`;
    const tooLong = outcome(await run(matchAction, post(path, coordinator.cookie, { intent: "propose", volunteerId: mentor.volunteerId, note: "x".repeat(2001) }), { youthId }));
    expect(tooLong).toMatchObject({ status: 400, data: { form: { key: `propose-${mentor.volunteerId}`, errors: { note: "youths.match.noteTooLong" } } } });

    const proposed = outcome(await run(matchAction, post(path, coordinator.cookie, { intent: "propose", volunteerId: mentor.volunteerId, note: "I deler interessen for musik." }), { youthId }));
    expect(proposed).toMatchObject({ status: 302, location: page(youthId) });
    expect(proposed.cookie).toContain("youths.match.proposed");
    const [pairing] = await database.db.select().from(pairings).where(eq(pairings.youthId, youthId));
    expect(pairing).toMatchObject({ status: "proposed", volunteerId: mentor.volunteerId, coordinatorNote: "I deler interessen for musik.", proposedBy: coordinator.user.id });

    const again = outcome(await run(matchAction, post(path, coordinator.cookie, { intent: "propose", volunteerId: mentor.volunteerId }), { youthId }));
    expect(again).toMatchObject({ status: 409, data: { problem: { key: "youths.match.problems.youth_has_pairing", volunteerId: mentor.volunteerId } } });

    // The mentor's one place is taken now: another youth cannot have them.
    const other = await youth({ firstName: "Ali" }, { daysAgo: 1 });
    const full = outcome(await run(matchAction, post(`${page(other)}/match`, coordinator.cookie, { intent: "propose", volunteerId: mentor.volunteerId }), { youthId: other }));
    expect(full).toMatchObject({ status: 409, data: { problem: { key: "youths.match.problems.mentor_full" } } });

    const page2 = await loaded(await run(youthLoader, request(page(youthId), { cookie: coordinator.cookie }), { youthId }));
    expect(page2.pairing).toMatchObject({ status: "proposed", mentorName: "Henrik Poulsen", proposedByName: "Karin Koordinator" });
  });

  it("takes the kick-off and the agreement once the mentor said yes, in Copenhagen time, refusing bad input", async () => {
    const youthId = await youth({}, { daysAgo: 5 });
    const mentor = await goodMentor();
    const proposal = await propose(deps, me(), youthId, mentor.volunteerId, {});
    if (!proposal.ok) throw new Error("setup");
    const agreement = {
      intent: "agreement",
      pairingId: proposal.pairingId,
      kickoffDate: "2026-03-10",
      kickoffTime: "16.00",
      meetingFrequency: "Hver tirsdag",
      durationMonths: "6",
      contactArrangement: "SMS og telefon",
      afterHoursArrangement: "Sara må ringe til kl. 21",
    };
    const early = outcome(await postYouth(youthId, agreement));
    expect(early).toMatchObject({ status: 409, data: { problem: "youths.record.problems.agreement" } });

    expect(await answerProposal(deps, mentor.actor, proposal.pairingId, { accept: true })).toEqual({ ok: true });
    const bad = outcome(await postYouth(youthId, { ...agreement, kickoffDate: "", kickoffTime: "25:00", durationMonths: "40", afterHoursArrangement: " " }));
    expect(bad).toMatchObject({
      status: 400,
      data: {
        form: {
          key: "agreement",
          errors: { kickoffDate: "youths.agreement.errors.kickoffDate", durationMonths: "pairings.errors.duration", afterHoursArrangement: "youths.agreement.errors.afterHoursArrangement" },
          values: { meetingFrequency: "Hver tirsdag" },
        },
      },
    });
    const badTime = outcome(await postYouth(youthId, { ...agreement, kickoffTime: "kl. fire" }));
    expect(badTime).toMatchObject({ status: 400, data: { form: { errors: { kickoffTime: "pairings.errors.kickoff" } } } });
    const [untouched] = await database.db.select().from(pairings).where(eq(pairings.id, proposal.pairingId));
    expect(untouched?.agreementSetAt).toBeNull();

    const saved = outcome(await postYouth(youthId, agreement));
    expect(saved).toMatchObject({ status: 302, location: page(youthId) });
    const [row] = await database.db.select().from(pairings).where(eq(pairings.id, proposal.pairingId));
    expect(row).toMatchObject({
      status: "accepted",
      kickoffAt: new Date("2026-03-10T15:00:00Z"),
      meetingFrequency: "Hver tirsdag",
      durationMonths: 6,
      agreementSetAt: expect.any(Date),
    });
    const data = await loaded(await run(youthLoader, request(page(youthId), { cookie: coordinator.cookie }), { youthId }));
    expect(data.record.timeline.map((event) => event.action)).toEqual(expect.arrayContaining(["pairing.proposed", "pairing.accepted", "pairing.agreement_set"]));
  });
});
