import type { AppLoadContext } from "@remix-run/node";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { associationTasks, taskParticipations, type User } from "#db/schema";
import { translator, type MessageKey } from "~/i18n/catalogue";
import { proposeParticipation } from "~/modules/associations/participation.server";
import { sessionCookieName } from "~/modules/auth/cookies.server";
import { createSession } from "~/modules/auth/session.server";
import type { Actor } from "~/modules/pairings/types";
import { action as detailAction, loader as detailLoader, type AssociationActionResult } from "~/routes/association.proposals.$participationId";
import { loader as listLoader } from "~/routes/association.proposals._index";
import { action as youthAction, loader as youthLoader } from "~/routes/coordinator.youths.$youthId";
import { action as pairingAction, loader as pairingLoader } from "~/routes/pairings.$pairingId";
import { action as proposeAction, loader as proposeLoader, type ProposeActionResult } from "~/routes/tasks.$taskId_.propose";
import { createAssociation, createOpenTask } from "../factories/associations";
import { createActivePairing, createReadyYouth } from "../factories/pairings";
import { actorOf } from "../factories/volunteers";
import { createTestContext } from "../helpers/context";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { formRequest, loaded, outcome, requestRunner } from "../helpers/routes";
import { loggedInUser, request } from "../helpers/sessions";

let database: TestDatabase;
let context: AppLoadContext;
let coordinatorUser: User;
let coordinator: Actor;
let coordinatorCookie: string;

beforeAll(async () => {
  database = await createTestDatabase();
  context = createTestContext(database.handle);
  const logged = await loggedInUser(database.db, { role: "coordinator", name: "Karin Koordinator" });
  coordinatorUser = logged.user;
  coordinator = actorOf(coordinatorUser);
  coordinatorCookie = logged.cookie;
});
afterAll(() => database.close());

// A context of its own per request, as the server makes one; one encryption key for the records and the pages.
const run = requestRunner(() => ({ ...context }));
const deps = () => ({ db: database.db, jobs: context.jobs, env: context.env, key: context.encryptionKey });
const da = translator("da");

const proposePage = (taskId: string, cookie: string, search = "") => run(proposeLoader, request(`/tasks/${taskId}/propose${search}`, { cookie }), { taskId });
const propose = async (taskId: string, cookie: string, form: Record<string, string>) =>
  outcome(await run(proposeAction, formRequest(`/tasks/${taskId}/propose`, cookie, form), { taskId }));
const proposalPage = (participationId: string, cookie: string, search = "") =>
  run(detailLoader, request(`/association/proposals/${participationId}${search}`, { cookie }), { participationId });
const answer = async (participationId: string, cookie: string, form: Record<string, string>) =>
  outcome(await run(detailAction, formRequest(`/association/proposals/${participationId}`, cookie, form), { participationId }));

async function participationsOf(taskId: string) {
  return database.db.select().from(taskParticipations).where(eq(taskParticipations.taskId, taskId));
}

async function countParticipations() {
  const [row] = await database.db.select({ n: count() }).from(taskParticipations);
  return row?.n ?? 0;
}

async function sessionCookie(user: { id: string; role: User["role"] }) {
  const { token } = await createSession(database.db, user);
  return `${sessionCookieName(context.env)}=${token}`;
}

/** An approved association with an open task, and its contact person logged in. */
async function associationWithTask(overrides: Parameters<typeof createOpenTask>[2] = {}) {
  const association = await createAssociation(database.db);
  const task = await createOpenTask(database.db, association.associationId, overrides);
  return { ...association, task, cookie: await sessionCookie(association.user) };
}

const note = "Sara glæder sig til at hjælpe til og kommer gerne med sin mentor første gang.";

describe("proposing a youth for a task", () => {
  it("lets a coordinator search, pick a youth and send the proposal, prefilled with the coordinator as contact", async () => {
    const { task } = await associationWithTask();
    const youthId = await createReadyYouth(deps(), coordinator, { firstName: "Frida", lastName: "Søgaard" });

    const empty = loaded(await proposePage(task.id, coordinatorCookie));
    expect(empty.coordinator).toEqual({ youth: null, search: null });
    expect(empty.me).toEqual({ name: "Karin Koordinator", email: coordinatorUser.email });
    const searched = loaded(await proposePage(task.id, coordinatorCookie, "?q=frida s%C3%B8"));
    expect(searched.coordinator?.search?.rows).toEqual([expect.objectContaining({ id: youthId, name: "Frida Søgaard", status: "ready", blocked: null })]);
    const picked = loaded(await proposePage(task.id, coordinatorCookie, `?youth=${youthId}`));
    expect(picked.coordinator?.youth).toMatchObject({ id: youthId, firstName: "Frida", lastName: "Søgaard" });
    expect(picked.task).toMatchObject({ id: task.id, title: task.title, associationName: "Grindsted Idrætsforening" });

    const contactArrangement = da("participation.propose.viaCoordinator", { name: "Karin Koordinator", email: coordinatorUser.email });
    const sent = await propose(task.id, coordinatorCookie, { intent: "propose", youthId, note, contactArrangement });
    expect(sent.status).toBe(302);
    expect(sent.location).toBe(`/coordinator/youths/${youthId}#tasks`);
    expect(sent.cookie).toContain("participation.toasts.proposed");
    expect(await participationsOf(task.id)).toEqual([expect.objectContaining({ youthId, status: "proposed", note, contactArrangement, pairingId: null, proposedBy: coordinator.id })]);

    // The youth's page shows the proposal, waiting, with a withdraw that asks first.
    const page = loaded(await run(youthLoader, request(`/coordinator/youths/${youthId}`, { cookie: coordinatorCookie }), { youthId }));
    const [shown] = page.tasks.participations;
    expect(shown).toMatchObject({ taskTitle: task.title, status: "proposed", contactName: null });
    const withdraw = (fields: Record<string, string>) =>
      run(youthAction, formRequest(`/coordinator/youths/${youthId}`, coordinatorCookie, { intent: "withdrawParticipation", participationId: shown!.id, ...fields }), { youthId });
    expect(outcome(await withdraw({ confirmed: "" })).data).toMatchObject({ confirm: { intent: "withdrawParticipation", participationId: shown!.id } });
    expect((await participationsOf(task.id))[0]?.status).toBe("proposed");
    expect(outcome(await withdraw({ confirmed: "yes" })).location).toBe(`/coordinator/youths/${youthId}#tasks`);
    expect((await participationsOf(task.id))[0]?.status).toBe("withdrawn");
  });

  it("answers bad input with 400 and Danish field messages, and a refusal with a message on the page; nothing is saved", async () => {
    const { task } = await associationWithTask({ minimumAge: 18 });
    const youthId = await createReadyYouth(deps(), coordinator, { birthYear: new Date().getUTCFullYear() - 16 });
    const before = await countParticipations();

    const bad = await propose(task.id, coordinatorCookie, { intent: "propose", youthId, note: "  ", contactArrangement: "x".repeat(1001) });
    expect(bad.status).toBe(400);
    const { failed } = bad.data as ProposeActionResult;
    expect(failed?.errors).toEqual({ note: "participation.errors.note", contactArrangement: "participation.errors.contactArrangementTooLong" });
    expect(da(failed!.errors.note as MessageKey)).toBe("Skriv en kort besked til foreningen.");
    // What was typed comes back to the form.
    expect(failed?.values.contactArrangement).toHaveLength(1001);

    const tooYoung = await propose(task.id, coordinatorCookie, { intent: "propose", youthId, note, contactArrangement: "Gennem koordinatoren" });
    expect(tooYoung.status).toBe(409);
    expect((tooYoung.data as ProposeActionResult).problem).toBe("participation.problems.too_young");
    // The search shows the youth, but not as one to choose.
    const searched = loaded(await proposePage(task.id, coordinatorCookie, "?q=Sara"));
    expect(searched.coordinator?.search?.rows.find((row) => row.id === youthId)?.blocked).toBe("tooYoung");
    expect(await countParticipations()).toBe(before);
  });

  it("lets a mentor propose only the youth of their own active pairing", async () => {
    const { task } = await associationWithTask();
    const own = await createActivePairing(deps(), coordinator, { mentorName: "Mette Mentor", youth: { firstName: "Aya" } });
    const other = await createActivePairing(deps(), coordinator, { youth: { firstName: "Bo" } });
    const cookie = await sessionCookie(own.mentor.user);

    const page = loaded(await proposePage(task.id, cookie));
    expect(page.coordinator).toBeNull();
    expect(page.mentor?.youths).toEqual([{ pairingId: own.pairingId, youthId: own.youthId, youthFirstName: "Aya", youthAge: expect.any(Number) }]);
    expect(page.me.name).toBe("Mette Mentor");

    const before = await countParticipations();
    const stranger = await propose(task.id, cookie, { intent: "propose", youthId: other.youthId, note, contactArrangement: "Gennem mentor Mette" });
    expect(stranger.status).toBe(404);
    const none = await propose(task.id, cookie, { intent: "propose", note, contactArrangement: "Gennem mentor Mette" });
    expect(none.status).toBe(400);
    expect((none.data as ProposeActionResult).failed?.errors).toEqual({ youthId: "participation.errors.youth" });
    expect(await countParticipations()).toBe(before);

    const sent = await propose(task.id, cookie, { intent: "propose", youthId: own.youthId, note, contactArrangement: "Kontakt går gennem mentor Mette Mentor" });
    expect(sent.location).toBe(`/pairings/${own.pairingId}#tasks`);
    expect(await participationsOf(task.id)).toEqual([expect.objectContaining({ youthId: own.youthId, pairingId: own.pairingId })]);

    // The pairing page follows it.
    const pairingPage = loaded(await run(pairingLoader, request(`/pairings/${own.pairingId}`, { cookie }), { pairingId: own.pairingId }));
    expect(pairingPage.tasks).toEqual([expect.objectContaining({ taskTitle: task.title, status: "proposed" })]);

    // The mentor takes it back from the pairing page: asked first, and only a proposal this pairing shows.
    const participationId = pairingPage.tasks![0]!.id;
    const withdraw = (pairingId: string, fields: Record<string, string>) =>
      run(pairingAction, formRequest(`/pairings/${pairingId}`, cookie, { intent: "withdrawParticipation", participationId, ...fields }), { pairingId });
    const asked = outcome(await withdraw(own.pairingId, {}));
    expect(asked).toMatchObject({ status: 200, data: { confirmWithdraw: participationId } });
    expect(await participationsOf(task.id)).toEqual([expect.objectContaining({ status: "proposed" })]);
    const elsewhere = await createActivePairing(deps(), coordinator, { youth: { firstName: "Cai" } });
    expect(outcome(await withdraw(elsewhere.pairingId, { confirmed: "yes" })).status).toBe(404);
    const done = outcome(await withdraw(own.pairingId, { confirmed: "yes" }));
    expect(done).toMatchObject({ status: 302, location: `/pairings/${own.pairingId}#tasks` });
    expect(await participationsOf(task.id)).toEqual([expect.objectContaining({ status: "withdrawn" })]);
  });

  it("is not for a volunteer who is no mentor, nor for an association; and a task that takes no proposals does not exist", async () => {
    const { task, cookie: associationCookie } = await associationWithTask();
    const { task: draft } = await associationWithTask({ status: "draft" });
    const volunteer = await loggedInUser(database.db, { role: "volunteer" });
    for (const cookie of [volunteer.cookie, associationCookie]) {
      expect(((await proposePage(task.id, cookie)) as Response).status).toBe(403);
      expect((await propose(task.id, cookie, { intent: "propose", youthId: crypto.randomUUID(), note, contactArrangement: "x" })).status).toBe(403);
    }
    expect(((await proposePage(draft.id, coordinatorCookie)) as Response).status).toBe(404);
    expect(((await proposePage("not-a-uuid", coordinatorCookie)) as Response).status).toBe(404);
  });
});

describe("the association's side", () => {
  async function proposed(overrides: Parameters<typeof createOpenTask>[2] = {}) {
    const association = await associationWithTask(overrides);
    const youthId = await createReadyYouth(deps(), coordinator, { firstName: "Sara", lastName: "Nielsen", phone: "+45 20 11 22 33" });
    const result = await proposeParticipation(deps(), coordinator, association.task.id, youthId, { note, contactArrangement: "Kontakt går gennem koordinator Karin, tlf. 76 50 00 00" });
    if (!result.ok) throw new Error(result.reason);
    return { ...association, youthId, participationId: result.participationId };
  }

  it("shows the first name, age and note, and the contact arrangement only after a yes; the yes takes a place", async () => {
    const { cookie, task, participationId } = await proposed({ places: 2 });

    const list = loaded(await run(listLoader, request("/association/proposals", { cookie })));
    expect(list.waiting.map((row) => row.id)).toEqual([participationId]);
    expect(list.active).toEqual([]);

    const before = loaded(await proposalPage(participationId, cookie));
    const keys = ["confirmedMinutes", "contactArrangement", "declineReason", "id", "note", "proposedAt", "proposedByName", "proposerRole", "status", "taskId", "taskTitle", "youthAge", "youthFirstName"];
    expect(Object.keys(before.participation).sort()).toEqual(keys);
    expect(before.participation).toMatchObject({ youthFirstName: "Sara", note, contactArrangement: null, proposedByName: "Karin Koordinator", proposerRole: "coordinator" });
    // Nothing else of the youth's record reaches the page.
    const serialised = JSON.stringify(before);
    for (const secret of ["Nielsen", "+45 20 11 22 33", "ADHD", "Grindsted", "2006"]) expect(serialised).not.toContain(secret);

    const accepted = await answer(participationId, cookie, { intent: "accept" });
    expect(accepted.location).toBe(`/association/proposals/${participationId}`);
    expect(accepted.cookie).toContain("participation.toasts.accepted");
    const [row] = await database.db.select({ placesTaken: associationTasks.placesTaken }).from(associationTasks).where(eq(associationTasks.id, task.id));
    expect(row?.placesTaken).toBe(1);

    const after = loaded(await proposalPage(participationId, cookie));
    expect(Object.keys(after.participation).sort()).toEqual(keys);
    expect(after.participation).toMatchObject({ status: "active", contactArrangement: "Kontakt går gennem koordinator Karin, tlf. 76 50 00 00" });
    expect(JSON.stringify(after)).not.toContain("Nielsen");

    // A second yes finds the proposal answered.
    const again = await answer(participationId, cookie, { intent: "accept" });
    expect(again.status).toBe(409);
    expect((again.data as AssociationActionResult).problem).toBe("participation.problems.illegal_state");
  });

  it("confirms hours typed with a decimal comma as minutes, in quarter hours", async () => {
    const { cookie, task, participationId } = await proposed();
    await answer(participationId, cookie, { intent: "accept" });

    for (const [hours, message] of [
      ["7,3", "participation.errors.quarterHours"],
      ["syv", "participation.errors.hours"],
      ["", "participation.errors.hours"],
      ["1000,25", "participation.errors.tooManyHours"],
    ] as const) {
      const refused = await answer(participationId, cookie, { intent: "complete", hours });
      expect(refused.status, hours).toBe(400);
      expect((refused.data as AssociationActionResult).failed?.errors, hours).toEqual({ hours: message });
    }
    const completed = await answer(participationId, cookie, { intent: "complete", hours: "7,5" });
    expect(completed.cookie).toContain("participation.toasts.completed");
    expect(await participationsOf(task.id)).toEqual([expect.objectContaining({ status: "completed", confirmedMinutes: 450 })]);

    const page = loaded(await proposalPage(participationId, cookie));
    expect(page.participation).toMatchObject({ status: "completed", confirmedMinutes: 450 });
  });

  it("asks for a reason before a no, and before stopping a participation", async () => {
    const first = await proposed();
    expect(loaded(await proposalPage(first.participationId, first.cookie, "?answer=no")).declining).toBe(true);
    const noReason = await answer(first.participationId, first.cookie, { intent: "decline", reason: " " });
    expect(noReason.status).toBe(400);
    expect((noReason.data as AssociationActionResult).failed).toMatchObject({ key: "decline", errors: { reason: "participation.errors.declineReason" } });
    expect((await participationsOf(first.task.id))[0]?.status).toBe("proposed");
    expect((await answer(first.participationId, first.cookie, { intent: "decline", reason: "Vi har fået de hjælpere, vi skal bruge." })).status).toBe(302);
    expect((await participationsOf(first.task.id))[0]).toMatchObject({ status: "declined", declineReason: "Vi har fået de hjælpere, vi skal bruge." });

    const second = await proposed();
    await answer(second.participationId, second.cookie, { intent: "accept" });
    expect((await answer(second.participationId, second.cookie, { intent: "cancel", reason: "" })).status).toBe(400);
    expect((await answer(second.participationId, second.cookie, { intent: "cancel", reason: "Sara er flyttet." })).cookie).toContain("participation.toasts.cancelled");
    expect((await participationsOf(second.task.id))[0]?.status).toBe("cancelled");

    // The coordinator's youth page shows it stopped, with the reason.
    const page = loaded(await run(youthLoader, request(`/coordinator/youths/${second.youthId}`, { cookie: coordinatorCookie }), { youthId: second.youthId }));
    expect(page.tasks.participations[0]).toMatchObject({ status: "cancelled", declineReason: "Sara er flyttet." });
  });

  it("does not show or act on another association's proposal", async () => {
    const { participationId, task } = await proposed();
    const other = await associationWithTask();
    expect(((await proposalPage(participationId, other.cookie)) as Response).status).toBe(404);
    expect((await answer(participationId, other.cookie, { intent: "accept" })).status).toBe(404);
    expect((await participationsOf(task.id))[0]?.status).toBe("proposed");
    const list = loaded(await run(listLoader, request("/association/proposals", { cookie: other.cookie })));
    expect([...list.waiting, ...list.active, ...list.ended]).toEqual([]);
  });
});

describe("the coordinator's youth page", () => {
  it("shows the youth's tasks with the association's contact person once accepted, and the total hours", async () => {
    const { cookie, task, youthId, participationId } = await (async () => {
      const association = await associationWithTask();
      const id = await createReadyYouth(deps(), coordinator, { firstName: "Liv" });
      const result = await proposeParticipation(deps(), coordinator, association.task.id, id, { note, contactArrangement: "Gennem koordinatoren" });
      if (!result.ok) throw new Error(result.reason);
      return { ...association, youthId: id, participationId: result.participationId };
    })();
    await answer(participationId, cookie, { intent: "accept" });
    const active = loaded(await run(youthLoader, request(`/coordinator/youths/${youthId}`, { cookie: coordinatorCookie }), { youthId }));
    expect(active.tasks.participations[0]).toMatchObject({ taskId: task.id, status: "active", contactName: "Bent Træner", contactPhone: "+45 20 30 40 50" });
    await answer(participationId, cookie, { intent: "complete", hours: "2,25" });
    const completed = loaded(await run(youthLoader, request(`/coordinator/youths/${youthId}`, { cookie: coordinatorCookie }), { youthId }));
    expect(completed.tasks.totalMinutes).toBe(135);
    // The timeline names what happened.
    const actions = completed.record.timeline.map((event) => event.action);
    expect(actions).toEqual(expect.arrayContaining(["participation.proposed", "participation.accepted", "participation.completed"]));
    for (const action of actions.filter((name) => name.startsWith("participation."))) expect(da(`youths.timeline.actions.${action}` as MessageKey)).not.toContain("youths.");
  });
});
