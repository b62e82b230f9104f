import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPostgres, rowsOf } from "#db/client.server";
import { associations, associationTasks, taskParticipations, youths } from "#db/schema";
import { generateEncryptionKey } from "~/modules/crypto/encryption.server";
import {
  answerParticipation,
  cancelParticipation,
  getAssociationParticipation,
  completeParticipation,
  listAssociationParticipations,
  listPairingParticipations,
  listYouthParticipations,
  proposeParticipation,
  withdrawParticipation,
} from "~/modules/associations/participation.server";
import { createAssociation, createOpenTask } from "../factories/associations";
import { createActivePairing, createReadyYouth } from "../factories/pairings";
import { createUser } from "../factories/users";
import { actorOf } from "../factories/volunteers";
import { createTestContext, queuedJobs } from "../helpers/context";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

let database: TestDatabase;
let deps: ReturnType<typeof createTestContext> & { key: ReturnType<typeof generateEncryptionKey> };
let coordinator: ReturnType<typeof actorOf>;

beforeAll(async () => {
  database = await createTestDatabase();
  deps = { ...createTestContext(database.handle), key: generateEncryptionKey() };
  coordinator = actorOf(await createUser(database.db, { role: "coordinator", name: "Karin Koordinator" }));
});
afterAll(() => database.close());

const proposal = { note: "Sara er glad for sport og vil gerne prøve at hjælpe til.", contactArrangement: "Kontakt går gennem koordinator Karin, tlf. 76 50 00 00." };

type EmailData = { to: string; template: string };
async function templatesTo(email: string) {
  return (await queuedJobs<EmailData>(database.db, "email")).map((job) => job.data).filter((data) => data.to === email).map((data) => data.template);
}

async function taskRow(taskId: string) {
  const [row] = await database.db.select({ status: associationTasks.status, placesTaken: associationTasks.placesTaken }).from(associationTasks).where(eq(associationTasks.id, taskId));
  return row;
}

describe("proposing a youth for a task", () => {
  it("lets a coordinator propose; the association sees first name, age and the note, and answers", async () => {
    const association = await createAssociation(database.db);
    const task = await createOpenTask(database.db, association.associationId, { places: 1 });
    const youthId = await createReadyYouth(deps, coordinator);
    const proposed = await proposeParticipation(deps, coordinator, task.id, youthId, proposal);
    if (!proposed.ok) throw new Error(proposed.reason);
    expect(await proposeParticipation(deps, coordinator, task.id, youthId, proposal)).toEqual({ ok: false, reason: "already_proposed" });
    expect(await templatesTo(association.user.email)).toContain("taskProposalReceived");

    const [seen] = (await listAssociationParticipations(database.db, association.actor))!;
    expect(seen).toMatchObject({ id: proposed.participationId, status: "proposed", youthFirstName: "Sara", note: proposal.note, contactArrangement: null });
    // Nothing else of the youth's record reaches the association.
    expect(JSON.stringify(seen)).not.toContain("Nielsen");
    expect(JSON.stringify(seen)).not.toContain("+45 20 11");
    expect(Object.keys(seen!).sort()).toEqual(
      ["confirmedMinutes", "contactArrangement", "declineReason", "id", "note", "proposedAt", "proposedByName", "proposedByRole", "status", "taskId", "taskTitle", "youthAge", "youthFirstName"].sort(),
    );

    expect(await answerParticipation(deps, association.actor, proposed.participationId, { accept: true })).toEqual({ ok: true });
    expect(await taskRow(task.id)).toEqual({ status: "filled", placesTaken: 1 });
    const [accepted] = (await listAssociationParticipations(database.db, association.actor))!;
    expect(accepted?.contactArrangement).toBe(proposal.contactArrangement);
    expect(await templatesTo(await userEmail(coordinator.id))).toContain("taskProposalAccepted");
    const youthView = await listYouthParticipations(database.db, coordinator, youthId);
    expect(youthView?.participations[0]).toMatchObject({ status: "active", associationName: "Grindsted Idrætsforening", contactName: "Bent Træner" });

    // A full task takes no more proposals.
    const other = await createReadyYouth(deps, coordinator, { firstName: "Ali" });
    expect(await proposeParticipation(deps, coordinator, task.id, other, proposal)).toEqual({ ok: false, reason: "task_full" });
  });

  it("refuses a closed task, a suspended association, a youth who is too young or whose course is closed, and roles without the right", async () => {
    const association = await createAssociation(database.db);
    const youthId = await createReadyYouth(deps, coordinator, { birthYear: new Date().getUTCFullYear() - 14 });
    const task = await createOpenTask(database.db, association.associationId);
    expect(await proposeParticipation(deps, coordinator, task.id, youthId, proposal)).toEqual({ ok: false, reason: "too_young" });
    const draft = await createOpenTask(database.db, association.associationId, { status: "draft", publishedAt: null, minimumAge: 13 });
    expect(await proposeParticipation(deps, coordinator, draft.id, youthId, proposal)).toEqual({ ok: false, reason: "task_closed" });
    const suspended = await createAssociation(database.db, { status: "suspended" });
    const suspendedTask = await createOpenTask(database.db, suspended.associationId, { minimumAge: 13 });
    expect(await proposeParticipation(deps, coordinator, suspendedTask.id, youthId, proposal)).toEqual({ ok: false, reason: "task_closed" });
    expect(await proposeParticipation(deps, association.actor, task.id, youthId, proposal)).toEqual({ ok: false, reason: "forbidden" });
    expect(await proposeParticipation(deps, coordinator, task.id, youthId, { note: " ", contactArrangement: "x" })).toEqual({ ok: false, reason: "invalid" });
  });

  it("lets a mentor propose only the youth of their own active pairing, and follow it on the pairing", async () => {
    const association = await createAssociation(database.db);
    const task = await createOpenTask(database.db, association.associationId);
    const { pairingId, youthId, mentor } = await createActivePairing(deps, coordinator);
    const stranger = await createActivePairing(deps, coordinator, { mentorName: "Anden Mentor" });
    expect(await proposeParticipation(deps, stranger.mentor.actor, task.id, youthId, proposal)).toEqual({ ok: false, reason: "not_found" });
    const proposed = await proposeParticipation(deps, mentor.actor, task.id, youthId, { ...proposal, contactArrangement: "Kontakt går gennem mentor Mads." });
    if (!proposed.ok) throw new Error(proposed.reason);
    const [row] = await database.db.select({ pairingId: taskParticipations.pairingId }).from(taskParticipations).where(eq(taskParticipations.id, proposed.participationId));
    expect(row?.pairingId).toBe(pairingId);
    expect((await listPairingParticipations(database.db, mentor.actor, pairingId))?.participations).toHaveLength(1);
    expect(await listPairingParticipations(database.db, stranger.mentor.actor, pairingId)).toBeNull();
    expect(await withdrawParticipation(deps, stranger.mentor.actor, proposed.participationId)).toEqual({ ok: false, reason: "not_found" });
    expect(await withdrawParticipation(deps, mentor.actor, proposed.participationId)).toEqual({ ok: true });
  });
});

async function userEmail(userId: string) {
  const [row] = rowsOf<{ email: string }>(await database.db.execute(sql`select email from users where id = ${userId}`));
  return row!.email;
}

describe("an association that is no longer approved, a closed task, a closed course", () => {
  it("stops a suspended association reading or answering proposals, and refuses a yes for a closed task or a closed course", async () => {
    const association = await createAssociation(database.db);
    const task = await createOpenTask(database.db, association.associationId);
    const sara = await createReadyYouth(deps, coordinator);
    const ali = await createReadyYouth(deps, coordinator, { firstName: "Ali" });
    const first = await proposeParticipation(deps, coordinator, task.id, sara, proposal);
    const second = await proposeParticipation(deps, coordinator, task.id, ali, proposal);
    if (!first.ok || !second.ok) throw new Error("setup");

    // Reading a proposal is audited on the youth.
    expect(await getAssociationParticipation(database.db, association.actor, first.participationId)).toMatchObject({ youthFirstName: "Sara" });
    const [read] = rowsOf<{ action: string }>(
      await database.db.execute(sql`select action from audit_events where subject_type = 'youth' and subject_id = ${sara} and actor_id = ${association.actor.id}`),
    );
    expect(read?.action).toBe("youth.viewed_by_association");

    await database.db.update(associations).set({ status: "suspended" }).where(eq(associations.id, association.associationId));
    expect(await listAssociationParticipations(database.db, association.actor)).toBeNull();
    expect(await getAssociationParticipation(database.db, association.actor, first.participationId)).toBeNull();
    expect(await answerParticipation(deps, association.actor, first.participationId, { accept: true })).toEqual({ ok: false, reason: "not_found" });
    await database.db.update(associations).set({ status: "approved" }).where(eq(associations.id, association.associationId));

    await database.db.update(youths).set({ status: "closed", outcome: "flex_job", closedAt: new Date() }).where(eq(youths.id, ali));
    expect(await answerParticipation(deps, association.actor, second.participationId, { accept: true })).toEqual({ ok: false, reason: "youth_closed" });
    await database.db.update(associationTasks).set({ status: "closed" }).where(eq(associationTasks.id, task.id));
    expect(await answerParticipation(deps, association.actor, first.participationId, { accept: true })).toEqual({ ok: false, reason: "task_closed" });
    expect(await taskRow(task.id)).toEqual({ status: "closed", placesTaken: 0 });
    // A no is still possible: the proposal does not hang open.
    expect(await answerParticipation(deps, association.actor, first.participationId, { accept: false, reason: "Opgaven er lukket." })).toEqual({ ok: true });
  });
});

describe("taking part", () => {
  it("declines with a reason, completes with confirmed hours and frees the place, and only the task's own association answers", async () => {
    const association = await createAssociation(database.db);
    const other = await createAssociation(database.db, { name: "Røde Kors Grindsted" });
    const task = await createOpenTask(database.db, association.associationId, { places: 1 });
    const sara = await createReadyYouth(deps, coordinator);
    const ali = await createReadyYouth(deps, coordinator, { firstName: "Ali" });
    const first = await proposeParticipation(deps, coordinator, task.id, sara, proposal);
    const second = await proposeParticipation(deps, coordinator, task.id, ali, proposal);
    if (!first.ok || !second.ok) throw new Error("setup");

    expect(await answerParticipation(deps, other.actor, first.participationId, { accept: true })).toEqual({ ok: false, reason: "not_found" });
    expect(await listAssociationParticipations(database.db, other.actor)).toEqual([]);
    expect(await answerParticipation(deps, association.actor, second.participationId, { accept: false, reason: " " })).toEqual({ ok: false, reason: "invalid" });
    expect(await answerParticipation(deps, association.actor, second.participationId, { accept: false, reason: "Holdet er fuldt i foråret." })).toEqual({ ok: true });
    expect(await answerParticipation(deps, association.actor, first.participationId, { accept: true })).toEqual({ ok: true });

    expect(await completeParticipation(deps, association.actor, second.participationId, { minutes: 60 })).toEqual({ ok: false, reason: "illegal_state" });
    expect(await completeParticipation(deps, association.actor, first.participationId, { minutes: -5 })).toEqual({ ok: false, reason: "invalid" });
    expect(await completeParticipation(deps, association.actor, first.participationId, { minutes: 450 })).toEqual({ ok: true });
    expect(await taskRow(task.id)).toEqual({ status: "open", placesTaken: 0 });
    const youthView = await listYouthParticipations(database.db, coordinator, sara);
    expect(youthView).toMatchObject({ totalMinutes: 450, participations: [{ status: "completed", confirmedMinutes: 450 }] });
    expect(await listYouthParticipations(database.db, association.actor, sara)).toBeNull();
  });

  it("cancels an active participation with a reason and opens the place again", async () => {
    const association = await createAssociation(database.db);
    const task = await createOpenTask(database.db, association.associationId, { places: 1 });
    const youthId = await createReadyYouth(deps, coordinator);
    const proposed = await proposeParticipation(deps, coordinator, task.id, youthId, proposal);
    if (!proposed.ok) throw new Error("setup");
    await answerParticipation(deps, association.actor, proposed.participationId, { accept: true });
    const second = await createUser(database.db, { role: "association" });
    await database.db.execute(sql`insert into association_members (association_id, user_id) values (${association.associationId}, ${second.id})`);
    expect(await cancelParticipation(deps, association.actor, proposed.participationId, { reason: "" })).toEqual({ ok: false, reason: "invalid" });
    expect(await cancelParticipation(deps, association.actor, proposed.participationId, { reason: "Den unge er stoppet." })).toEqual({ ok: true });
    const coordinatorEmail = await userEmail(coordinator.id);
    expect(await taskRow(task.id)).toEqual({ status: "open", placesTaken: 0 });
    expect(await templatesTo(await userEmail(coordinator.id))).toContain("taskParticipationCancelled");
    // Each is told where they follow it: the coordinator on the youth's page, the association's other contact on
    // the proposal.
    const links = async (email: string) =>
      (await queuedJobs<EmailData & { props: { url: string } }>(database.db, "email"))
        .map((job) => job.data)
        .filter((data) => data.template === "taskParticipationCancelled" && data.to === email)
        .map((data) => new URL(data.props.url).pathname);
    expect(await links(coordinatorEmail)).toContain(`/coordinator/youths/${youthId}`);
    expect(await links(second.email)).toEqual([`/association/proposals/${proposed.participationId}`]);
  });
});

const postgresUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;

/** On real PostgreSQL, through a pool of its own, so the answers' transactions truly overlap. */
describe.runIf(postgresUrl)("places under concurrency (PostgreSQL)", () => {
  it("never gives more places than the task has, however many yeses arrive at once", async () => {
    const pool = openPostgres(database.url!, { max: 12 });
    const poolDeps = { ...deps, db: pool.db };
    for (let round = 0; round < 5; round++) {
      const association = await createAssociation(database.db);
      const task = await createOpenTask(database.db, association.associationId, { places: 3 });
      const proposals: string[] = [];
      for (let i = 0; i < 10; i++) {
        const youthId = await createReadyYouth(deps, coordinator, { firstName: `Ung${i}` });
        const proposed = await proposeParticipation(deps, coordinator, task.id, youthId, proposal);
        if (!proposed.ok) throw new Error(proposed.reason);
        proposals.push(proposed.participationId);
      }
      // Two contact people answering at once, ten yeses between them.
      const second = actorOf(await createUser(database.db, { role: "association" }));
      await database.db.execute(sql`insert into association_members (association_id, user_id) values (${association.associationId}, ${second.id})`);
      const results = await Promise.all(proposals.map((id, i) => answerParticipation(poolDeps, i % 2 ? second : association.actor, id, { accept: true })));
      expect(results.filter((result) => result.ok)).toHaveLength(3);
      expect(results.filter((result) => !result.ok).map((result) => !result.ok && result.reason)).toEqual(Array(7).fill("task_full"));
      expect(await taskRow(task.id)).toEqual({ status: "filled", placesTaken: 3 });
      const [active] = rowsOf<{ n: number }>(await database.db.execute(sql`select count(*)::int as n from task_participations where task_id = ${task.id} and status = 'active'`));
      expect(active?.n).toBe(3);
    }
    await pool.close();
  });
});
