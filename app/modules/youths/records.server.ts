import { and, asc, count, desc, eq, inArray, isNull, notInArray, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "#db/client.server";
import { auditEvents, pairings, users, youths, type Youth } from "#db/schema";
import { audit } from "~/modules/audit/audit.server";
import { can } from "~/modules/auth/permissions";
import { decryptOptional, encryptText, type EncryptionKey } from "~/modules/crypto/encryption.server";
import { isUuid, originOf } from "~/modules/volunteers/context.server";
import { youthCloseInput, youthInput, youthListQuery, type YouthInput, type YouthListQuery } from "./schemas";
import { sensitiveNoteFields, type Actor, type Result, type SensitiveNotes } from "./types";

export interface YouthDeps {
  db: Database;
  key: EncryptionKey;
}

type Common = "forbidden" | "not_found" | "invalid";

/** Audit actions that are not changes: they stay in the audit log, out of the youth's timeline. */
const notInTimeline = ["youth.viewed", "youth.searched", "youth.suggestions_viewed", "youth.follow_up_viewed", "youth.viewed_by_association"];
const openPairing = ["proposed", "accepted", "active"] as const;

function youthAudit(db: Database, actor: Actor, youthId: string | null, action: string, details: Record<string, unknown> = {}) {
  return audit(db, originOf(actor), { action, subjectType: "youth", subjectId: youthId ?? undefined, details });
}

/** The notes as one encrypted value; none at all when every note is empty. */
function encryptNotes(key: EncryptionKey, notes: SensitiveNotes) {
  return sensitiveNoteFields.some((field) => notes[field]) ? encryptText(key, JSON.stringify(notes)) : null;
}

function columnsOf(data: ReturnType<typeof youthInput.parse>, key: EncryptionKey) {
  const { sensitiveNotes, ...rest } = data;
  return { ...rest, sensitiveNotesEncrypted: encryptNotes(key, sensitiveNotes) };
}

/** Which fields a change touched, by name only: the audit trail never holds a youth's details. */
function changedFields(before: Youth, after: ReturnType<typeof columnsOf>, notesBefore: SensitiveNotes, notesAfter: SensitiveNotes) {
  const fields: string[] = (Object.keys(after) as (keyof typeof after)[])
    .filter((field) => field !== "sensitiveNotesEncrypted")
    .filter((field) => JSON.stringify(before[field as keyof Youth]) !== JSON.stringify(after[field]));
  if (JSON.stringify(notesBefore) !== JSON.stringify(notesAfter)) fields.push("sensitiveNotes");
  return fields;
}

function readNotes(key: EncryptionKey, value: string | null): SensitiveNotes {
  const text = decryptOptional(key, value);
  const empty = { diagnoses: "", substanceUse: "", other: "" };
  return text ? { ...empty, ...(JSON.parse(text) as Partial<SensitiveNotes>) } : empty;
}

async function staffExists(db: Database, userId: string | null) {
  if (!userId) return true;
  const [staff] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, userId), inArray(users.role, ["coordinator", "admin"]), isNull(users.disabledAt)));
  return Boolean(staff);
}

/** Intake: a new youth record, in status `intake`; the consent is recorded by the coordinator who creates it. */
export async function createYouth(deps: YouthDeps, actor: Actor, input: YouthInput): Promise<Result<{ youthId: string }, Common | "invalid_coordinator">> {
  if (!can(actor.role, "update:youth:any")) return { ok: false, reason: "forbidden" };
  const parsed = youthInput.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  if (!(await staffExists(deps.db, parsed.data.responsibleCoordinatorId))) return { ok: false, reason: "invalid_coordinator" };
  return deps.db.transaction(async (tx) => {
    const [youth] = await tx
      .insert(youths)
      .values({ ...columnsOf(parsed.data, deps.key), consentRecordedBy: actor.id, createdBy: actor.id })
      .returning({ id: youths.id });
    await youthAudit(tx, actor, youth!.id, "youth.created");
    return { ok: true as const, youthId: youth!.id };
  });
}

/** Edits a record that is not closed; the audit event names the fields that changed, never their values. */
export async function updateYouth(
  deps: YouthDeps,
  actor: Actor,
  youthId: string,
  input: YouthInput,
): Promise<Result<{ changed: string[] }, Common | "illegal_state" | "invalid_coordinator">> {
  if (!can(actor.role, "update:youth:any")) return { ok: false, reason: "forbidden" };
  const parsed = youthInput.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  if (!isUuid(youthId)) return { ok: false, reason: "not_found" };
  if (!(await staffExists(deps.db, parsed.data.responsibleCoordinatorId))) return { ok: false, reason: "invalid_coordinator" };
  return deps.db.transaction(async (tx) => {
    const [before] = await tx.select().from(youths).where(eq(youths.id, youthId)).for("update");
    if (!before) return { ok: false as const, reason: "not_found" as const };
    if (before.status === "closed") return { ok: false as const, reason: "illegal_state" as const };
    const after = columnsOf(parsed.data, deps.key);
    const changed = changedFields(before, after, readNotes(deps.key, before.sensitiveNotesEncrypted), parsed.data.sensitiveNotes);
    if (changed.length === 0) return { ok: true as const, changed };
    // An unchanged note keeps its ciphertext: re-encrypting would look like a change to anyone comparing rows.
    const values = changed.includes("sensitiveNotes") ? after : { ...after, sensitiveNotesEncrypted: before.sensitiveNotesEncrypted };
    await tx
      .update(youths)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(youths.id, youthId));
    await youthAudit(tx, actor, youthId, "youth.updated", { fields: changed });
    return { ok: true as const, changed };
  });
}

/** Intake done: the youth waits for a mentor from now, and shows among those ready for matching. */
export async function markReady(deps: Pick<YouthDeps, "db">, actor: Actor, youthId: string, clock: { now?: Date } = {}): Promise<Result<object, Common | "illegal_state">> {
  if (!can(actor.role, "update:youth:any")) return { ok: false, reason: "forbidden" };
  if (!isUuid(youthId)) return { ok: false, reason: "not_found" };
  return deps.db.transaction(async (tx) => {
    const [youth] = await tx.select().from(youths).where(eq(youths.id, youthId)).for("update");
    if (!youth) return { ok: false as const, reason: "not_found" as const };
    if (youth.status !== "intake") return { ok: false as const, reason: "illegal_state" as const };
    await tx
      .update(youths)
      .set({ status: "ready", readySince: clock.now ?? new Date(), updatedAt: new Date() })
      .where(eq(youths.id, youthId));
    await youthAudit(tx, actor, youthId, "youth.ready");
    return { ok: true as const };
  });
}

/**
 * Closes a youth's course with its outcome. An open proposal or pairing must be closed first, so that the
 * mentor is never left with a pairing whose youth is gone.
 */
export async function closeYouth(
  deps: Pick<YouthDeps, "db">,
  actor: Actor,
  youthId: string,
  input: { outcome: string },
): Promise<Result<object, Common | "illegal_state" | "open_pairing">> {
  if (!can(actor.role, "update:youth:any")) return { ok: false, reason: "forbidden" };
  const parsed = youthCloseInput.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  if (!isUuid(youthId)) return { ok: false, reason: "not_found" };
  return deps.db.transaction(async (tx) => {
    const [youth] = await tx.select().from(youths).where(eq(youths.id, youthId)).for("update");
    if (!youth) return { ok: false as const, reason: "not_found" as const };
    if (youth.status === "closed") return { ok: false as const, reason: "illegal_state" as const };
    const [open] = await tx
      .select({ id: pairings.id })
      .from(pairings)
      .where(and(eq(pairings.youthId, youthId), inArray(pairings.status, [...openPairing])));
    if (open) return { ok: false as const, reason: "open_pairing" as const };
    await tx
      .update(youths)
      .set({ status: "closed", outcome: parsed.data.outcome, closedAt: new Date(), updatedAt: new Date() })
      .where(eq(youths.id, youthId));
    await youthAudit(tx, actor, youthId, "youth.closed", { from: youth.status, outcome: parsed.data.outcome });
    return { ok: true as const };
  });
}

/**
 * A youth's whole record for a coordinator, the sensitive notes decrypted, with the pairings and the
 * timeline of changes. Reading it is audited (`youth.viewed`).
 */
export async function getYouthForCoordinator(deps: YouthDeps, actor: Actor, youthId: string) {
  if (!can(actor.role, "read:youth:any") || !isUuid(youthId)) return null;
  const { db, key } = deps;
  const [youth] = await db.select().from(youths).where(eq(youths.id, youthId));
  if (!youth) return null;
  await youthAudit(db, actor, youthId, "youth.viewed");
  const mentor = alias(users, "mentor");
  const [timeline, history] = await Promise.all([
    db
      .select({ id: auditEvents.id, occurredAt: auditEvents.occurredAt, actorId: auditEvents.actorId, actorName: users.name, action: auditEvents.action, details: auditEvents.details })
      .from(auditEvents)
      .leftJoin(users, eq(users.id, auditEvents.actorId))
      .where(and(eq(auditEvents.subjectType, "youth"), eq(auditEvents.subjectId, youthId), notInArray(auditEvents.action, notInTimeline)))
      .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
      .limit(200),
    db
      .select({ id: pairings.id, status: pairings.status, mentorName: mentor.name, volunteerId: pairings.volunteerId, proposedAt: pairings.proposedAt, startedAt: pairings.startedAt, closedAt: pairings.closedAt })
      .from(pairings)
      .innerJoin(mentor, eq(mentor.id, pairings.mentorUserId))
      .where(eq(pairings.youthId, youthId))
      .orderBy(desc(pairings.createdAt)),
  ]);
  const { sensitiveNotesEncrypted, ...record } = youth;
  return { youth: { ...record, sensitiveNotes: readNotes(key, sensitiveNotesEncrypted) }, timeline, pairings: history };
}

export type YouthRecord = NonNullable<Awaited<ReturnType<typeof getYouthForCoordinator>>>;

const coordinator = alias(users, "coordinator");

function escapeLike(value: string) {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}

function listFilter(query: YouthListQuery, now: Date): SQL | undefined {
  const conditions: SQL[] = [];
  if (query.status) conditions.push(eq(youths.status, query.status));
  if (query.coordinator === "none") conditions.push(isNull(youths.responsibleCoordinatorId));
  else if (query.coordinator) conditions.push(eq(youths.responsibleCoordinatorId, query.coordinator));
  if (query.afterHours) conditions.push(eq(youths.afterHoursSupport, true));
  if (query.waitingDays !== "") {
    const since = new Date(now.getTime() - query.waitingDays * 24 * 60 * 60 * 1000);
    conditions.push(eq(youths.status, "ready"), sql`${youths.readySince} <= ${since.toISOString()}::timestamptz`);
  }
  if (query.q) conditions.push(sql`lower(${youths.firstName} || ' ' || ${youths.lastName}) like ${`%${escapeLike(query.q.toLowerCase())}%`}`);
  return conditions.length ? and(...conditions) : undefined;
}

const sortColumns = {
  name: sql`lower(${youths.lastName} || ' ' || ${youths.firstName})`,
  status: sql`${youths.status}`,
  // Longest waiting first when descending: the earliest `ready_since`.
  waiting: sql`${youths.readySince}`,
  town: sql`lower(${youths.town})`,
  coordinator: sql`lower(${coordinator.name})`,
} as const;

/** The coordinators' youth list, filtered, sorted and paged in SQL; the search and its terms are audited. */
export async function listYouths(db: Database, actor: Actor, input: Partial<YouthListQuery>, clock: { now?: Date } = {}) {
  if (!can(actor.role, "read:youth:any")) return null;
  const query = youthListQuery.parse(input);
  const now = clock.now ?? new Date();
  const where = listFilter(query, now);
  const ascending = query.sort === "waiting" ? query.dir === "desc" : query.dir === "asc";
  const direction = ascending ? sql`asc nulls last` : sql`desc nulls last`;
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: youths.id,
        firstName: youths.firstName,
        lastName: youths.lastName,
        birthYear: youths.birthYear,
        town: youths.town,
        status: youths.status,
        readySince: youths.readySince,
        afterHoursSupport: youths.afterHoursSupport,
        coordinatorName: coordinator.name,
      })
      .from(youths)
      .leftJoin(coordinator, eq(coordinator.id, youths.responsibleCoordinatorId))
      .where(where)
      .orderBy(sql`${sortColumns[query.sort]} ${direction}`, ascending ? asc(youths.id) : desc(youths.id))
      .limit(query.size)
      .offset((query.page - 1) * query.size),
    db.select({ value: count() }).from(youths).where(where),
  ]);
  const { page: _page, size: _size, ...terms } = query;
  await youthAudit(db, actor, null, "youth.searched", Object.fromEntries(Object.entries(terms).filter(([, value]) => value !== "")));
  return { rows, total: Number(total?.value ?? 0), query };
}
