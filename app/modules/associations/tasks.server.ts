import { and, arrayContains, asc, count, desc, eq, gte, inArray, lt, sql, type SQL } from "drizzle-orm";
import { rowsOf, type Database } from "#db/client.server";
import { associations, associationTasks, auditEvents, volunteers, type AssociationTask, type TaskStatus } from "#db/schema";
import type { EmailTemplateName } from "#emails/index";
import type { Env } from "~/env.server";
import type { JobQueue } from "~/jobs.server";
import { audit } from "~/modules/audit/audit.server";
import { can } from "~/modules/auth/permissions";
import { notifyUser } from "~/modules/courses/context.server";
import { copenhagenToday } from "~/modules/volunteers/dates";
import { isUuid, originOf } from "~/modules/volunteers/context.server";
import { memberAssociation, memberUserIds } from "./registration.server";
import { publicTaskQuery, taskInput, type PublicTaskQuery, type TaskInput } from "./schemas";
import type { Actor, Result } from "./types";

/**
 * The associations' volunteer tasks: draft → awaiting approval → open → filled / closed / expired. A contact
 * person of the association writes and submits its tasks; a coordinator approves or returns them, unless the
 * association is approved and trusted to publish directly. `filled` and the way back to `open` belong to the
 * participations (participation.server.ts), which take and free places under the same row lock as here.
 */
export interface TaskDeps {
  db: Database;
  jobs: JobQueue;
  env: Pick<Env, "APP_URL">;
}

type Common = "forbidden" | "not_found" | "invalid" | "illegal_state";
/** The association is rejected or suspended: it can neither write nor publish tasks. */
type Inactive = "association_inactive";

/** The statuses a task is listed in publicly: a filled task stays visible, marked as full. */
export const visibleTaskStatuses = ["open", "filled"] as const satisfies readonly TaskStatus[];
/** The statuses an association may still edit its task in. */
const editableStatuses: readonly TaskStatus[] = ["draft", "awaiting_approval", "open", "filled"];
const closableStatuses: readonly TaskStatus[] = ["draft", "awaiting_approval", "open", "filled"];
const expirableStatuses = ["awaiting_approval", "open", "filled"] as const satisfies readonly TaskStatus[];

export const publicTaskPageSize = 20;

/** A clock and a calendar day: tests pass them, the app uses the real ones. */
export type TaskClock = { now?: Date };

/**
 * Town names as one spelling: trimmed, single spaces, each word capitalised ("sønder  omme" → "Sønder Omme").
 * The list's town filter is then an exact match, which the open-task index on `town` serves.
 */
export function townName(value: string) {
  return value
    .trim()
    .replace(/\s+/g, " ")
    .toLocaleLowerCase("da")
    .replace(/(^|[\s-])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toLocaleUpperCase("da"));
}

function taskAudit(tx: Database, actor: Actor | null, action: string, task: Pick<AssociationTask, "id" | "associationId">, details: Record<string, unknown> = {}) {
  const origin = actor ? originOf(actor) : { actorId: null };
  return audit(tx, origin, { action, subjectType: "association_task", subjectId: task.id, details: { associationId: task.associationId, ...details } });
}

/** Tells every contact person of the task's association, with a link to the task in their own list. */
async function notifyAssociation(deps: Pick<TaskDeps, "jobs" | "env">, tx: Database, task: Pick<AssociationTask, "id" | "associationId">, template: EmailTemplateName & `task${string}`) {
  const url = `${deps.env.APP_URL}/association/tasks/${task.id}`;
  for (const userId of await memberUserIds(tx, task.associationId)) {
    await notifyUser(deps, tx, userId, template, (user) => ({ name: user.name, url }));
  }
}

/**
 * The task's row locked until the transaction ends (the participations lock the same row when they take or
 * free a place), with its association's status.
 */
async function lockTask(tx: Database, taskId: string) {
  if (!isUuid(taskId)) return null;
  const [task] = await tx.select().from(associationTasks).where(eq(associationTasks.id, taskId)).for("update");
  if (!task) return null;
  const [association] = await tx
    .select({ id: associations.id, status: associations.status, publishesDirectly: associations.publishesDirectly })
    .from(associations)
    .where(eq(associations.id, task.associationId));
  return { task, association: association! };
}

/**
 * Who may act on a locked task: a contact person of its own association (`own`), or a coordinator (`any`). A
 * contact person of another association is told the task does not exist.
 */
async function actingOn(tx: Database, actor: Actor, task: AssociationTask, options: { coordinator: boolean }) {
  if (can(actor.role, "update:association:own")) {
    const member = await memberAssociation(tx, actor);
    return member?.id === task.associationId ? "member" : "not_found";
  }
  if (options.coordinator && can(actor.role, "update:association:any")) return "coordinator";
  return "forbidden";
}

const inactive = (status: string) => status === "rejected" || status === "suspended";

/** The module's input as the columns hold it; a one-off task says itself whether it is in the day or evening. */
function taskValues(data: ReturnType<typeof taskInput.parse>) {
  const oneOff = data.schedule === "one_off";
  let { daytime, evening } = data;
  if (oneOff && !daytime && !evening && data.startsAt && data.endsAt) ({ daytime, evening } = partsOfDay(data.startsAt, data.endsAt));
  return {
    title: data.title,
    description: data.description,
    category: data.category,
    town: townName(data.town),
    address: data.address,
    schedule: data.schedule,
    startsAt: oneOff ? data.startsAt : null,
    endsAt: oneOff ? data.endsAt : null,
    recurrence: data.schedule === "recurring" ? data.recurrence : null,
    daytime,
    evening,
    places: data.places,
    minutesPerOccasion: data.minutesPerOccasion,
    minimumAge: data.minimumAge,
    contactName: data.contactName,
    contactPhone: data.contactPhone,
    contactEmail: data.contactEmail,
    expiresOn: data.expiresOn,
    tags: [...new Set(data.tags)],
    involvesChildren: data.involvesChildren,
  };
}

const clock = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Copenhagen", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
const minuteOfDay = (instant: Date) => {
  const [hours, minutes] = clock.format(instant).split(":").map(Number) as [number, number];
  return hours * 60 + minutes;
};

/** Evening starts at 17:00 on a Copenhagen clock: a task from 15 to 19 is both; one past midnight is both. */
function partsOfDay(startsAt: Date, endsAt: Date) {
  const evening = 17 * 60;
  const [start, end] = [minuteOfDay(startsAt), minuteOfDay(endsAt)];
  const overnight = endsAt.getTime() - startsAt.getTime() >= 24 * 60 * 60_000 || end <= start;
  return { daytime: overnight || start < evening, evening: overnight || end > evening || start >= evening };
}

function changedFields(before: Record<string, unknown>, after: Record<string, unknown>) {
  return Object.keys(after).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
}

export type CreateTaskRefusal = "forbidden" | "invalid" | "no_association" | Inactive;

/** A new task of the actor's association, as a draft. */
export async function createTask(db: Database, actor: Actor, input: TaskInput): Promise<Result<{ taskId: string }, CreateTaskRefusal>> {
  if (!can(actor.role, "update:association:own")) return { ok: false, reason: "forbidden" };
  const parsed = taskInput.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  return db.transaction(async (tx) => {
    const association = await memberAssociation(tx, actor);
    if (!association) return { ok: false as const, reason: "no_association" as const };
    if (inactive(association.status)) return { ok: false as const, reason: "association_inactive" as const };
    const [task] = await tx
      .insert(associationTasks)
      .values({ ...taskValues(parsed.data), associationId: association.id, status: "draft", createdBy: actor.id })
      .returning();
    await taskAudit(tx, actor, "task.created", task!, { title: task!.title });
    return { ok: true as const, taskId: task!.id };
  });
}

export type UpdateTaskRefusal = Common | Inactive | "places_below_taken";

/**
 * Changes a task in draft, awaiting approval, open or filled. An open task's changes are published at once
 * (the audit trail keeps which fields changed, for the coordinators); more places reopen a filled task and
 * fewer than are taken are refused.
 */
export async function updateTask(db: Database, actor: Actor, taskId: string, input: TaskInput): Promise<Result<{ status: TaskStatus }, UpdateTaskRefusal>> {
  if (!can(actor.role, "update:association:own")) return { ok: false, reason: "forbidden" };
  const parsed = taskInput.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  return db.transaction(async (tx): Promise<Result<{ status: TaskStatus }, UpdateTaskRefusal>> => {
    const locked = await lockTask(tx, taskId);
    if (!locked) return { ok: false, reason: "not_found" };
    const { task, association } = locked;
    const who = await actingOn(tx, actor, task, { coordinator: false });
    if (who !== "member") return { ok: false, reason: who === "not_found" ? "not_found" : "forbidden" };
    if (!editableStatuses.includes(task.status)) return { ok: false, reason: "illegal_state" };
    if (inactive(association.status)) return { ok: false, reason: "association_inactive" };
    const values = taskValues(parsed.data);
    if (values.places < task.placesTaken) return { ok: false, reason: "places_below_taken" };
    const published = task.status === "open" || task.status === "filled";
    const status: TaskStatus = published ? (task.placesTaken >= values.places ? "filled" : "open") : task.status;
    await tx
      .update(associationTasks)
      .set({ ...values, status, updatedAt: new Date() })
      .where(eq(associationTasks.id, task.id));
    await taskAudit(tx, actor, "task.updated", task, { status, fields: changedFields(task, values), ...(status !== task.status ? { from: task.status } : {}) });
    return { ok: true, status };
  });
}

export type SubmitTaskRefusal = Common | Inactive | "expired";

/**
 * Sends a draft for approval; an approved association that publishes directly opens it at once. A pending
 * association's tasks wait for approval until the association is approved and a coordinator approves them.
 */
export async function submitTask(db: Database, actor: Actor, taskId: string, clock: TaskClock = {}): Promise<Result<{ status: TaskStatus }, SubmitTaskRefusal>> {
  if (!can(actor.role, "update:association:own")) return { ok: false, reason: "forbidden" };
  const now = clock.now ?? new Date();
  return db.transaction(async (tx): Promise<Result<{ status: TaskStatus }, SubmitTaskRefusal>> => {
    const locked = await lockTask(tx, taskId);
    if (!locked) return { ok: false, reason: "not_found" };
    const { task, association } = locked;
    const who = await actingOn(tx, actor, task, { coordinator: false });
    if (who !== "member") return { ok: false, reason: who === "not_found" ? "not_found" : "forbidden" };
    if (task.status !== "draft") return { ok: false, reason: "illegal_state" };
    if (inactive(association.status)) return { ok: false, reason: "association_inactive" };
    if (task.expiresOn < copenhagenToday(now)) return { ok: false, reason: "expired" };
    const direct = association.status === "approved" && association.publishesDirectly;
    const status = direct ? "open" : "awaiting_approval";
    await tx
      .update(associationTasks)
      .set({ status, submittedAt: now, publishedAt: direct ? now : null, updatedAt: now })
      .where(eq(associationTasks.id, task.id));
    await taskAudit(tx, actor, direct ? "task.published" : "task.submitted", task, { direct });
    return { ok: true, status };
  });
}

export type ApproveTaskRefusal = Common | "association_not_approved" | "expired";

/** A coordinator publishes a task awaiting approval; its association is told. */
export async function approveTask(deps: TaskDeps, actor: Actor, taskId: string, clock: TaskClock = {}): Promise<Result<object, ApproveTaskRefusal>> {
  if (!can(actor.role, "update:association:any")) return { ok: false, reason: "forbidden" };
  const now = clock.now ?? new Date();
  return deps.db.transaction(async (tx): Promise<Result<object, ApproveTaskRefusal>> => {
    const locked = await lockTask(tx, taskId);
    if (!locked) return { ok: false, reason: "not_found" };
    const { task, association } = locked;
    if (task.status !== "awaiting_approval") return { ok: false, reason: "illegal_state" };
    if (association.status !== "approved") return { ok: false, reason: "association_not_approved" };
    if (task.expiresOn < copenhagenToday(now)) return { ok: false, reason: "expired" };
    await tx
      .update(associationTasks)
      .set({ status: "open", approvedBy: actor.id, publishedAt: now, updatedAt: now })
      .where(eq(associationTasks.id, task.id));
    await taskAudit(tx, actor, "task.approved", task);
    await notifyAssociation(deps, tx, task, "taskApproved");
    return { ok: true };
  });
}

export type ReturnTaskRefusal = Common;

/**
 * A coordinator sends a task awaiting approval back to its association as a draft, with a note on what to
 * change. The note is kept in the audit trail (it is about the task, not about a person) and shown on the task.
 */
export async function returnTask(deps: TaskDeps, actor: Actor, taskId: string, note: string): Promise<Result<object, ReturnTaskRefusal>> {
  if (!can(actor.role, "update:association:any")) return { ok: false, reason: "forbidden" };
  const text = note.trim();
  if (!text || text.length > 2000) return { ok: false, reason: "invalid" };
  return deps.db.transaction(async (tx): Promise<Result<object, ReturnTaskRefusal>> => {
    const locked = await lockTask(tx, taskId);
    if (!locked) return { ok: false, reason: "not_found" };
    const { task } = locked;
    if (task.status !== "awaiting_approval") return { ok: false, reason: "illegal_state" };
    await tx.update(associationTasks).set({ status: "draft", submittedAt: null, updatedAt: new Date() }).where(eq(associationTasks.id, task.id));
    await taskAudit(tx, actor, "task.returned", task, { note: text });
    await notifyAssociation(deps, tx, task, "taskReturned");
    return { ok: true };
  });
}

/**
 * Closes a task: its association when it needs no more help, or a coordinator. A coordinator's closing is told
 * to the association. Participations already agreed go on; the task only stops taking new ones.
 */
export async function closeTask(deps: TaskDeps, actor: Actor, taskId: string): Promise<Result<object, Common>> {
  if (!can(actor.role, "update:association:own") && !can(actor.role, "update:association:any")) return { ok: false, reason: "forbidden" };
  return deps.db.transaction(async (tx): Promise<Result<object, Common>> => {
    const locked = await lockTask(tx, taskId);
    if (!locked) return { ok: false, reason: "not_found" };
    const { task } = locked;
    const who = await actingOn(tx, actor, task, { coordinator: true });
    if (who === "not_found" || who === "forbidden") return { ok: false, reason: who };
    if (!closableStatuses.includes(task.status)) return { ok: false, reason: "illegal_state" };
    await tx.update(associationTasks).set({ status: "closed", updatedAt: new Date() }).where(eq(associationTasks.id, task.id));
    await taskAudit(tx, actor, "task.closed", task, { from: task.status, by: who });
    if (who === "coordinator") await notifyAssociation(deps, tx, task, "taskClosed");
    return { ok: true };
  });
}

/**
 * The nightly job: tasks awaiting approval, open or filled whose expiry date has passed (`expires_on` is the
 * last day they are shown) become expired, and their associations are told. One conditional update, so a
 * rerun changes nothing twice.
 */
export async function expireTasks(deps: TaskDeps, today: string) {
  return deps.db.transaction(async (tx) => {
    const expired = await tx
      .update(associationTasks)
      .set({ status: "expired", updatedAt: new Date() })
      .where(and(inArray(associationTasks.status, [...expirableStatuses]), lt(associationTasks.expiresOn, today)))
      .returning({ id: associationTasks.id, associationId: associationTasks.associationId });
    for (const task of expired) {
      await taskAudit(tx, null, "task.expired", task, { expiredOn: today });
      await notifyAssociation(deps, tx, task, "taskExpired");
    }
    return { expired: expired.length };
  });
}

// ---------------------------------------------------------------------------------------------------------
// Reads

const statusOrder = sql`case ${associationTasks.status}
  when 'awaiting_approval' then 1 when 'draft' then 2 when 'open' then 3 when 'filled' then 4 else 5 end`;

/** The actor's association and all its tasks, the ones needing attention first. */
export async function listOwnTasks(db: Database, actor: Actor) {
  if (!can(actor.role, "read:association:own")) return null;
  const association = await memberAssociation(db, actor);
  if (!association) return null;
  const tasks = await db
    .select({
      id: associationTasks.id,
      title: associationTasks.title,
      status: associationTasks.status,
      town: associationTasks.town,
      places: associationTasks.places,
      placesTaken: associationTasks.placesTaken,
      expiresOn: associationTasks.expiresOn,
      updatedAt: associationTasks.updatedAt,
    })
    .from(associationTasks)
    .where(eq(associationTasks.associationId, association.id))
    .orderBy(statusOrder, desc(associationTasks.updatedAt), asc(associationTasks.id))
    .limit(500);
  return { association, tasks };
}

/** The note of the latest return, while the task is a draft (until it is sent again). */
async function returnNote(db: Database, task: Pick<AssociationTask, "id" | "status">) {
  if (task.status !== "draft") return null;
  const [event] = await db
    .select({ details: auditEvents.details, occurredAt: auditEvents.occurredAt })
    .from(auditEvents)
    .where(and(eq(auditEvents.subjectType, "association_task"), eq(auditEvents.subjectId, task.id), eq(auditEvents.action, "task.returned")))
    .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
    .limit(1);
  const details = event?.details as { note?: unknown } | undefined;
  return typeof details?.note === "string" ? { note: details.note, at: event!.occurredAt } : null;
}

/** One of the actor's association's own tasks; another association's task is not found. */
export async function getOwnTask(db: Database, actor: Actor, taskId: string) {
  if (!can(actor.role, "read:association:own") || !isUuid(taskId)) return null;
  const association = await memberAssociation(db, actor);
  if (!association) return null;
  const [task] = await db
    .select()
    .from(associationTasks)
    .where(and(eq(associationTasks.id, taskId), eq(associationTasks.associationId, association.id)));
  if (!task) return null;
  return { association, task, returned: await returnNote(db, task) };
}

/** How many tasks wait for a coordinator: the figure coordinators see instead of an email per task. */
export async function countTasksAwaitingApproval(db: Database) {
  const [row] = await db
    .select({ value: count() })
    .from(associationTasks)
    .innerJoin(associations, eq(associations.id, associationTasks.associationId))
    .where(and(eq(associationTasks.status, "awaiting_approval"), eq(associations.status, "approved")));
  return Number(row?.value ?? 0);
}

/**
 * The coordinators' queue: tasks awaiting approval, oldest first, with their association. Tasks of an association
 * that is not approved yet come last; they cannot be approved before it is.
 */
export async function listTasksAwaitingApproval(db: Database, actor: Actor) {
  if (!can(actor.role, "read:association:any")) return null;
  return db
    .select({
      id: associationTasks.id,
      title: associationTasks.title,
      town: associationTasks.town,
      category: associationTasks.category,
      involvesChildren: associationTasks.involvesChildren,
      submittedAt: associationTasks.submittedAt,
      expiresOn: associationTasks.expiresOn,
      associationId: associations.id,
      associationName: associations.name,
      associationStatus: associations.status,
    })
    .from(associationTasks)
    .innerJoin(associations, eq(associations.id, associationTasks.associationId))
    .where(eq(associationTasks.status, "awaiting_approval"))
    .orderBy(sql`${associations.status} <> 'approved'`, asc(associationTasks.submittedAt), asc(associationTasks.id))
    .limit(500);
}

/** Any task with its association, for a coordinator. */
export async function getTaskForCoordinator(db: Database, actor: Actor, taskId: string) {
  if (!can(actor.role, "read:association:any") || !isUuid(taskId)) return null;
  const [row] = await db
    .select({ task: associationTasks, association: publicAssociationColumns, associationStatus: associations.status })
    .from(associationTasks)
    .innerJoin(associations, eq(associations.id, associationTasks.associationId))
    .where(eq(associationTasks.id, taskId));
  if (!row) return null;
  return { ...row, returned: await returnNote(db, row.task) };
}

const publicAssociationColumns = {
  id: associations.id,
  name: associations.name,
  kind: associations.kind,
  town: associations.town,
  website: associations.website,
  description: associations.description,
};

/** What makes a task public: open or filled, of an approved association, not past its expiry date. */
function visible(today: string) {
  return and(inArray(associationTasks.status, [...visibleTaskStatuses]), eq(associations.status, "approved"), gte(associationTasks.expiresOn, today))!;
}

function publicWhere(query: PublicTaskQuery, today: string) {
  const conditions: SQL[] = [visible(today)];
  // Towns are saved in one spelling (`townName`), so the filter is an exact match the town index serves.
  if (query.town) conditions.push(eq(associationTasks.town, townName(query.town)));
  if (query.category) conditions.push(eq(associationTasks.category, query.category));
  // Every chosen tag must be on the task: array containment, which the GIN index on tags answers.
  if (query.tags.length) conditions.push(arrayContains(associationTasks.tags, query.tags));
  if (query.when === "day") conditions.push(eq(associationTasks.daytime, true));
  if (query.when === "evening") conditions.push(eq(associationTasks.evening, true));
  return and(...conditions);
}

/** How many tasks the public list counts before it says "more than": 50 pages. */
export const publicTaskCountCap = 1000;

/**
 * The public task list, for visitors, mentors and coordinators alike: newest first, 20 a page, with the total
 * (counted up to `publicTaskCountCap`; `more` when there are more).
 */
export async function listPublicTasks(db: Database, input: Record<string, unknown>, options: TaskClock = {}) {
  const query = publicTaskQuery.parse(input);
  const today = copenhagenToday(options.now);
  const where = publicWhere(query, today);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: associationTasks.id,
        title: associationTasks.title,
        category: associationTasks.category,
        town: associationTasks.town,
        schedule: associationTasks.schedule,
        startsAt: associationTasks.startsAt,
        endsAt: associationTasks.endsAt,
        recurrence: associationTasks.recurrence,
        places: associationTasks.places,
        placesTaken: associationTasks.placesTaken,
        status: associationTasks.status,
        tags: associationTasks.tags,
        involvesChildren: associationTasks.involvesChildren,
        associationName: associations.name,
      })
      .from(associationTasks)
      .innerJoin(associations, eq(associations.id, associationTasks.associationId))
      .where(where)
      .orderBy(desc(associationTasks.publishedAt), desc(associationTasks.id))
      .limit(publicTaskPageSize)
      .offset((query.page - 1) * publicTaskPageSize),
    // Counted up to the cap only: past it, the list says "more than" and people narrow it with the filters.
    db
      .select({ value: count() })
      .from(
        db
          .select({ one: sql`1` })
          .from(associationTasks)
          .innerJoin(associations, eq(associations.id, associationTasks.associationId))
          .where(where)
          .limit(publicTaskCountCap + 1)
          .as("counted"),
      ),
  ]);
  const counted = Number(total?.value ?? 0);
  return { query, rows, total: Math.min(counted, publicTaskCountCap), more: counted > publicTaskCountCap, size: publicTaskPageSize };
}

/**
 * The towns with public tasks, for the list's town filter: a skip scan over the open-task index on town (one
 * probe per town), each town kept when one of its tasks is shown. A filled task's town alone does not make
 * the list; a bookmarked town is added by the page.
 */
export async function listPublicTaskTowns(db: Database, options: TaskClock = {}) {
  const today = copenhagenToday(options.now);
  const result = await db.execute(sql`
    with recursive places (town) as (
      (select town from association_tasks where status = 'open' order by town limit 1)
      union all
      select (select t.town from association_tasks t where t.status = 'open' and t.town > places.town order by t.town limit 1)
      from places where places.town is not null
    )
    -- A lateral probe with a limit, one per town: as an EXISTS the planner joins every open task at once.
    select places.town from places
    cross join lateral (
      select 1 from association_tasks t join associations a on a.id = t.association_id
      where t.town = places.town and t.status = 'open' and a.status = 'approved' and t.expires_on >= ${today}::date
      limit 1) as shown
    where places.town is not null
    order by places.town
    limit 200`);
  return rowsOf<{ town: string }>(result).map((row) => row.town);
}

/**
 * Whether a logged-in person sees a task's contact phone and email: coordinators and admins, and approved
 * mentors. Everyone else (visitors, applicants, other associations) sees the contact person's name only, and
 * reaches the association through the youth unit or a mentor.
 */
export async function seesTaskContacts(db: Database, user: { id: string; role: Actor["role"] } | null) {
  if (!user) return false;
  if (can(user.role, "read:association:any")) return true;
  if (user.role !== "volunteer") return false;
  const [row] = await db.select({ status: volunteers.status }).from(volunteers).where(eq(volunteers.userId, user.id));
  return row?.status === "approved";
}

/** A public task with its association's public profile; null when it is not (or no longer) shown. */
export async function getPublicTask(db: Database, taskId: string, options: TaskClock & { contacts?: boolean } = {}) {
  if (!isUuid(taskId)) return null;
  const today = copenhagenToday(options.now);
  const [row] = await db
    .select({ task: associationTasks, association: publicAssociationColumns })
    .from(associationTasks)
    .innerJoin(associations, eq(associations.id, associationTasks.associationId))
    .where(and(eq(associationTasks.id, taskId), visible(today)));
  if (!row) return null;
  const { task, association } = row;
  return { task: publicTask(task, options.contacts ?? false), association };
}

/** The columns a task page shows; phone and email only for those who may see them. */
export function publicTask(task: AssociationTask, contacts: boolean) {
  return {
    id: task.id,
    title: task.title,
    description: task.description,
    category: task.category,
    town: task.town,
    address: task.address,
    schedule: task.schedule,
    startsAt: task.startsAt,
    endsAt: task.endsAt,
    recurrence: task.recurrence,
    daytime: task.daytime,
    evening: task.evening,
    places: task.places,
    placesTaken: task.placesTaken,
    minutesPerOccasion: task.minutesPerOccasion,
    minimumAge: task.minimumAge,
    contactName: task.contactName,
    contactPhone: contacts ? task.contactPhone : null,
    contactEmail: contacts ? task.contactEmail : null,
    expiresOn: task.expiresOn,
    tags: task.tags,
    involvesChildren: task.involvesChildren,
    status: task.status,
    publishedAt: task.publishedAt,
  };
}
export type PublicTask = ReturnType<typeof publicTask>;
