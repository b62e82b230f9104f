import { and, desc, eq } from "drizzle-orm";
import type { Database } from "#db/client.server";
import { associations, associationTasks, pairings, taskParticipations, users, youths, type AssociationTask, type TaskParticipation } from "#db/schema";
import type { EmailTemplateName } from "#emails/index";
import type { Env } from "~/env.server";
import type { JobQueue } from "~/jobs.server";
import { audit } from "~/modules/audit/audit.server";
import { can } from "~/modules/auth/permissions";
import { notifyUser } from "~/modules/courses/context.server";
import { copenhagenToday } from "~/modules/volunteers/dates";
import { isUuid, originOf } from "~/modules/volunteers/context.server";
import { ageOf } from "~/modules/youths/age";
import { memberAssociation, memberUserIds } from "./registration.server";
import { confirmHoursInput, participationDeclineInput, participationProposalInput, type ParticipationProposalInput } from "./schemas";
import type { Actor, Result } from "./types";

/**
 * Young people taking part in associations' tasks. A coordinator proposes any youth whose course is open; a
 * mentor proposes the youth of their own active pairing. The association sees the youth's first name, age and
 * the proposer's note — nothing else of the youth — and answers. An accepted proposal takes one of the task's
 * places under a lock on the task's row (a check constraint behind it); completing or cancelling frees it.
 */
export interface ParticipationDeps {
  db: Database;
  jobs: JobQueue;
  env: Pick<Env, "APP_URL">;
}

type Common = "forbidden" | "not_found" | "invalid" | "illegal_state";

function participationAudit(tx: Database, actor: Actor, participation: Pick<TaskParticipation, "id" | "youthId">, action: string, details: Record<string, unknown> = {}) {
  // On the youth's timeline too: the coordinators follow what the youth takes part in.
  return Promise.all([
    audit(tx, originOf(actor), { action, subjectType: "participation", subjectId: participation.id, details }),
    audit(tx, originOf(actor), { action, subjectType: "youth", subjectId: participation.youthId, details: { ...details, participationId: participation.id } }),
  ]);
}

function notify(deps: ParticipationDeps, tx: Database, userId: string, template: EmailTemplateName & `task${string}`, path: string) {
  return notifyUser(deps, tx, userId, template, (user) => ({ name: user.name, url: `${deps.env.APP_URL}${path}` }));
}

/**
 * The association the actor is a contact person of, while it is approved: a suspended (or rejected) association
 * no longer reads or answers anything about young people. Null otherwise.
 */
async function memberAssociationId(db: Database, actor: Actor) {
  const association = await memberAssociation(db, actor);
  return association?.status === "approved" ? association.id : null;
}

/** A task that takes proposals: open, of an approved association, not past its expiry. */
function takesProposals(task: AssociationTask, associationStatus: string, today: string) {
  return task.status === "open" && associationStatus === "approved" && task.expiresOn >= today;
}

export type ProposeRefusal = Common | "task_closed" | "task_full" | "youth_closed" | "too_young" | "already_proposed";

/**
 * Proposes a youth for a task with a note to the association and how it reaches the youth (through the
 * coordinator or the mentor). A mentor may only propose the youth of their own active pairing.
 */
export async function proposeParticipation(
  deps: ParticipationDeps,
  actor: Actor,
  taskId: string,
  youthId: string,
  input: ParticipationProposalInput,
  clock: { now?: Date } = {},
): Promise<Result<{ participationId: string }, ProposeRefusal>> {
  const asCoordinator = can(actor.role, "create:participation:any");
  if (!asCoordinator && !can(actor.role, "update:pairing:own")) return { ok: false, reason: "forbidden" };
  const parsed = participationProposalInput.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  if (!isUuid(taskId) || !isUuid(youthId)) return { ok: false, reason: "not_found" };
  const now = clock.now ?? new Date();
  return deps.db.transaction(async (tx): Promise<Result<{ participationId: string }, ProposeRefusal>> => {
    let pairingId: string | null = null;
    if (!asCoordinator) {
      const [own] = await tx
        .select({ id: pairings.id })
        .from(pairings)
        .where(and(eq(pairings.youthId, youthId), eq(pairings.mentorUserId, actor.id), eq(pairings.status, "active")));
      // Another mentor's youth, or one whose pairing has ended, does not exist for this mentor.
      if (!own) return { ok: false, reason: "not_found" };
      pairingId = own.id;
    }
    const [youth] = await tx.select({ id: youths.id, status: youths.status, birthYear: youths.birthYear }).from(youths).where(eq(youths.id, youthId));
    if (!youth) return { ok: false, reason: "not_found" };
    if (youth.status === "closed") return { ok: false, reason: "youth_closed" };
    const [found] = await tx
      .select({ task: associationTasks, associationStatus: associations.status })
      .from(associationTasks)
      .innerJoin(associations, eq(associations.id, associationTasks.associationId))
      .where(eq(associationTasks.id, taskId));
    if (!found) return { ok: false, reason: "not_found" };
    const { task, associationStatus } = found;
    if (task.status === "filled") return { ok: false, reason: "task_full" };
    if (!takesProposals(task, associationStatus, copenhagenToday(now))) return { ok: false, reason: "task_closed" };
    if (ageOf(youth.birthYear, now) < task.minimumAge) return { ok: false, reason: "too_young" };
    const [created] = await tx
      .insert(taskParticipations)
      .values({ taskId, youthId, pairingId, proposedBy: actor.id, proposedAt: now, note: parsed.data.note, contactArrangement: parsed.data.contactArrangement })
      .onConflictDoNothing()
      .returning();
    if (!created) return { ok: false, reason: "already_proposed" };
    for (const member of await memberUserIds(tx, task.associationId)) await notify(deps, tx, member, "taskProposalReceived", `/association/proposals/${created.id}`);
    await participationAudit(tx, actor, created, "participation.proposed", { taskId, byMentor: pairingId !== null });
    return { ok: true, participationId: created.id };
  });
}

/** Locks the participation's task row, then the participation: the order every command takes. */
async function lockParticipation(tx: Database, participationId: string) {
  if (!isUuid(participationId)) return null;
  const [found] = await tx.select({ taskId: taskParticipations.taskId }).from(taskParticipations).where(eq(taskParticipations.id, participationId));
  if (!found) return null;
  const [task] = await tx.select().from(associationTasks).where(eq(associationTasks.id, found.taskId)).for("update");
  const [participation] = await tx.select().from(taskParticipations).where(eq(taskParticipations.id, participationId)).for("update");
  return task && participation ? { task, participation } : null;
}

/** One place less or more on a task, and the status that follows: full is `filled`, a freed place opens it again. */
async function movePlaces(tx: Database, task: AssociationTask, change: 1 | -1, now: Date) {
  const taken = task.placesTaken + change;
  const status = task.status === "open" && taken >= task.places ? "filled" : task.status === "filled" && taken < task.places ? "open" : task.status;
  await tx.update(associationTasks).set({ placesTaken: taken, status, updatedAt: now }).where(eq(associationTasks.id, task.id));
}

export type AnswerRefusal = Common | "task_full" | "task_closed" | "youth_closed";

/**
 * The association answers a proposal: yes takes a place (refused when the last one has gone), no needs a
 * reason. The proposer is told either way; on a yes, they see the task's contact person in the portal.
 */
export async function answerParticipation(
  deps: ParticipationDeps,
  actor: Actor,
  participationId: string,
  answer: { accept: true } | { accept: false; reason: string },
  clock: { now?: Date } = {},
): Promise<Result<object, AnswerRefusal>> {
  const associationId = await memberAssociationId(deps.db, actor);
  if (!associationId) return { ok: false, reason: can(actor.role, "read:association:own") ? "not_found" : "forbidden" };
  if (!answer.accept && !participationDeclineInput.safeParse({ reason: answer.reason }).success) return { ok: false, reason: "invalid" };
  const now = clock.now ?? new Date();
  return deps.db.transaction(async (tx): Promise<Result<object, AnswerRefusal>> => {
    const locked = await lockParticipation(tx, participationId);
    if (!locked || locked.task.associationId !== associationId) return { ok: false, reason: "not_found" };
    const { task, participation } = locked;
    if (participation.status !== "proposed") return { ok: false, reason: "illegal_state" };
    if (answer.accept) {
      if (task.placesTaken >= task.places) return { ok: false, reason: "task_full" };
      // A yes needs a task that still takes young people, and a youth whose course is still open.
      if (task.status !== "open" || task.expiresOn < copenhagenToday(now)) return { ok: false, reason: "task_closed" };
      const [youth] = await tx.select({ status: youths.status }).from(youths).where(eq(youths.id, participation.youthId));
      if (youth?.status === "closed") return { ok: false, reason: "youth_closed" };
      await movePlaces(tx, task, 1, now);
      await tx.update(taskParticipations).set({ status: "active", answeredBy: actor.id, answeredAt: now, updatedAt: now }).where(eq(taskParticipations.id, participation.id));
    } else {
      await tx
        .update(taskParticipations)
        .set({ status: "declined", answeredBy: actor.id, answeredAt: now, declineReason: answer.reason.trim(), updatedAt: now })
        .where(eq(taskParticipations.id, participation.id));
    }
    if (participation.proposedBy) await notify(deps, tx, participation.proposedBy, answer.accept ? "taskProposalAccepted" : "taskProposalDeclined", proposerPath(participation));
    await participationAudit(tx, actor, participation, answer.accept ? "participation.accepted" : "participation.declined", { taskId: task.id });
    return { ok: true };
  });
}

/** Where the proposer follows a proposal: the mentor's pairing page, or the youth's page for a coordinator. */
function proposerPath(participation: Pick<TaskParticipation, "pairingId" | "youthId">) {
  return participation.pairingId ? `/pairings/${participation.pairingId}` : `/coordinator/youths/${participation.youthId}`;
}

/** The proposer (or any coordinator) takes a proposal back before the association has answered. */
export async function withdrawParticipation(deps: ParticipationDeps, actor: Actor, participationId: string): Promise<Result<object, Common>> {
  const asCoordinator = can(actor.role, "create:participation:any");
  if (!asCoordinator && !can(actor.role, "update:pairing:own")) return { ok: false, reason: "forbidden" };
  return deps.db.transaction(async (tx): Promise<Result<object, Common>> => {
    const locked = await lockParticipation(tx, participationId);
    if (!locked || (!asCoordinator && locked.participation.proposedBy !== actor.id)) return { ok: false, reason: "not_found" };
    const { participation } = locked;
    if (participation.status !== "proposed") return { ok: false, reason: "illegal_state" };
    const now = new Date();
    await tx.update(taskParticipations).set({ status: "withdrawn", endedAt: now, updatedAt: now }).where(eq(taskParticipations.id, participation.id));
    await participationAudit(tx, actor, participation, "participation.withdrawn");
    return { ok: true };
  });
}

/**
 * The association confirms the hours of a participation and completes it; the place is free again. The
 * proposer is told, and the hours count on the youth's page and in the reports.
 */
export async function completeParticipation(deps: ParticipationDeps, actor: Actor, participationId: string, input: { minutes: number }, clock: { now?: Date } = {}): Promise<Result<object, Common>> {
  const associationId = await memberAssociationId(deps.db, actor);
  if (!associationId) return { ok: false, reason: can(actor.role, "read:association:own") ? "not_found" : "forbidden" };
  const parsed = confirmHoursInput.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const now = clock.now ?? new Date();
  return deps.db.transaction(async (tx): Promise<Result<object, Common>> => {
    const locked = await lockParticipation(tx, participationId);
    if (!locked || locked.task.associationId !== associationId) return { ok: false, reason: "not_found" };
    const { task, participation } = locked;
    if (participation.status !== "active") return { ok: false, reason: "illegal_state" };
    await tx
      .update(taskParticipations)
      .set({ status: "completed", confirmedMinutes: parsed.data.minutes, completedAt: now, completedBy: actor.id, endedAt: now, updatedAt: now })
      .where(eq(taskParticipations.id, participation.id));
    await movePlaces(tx, task, -1, now);
    if (participation.proposedBy) await notify(deps, tx, participation.proposedBy, "taskParticipationCompleted", proposerPath(participation));
    await participationAudit(tx, actor, participation, "participation.completed", { taskId: task.id, minutes: parsed.data.minutes });
    return { ok: true };
  });
}

/**
 * An active participation stops before it is completed: the association, the proposer or a coordinator
 * cancels it with a reason, and the place is free again.
 */
export async function cancelParticipation(deps: ParticipationDeps, actor: Actor, participationId: string, input: { reason: string }): Promise<Result<object, Common>> {
  if (!participationDeclineInput.safeParse(input).success) return { ok: false, reason: "invalid" };
  const associationId = await memberAssociationId(deps.db, actor);
  const asCoordinator = can(actor.role, "create:participation:any");
  if (!associationId && !asCoordinator && !can(actor.role, "update:pairing:own")) return { ok: false, reason: "forbidden" };
  return deps.db.transaction(async (tx): Promise<Result<object, Common>> => {
    const locked = await lockParticipation(tx, participationId);
    if (!locked) return { ok: false, reason: "not_found" };
    const { task, participation } = locked;
    const allowed = asCoordinator || (associationId !== null && task.associationId === associationId) || participation.proposedBy === actor.id;
    if (!allowed) return { ok: false, reason: "not_found" };
    if (participation.status !== "active") return { ok: false, reason: "illegal_state" };
    const now = new Date();
    await tx
      .update(taskParticipations)
      .set({ status: "cancelled", declineReason: input.reason.trim(), endedAt: now, updatedAt: now })
      .where(eq(taskParticipations.id, participation.id));
    await movePlaces(tx, task, -1, now);
    // Each side is told where it follows the participation: the association on its proposal, the proposer on the
    // youth or the pairing.
    const members = await memberUserIds(tx, task.associationId);
    const told = new Map<string, string>(members.map((userId) => [userId, `/association/proposals/${participation.id}`]));
    if (participation.proposedBy) told.set(participation.proposedBy, proposerPath(participation));
    told.delete(actor.id);
    for (const [userId, path] of told) await notify(deps, tx, userId, "taskParticipationCancelled", path);
    await participationAudit(tx, actor, participation, "participation.cancelled", { taskId: task.id });
    return { ok: true };
  });
}

const proposer = users;

/** What an association reads of its proposals and participants; the youth's first name and age, never more. */
function associationRows(db: Database, associationId: string, where?: ReturnType<typeof eq>) {
  return db
    .select({
      id: taskParticipations.id,
      status: taskParticipations.status,
      proposedAt: taskParticipations.proposedAt,
      note: taskParticipations.note,
      contactArrangement: taskParticipations.contactArrangement,
      confirmedMinutes: taskParticipations.confirmedMinutes,
      declineReason: taskParticipations.declineReason,
      taskId: associationTasks.id,
      taskTitle: associationTasks.title,
      youthId: youths.id,
      youthFirstName: youths.firstName,
      youthBirthYear: youths.birthYear,
      proposedByName: proposer.name,
      proposedByRole: proposer.role,
    })
    .from(taskParticipations)
    .innerJoin(associationTasks, eq(associationTasks.id, taskParticipations.taskId))
    .innerJoin(youths, eq(youths.id, taskParticipations.youthId))
    .leftJoin(proposer, eq(proposer.id, taskParticipations.proposedBy))
    .where(and(eq(associationTasks.associationId, associationId), where))
    .orderBy(desc(taskParticipations.proposedAt));
}

function associationView(now: Date) {
  // The youth's id stays here: it is for the audit trail, not for the association.
  return ({ youthId: _youth, youthBirthYear, contactArrangement, ...row }: Awaited<ReturnType<typeof associationRows>>[number]) => ({
    ...row,
    youthAge: ageOf(youthBirthYear, now),
    // How to reach the youth is for a proposal the association has said yes to.
    contactArrangement: row.status === "active" || row.status === "completed" ? contactArrangement : null,
  });
}

/**
 * The proposals and participants of the actor's association, newest first (the latest 500): the youth's first
 * name and age, the proposer's note and, once accepted, how to reach the youth — never more of the youth's record.
 */
export async function listAssociationParticipations(db: Database, actor: Actor, now = new Date()) {
  const associationId = await memberAssociationId(db, actor);
  if (!associationId) return null;
  const rows = await associationRows(db, associationId).limit(500);
  // What an association reads of young people is audited like every other read of youth data.
  await audit(db, originOf(actor), { action: "participation.list_viewed", subjectType: "association", subjectId: associationId, details: { count: rows.length } });
  return rows.map(associationView(now));
}

/** One proposal or participation of the actor's association, as the list shows it; null for another's. */
export async function getAssociationParticipation(db: Database, actor: Actor, participationId: string, now = new Date()) {
  const associationId = await memberAssociationId(db, actor);
  if (!associationId || !isUuid(participationId)) return null;
  const [row] = await associationRows(db, associationId, eq(taskParticipations.id, participationId));
  if (!row) return null;
  await audit(db, originOf(actor), { action: "youth.viewed_by_association", subjectType: "youth", subjectId: row.youthId, details: { participationId, associationId } });
  return associationView(now)(row);
}

export type AssociationParticipation = NonNullable<Awaited<ReturnType<typeof listAssociationParticipations>>>[number];

/**
 * A youth's tasks for the coordinators: each proposal or participation with the association, the status and
 * the hours confirmed, and the total hours. Read with the youth's record, whose read is audited.
 */
export async function listYouthParticipations(db: Database, actor: Actor, youthId: string) {
  if (!can(actor.role, "read:youth:any") || !isUuid(youthId)) return null;
  return participationsOf(db, eq(taskParticipations.youthId, youthId));
}

/** The tasks of the youth of a mentor's own pairing, as the mentor follows them. */
export async function listPairingParticipations(db: Database, actor: Actor, pairingId: string) {
  if (!can(actor.role, "read:pairing:own") || !isUuid(pairingId)) return null;
  const [own] = await db.select({ youthId: pairings.youthId }).from(pairings).where(and(eq(pairings.id, pairingId), eq(pairings.mentorUserId, actor.id)));
  if (!own) return null;
  return participationsOf(db, and(eq(taskParticipations.youthId, own.youthId), eq(taskParticipations.pairingId, pairingId))!);
}

async function participationsOf(db: Database, where: ReturnType<typeof eq>) {
  const rows = await db
    .select({
      id: taskParticipations.id,
      status: taskParticipations.status,
      proposedAt: taskParticipations.proposedAt,
      answeredAt: taskParticipations.answeredAt,
      declineReason: taskParticipations.declineReason,
      confirmedMinutes: taskParticipations.confirmedMinutes,
      taskId: associationTasks.id,
      taskTitle: associationTasks.title,
      contactName: associationTasks.contactName,
      contactPhone: associationTasks.contactPhone,
      contactEmail: associationTasks.contactEmail,
      associationName: associations.name,
    })
    .from(taskParticipations)
    .innerJoin(associationTasks, eq(associationTasks.id, taskParticipations.taskId))
    .innerJoin(associations, eq(associations.id, associationTasks.associationId))
    .where(where)
    .orderBy(desc(taskParticipations.proposedAt));
  const participations = rows.map((row) => {
    // The association's contact person is for a participation it has said yes to.
    const accepted = row.status === "active" || row.status === "completed";
    return { ...row, contactName: accepted ? row.contactName : null, contactPhone: accepted ? row.contactPhone : null, contactEmail: accepted ? row.contactEmail : null };
  });
  const totalMinutes = participations.reduce((sum, row) => sum + (row.confirmedMinutes ?? 0), 0);
  return { participations, totalMinutes };
}
