import { and, count, desc, eq, gte, like, lt, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "#db/client.server";
import { auditEvents, users } from "#db/schema";
import { timeZone } from "~/i18n/locales";
import { urlParam } from "~/url-param";

export const auditPageSizes = [10, 25, 50, 100] as const;

/** A calendar day as `<input type="date">` sends it; the year range keeps PostgreSQL from refusing it. */
const day = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    const year = date.getUTCFullYear();
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value) && year >= 1900 && year <= 9999;
  });

/** The audit log's URL state; anything unexpected falls back to the default, never to an error. */
export const auditLogQuery = z.object({
  page: urlParam(z.coerce.number().int().min(1).max(100_000), 1),
  size: urlParam(
    z.coerce.number().refine((value) => (auditPageSizes as readonly number[]).includes(value)),
    25,
  ),
  /** The start of an action name, e.g. "auth." or "admin.role_changed". */
  action: urlParam(z.string().trim().max(100).regex(/^[\w.:-]*$/), ""),
  actor: urlParam(z.literal("").or(z.string().trim().uuid()), ""),
  subject: urlParam(z.string().trim().max(200), ""),
  /** Days in Danish time, both inclusive. */
  from: urlParam(z.literal("").or(day), ""),
  to: urlParam(z.literal("").or(day), ""),
});
export type AuditLogQuery = z.infer<typeof auditLogQuery>;

export function parseAuditLogQuery(searchParams: URLSearchParams): AuditLogQuery {
  return auditLogQuery.parse(Object.fromEntries(searchParams));
}

/** The filters in force, for the `audit.viewed` event: what was looked at, not how it was paged. */
export function activeAuditFilters(query: AuditLogQuery): Record<string, string> {
  const { action, actor, subject, from, to } = query;
  return Object.fromEntries(Object.entries({ action, actor, subject, from, to }).filter(([, value]) => value !== ""));
}

/** Midnight starting a Danish calendar day, as an instant; a constant, so the occurred_at index still applies. */
function startOfDay(value: string, plusDays = 0): SQL {
  return sql`((${value}::date + ${plusDays}::integer)::timestamp at time zone ${timeZone})`;
}

/** One filter for the list and its count, so the two can never disagree. */
function auditFilter(query: AuditLogQuery): SQL | undefined {
  const conditions: SQL[] = [];
  if (query.action) conditions.push(like(auditEvents.action, `${query.action.replace(/[\\%_]/g, (char) => `\\${char}`)}%`));
  if (query.actor) conditions.push(eq(auditEvents.actorId, query.actor));
  if (query.subject) conditions.push(eq(auditEvents.subjectId, query.subject));
  if (query.from) conditions.push(gte(auditEvents.occurredAt, startOfDay(query.from)));
  if (query.to) conditions.push(lt(auditEvents.occurredAt, startOfDay(query.to, 1)));
  return conditions.length ? and(...conditions) : undefined;
}

const auditRowColumns = {
  id: auditEvents.id,
  occurredAt: auditEvents.occurredAt,
  actorId: auditEvents.actorId,
  /** Null for the system, or for an account that no longer exists: the trail outlives accounts. */
  actorName: users.name,
  action: auditEvents.action,
  subjectType: auditEvents.subjectType,
  subjectId: auditEvents.subjectId,
  ip: auditEvents.ip,
  requestId: auditEvents.requestId,
  details: auditEvents.details,
};

// Newest first, on the (occurred_at desc, id desc) index; the id orders events of the same instant.
const newestFirst = [desc(auditEvents.occurredAt), desc(auditEvents.id)];

export async function listAuditEvents(db: Database, query: AuditLogQuery) {
  const where = auditFilter(query);
  // Deep pages: find the page's ids on the index alone, then read and join just those rows.
  const pageIds = db
    .select({ id: auditEvents.id })
    .from(auditEvents)
    .where(where)
    .orderBy(...newestFirst)
    .limit(query.size)
    .offset((query.page - 1) * query.size)
    .as("page_ids");
  const [rows, [total]] = await Promise.all([
    db
      .select(auditRowColumns)
      .from(auditEvents)
      .innerJoin(pageIds, eq(auditEvents.id, pageIds.id))
      .leftJoin(users, eq(users.id, auditEvents.actorId))
      .orderBy(...newestFirst),
    db.select({ value: count() }).from(auditEvents).where(where),
  ]);
  return { rows, total: Number(total?.value ?? 0) };
}

export type AuditRow = Awaited<ReturnType<typeof listAuditEvents>>["rows"][number];

const uuid = z.string().uuid();

/**
 * The latest events by a user or about them, newest first. Two queries, each on its own index (actor; subject),
 * merged here: an OR would make PostgreSQL collect and sort all of a busy account's events to keep 20.
 */
export async function listRecentUserEvents(db: Database, userId: string, limit = 20): Promise<AuditRow[]> {
  if (!uuid.safeParse(userId).success) return [];
  const recent = (where: SQL | undefined) =>
    db
      .select(auditRowColumns)
      .from(auditEvents)
      .leftJoin(users, eq(users.id, auditEvents.actorId))
      .where(where)
      .orderBy(...newestFirst)
      .limit(limit);
  const [byActor, aboutSubject] = await Promise.all([
    recent(eq(auditEvents.actorId, userId)),
    recent(and(eq(auditEvents.subjectType, "user"), eq(auditEvents.subjectId, userId))),
  ]);
  const merged = new Map<number, AuditRow>();
  for (const row of [...byActor, ...aboutSubject]) merged.set(row.id, row);
  return [...merged.values()]
    .sort((a, b) => b.occurredAt.getTime() - a.occurredAt.getTime() || b.id - a.id)
    .slice(0, limit);
}
