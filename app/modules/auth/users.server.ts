import { and, asc, count, desc, eq, ilike, inArray, isNotNull, isNull, sql, sum, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "#db/client.server";
import { userCounts, users, type AccountState, type Role } from "#db/schema";
import { audit, type AuditOrigin } from "~/modules/audit/audit.server";
import { roles } from "./permissions";
import { invalidateUserSessions } from "./session.server";
import { urlParam } from "~/url-param";

export const userSortKeys = ["name", "email", "role", "createdAt", "lastLoginAt"] as const;
export type UserSortKey = (typeof userSortKeys)[number];
export const pageSizes = [10, 25, 50, 100] as const;

/** The admin user list's URL state; anything unexpected falls back to the default, never to an error. */
export const userListQuery = z.object({
  page: urlParam(z.coerce.number().int().min(1).max(100_000), 1),
  size: urlParam(
    z.coerce.number().refine((value) => (pageSizes as readonly number[]).includes(value)),
    25,
  ),
  sort: urlParam(z.enum(userSortKeys), "name"),
  dir: urlParam(z.enum(["asc", "desc"]), "asc"),
  q: urlParam(z.string().trim().max(100), ""),
  role: urlParam(z.enum(["", ...roles]), ""),
  status: urlParam(z.enum(["", "active", "disabled", "unverified"]), ""),
});
export type UserListQuery = z.infer<typeof userListQuery>;

export function parseUserListQuery(searchParams: URLSearchParams): UserListQuery {
  return userListQuery.parse(Object.fromEntries(searchParams));
}

/** One filter for the list and its count, so the two can never disagree. */
function userFilter(query: UserListQuery): SQL | undefined {
  const conditions: SQL[] = [];
  if (query.q) {
    const pattern = `%${query.q.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
    conditions.push(ilike(sql`(${users.name} || ' ' || ${users.email})`, pattern));
  }
  if (query.role) conditions.push(eq(users.role, query.role));
  if (query.status === "disabled") conditions.push(isNotNull(users.disabledAt));
  if (query.status === "active") conditions.push(and(isNull(users.disabledAt), isNotNull(users.emailVerifiedAt))!);
  if (query.status === "unverified") conditions.push(and(isNull(users.emailVerifiedAt), isNull(users.disabledAt))!);
  return conditions.length ? and(...conditions) : undefined;
}

const sortColumns: Record<UserSortKey, SQL> = {
  name: sql`lower(${users.name})`,
  email: sql`${users.email}`,
  role: sql`${users.role}`,
  createdAt: sql`${users.createdAt}`,
  lastLoginAt: sql`${users.lastLoginAt}`,
};

export const userListColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  role: users.role,
  emailVerifiedAt: users.emailVerifiedAt,
  disabledAt: users.disabledAt,
  createdAt: users.createdAt,
  lastLoginAt: users.lastLoginAt,
};

const statesFor: Record<UserListQuery["status"], AccountState[]> = {
  "": ["active", "unverified", "disabled"],
  active: ["active"],
  unverified: ["unverified"],
  disabled: ["disabled"],
};

/** The list's total: from the trigger-kept counters unless a search word is given. */
async function countUsers(db: Database, query: UserListQuery) {
  if (query.q) {
    const [row] = await db.select({ value: count() }).from(users).where(userFilter(query));
    return Number(row?.value ?? 0);
  }
  const [row] = await db
    .select({ value: sum(userCounts.count) })
    .from(userCounts)
    .where(and(inArray(userCounts.state, statesFor[query.status]), query.role ? eq(userCounts.role, query.role) : undefined));
  return Number(row?.value ?? 0);
}

export async function listUsers(db: Database, query: UserListQuery) {
  const total = await countUsers(db, query);
  const offset = (query.page - 1) * query.size;
  if (offset >= total) return { rows: [], total };

  // A page past the middle is read from the other end, so the last pages cost what the first ones do.
  const fromEnd = offset > total / 2;
  const ascending = (query.dir === "asc") !== fromEnd;
  const direction = ascending ? asc : desc;
  const order = [direction(sortColumns[query.sort]), direction(users.id)];
  const limit = Math.min(query.size, total - offset);
  // Find the page's ids on the sort index alone, then read just those rows.
  const pageIds = db
    .select({ id: users.id })
    .from(users)
    .where(userFilter(query))
    .orderBy(...order)
    .limit(limit)
    .offset(fromEnd ? total - offset - limit : offset)
    .as("page_ids");
  const rows = await db.select(userListColumns).from(users).innerJoin(pageIds, eq(users.id, pageIds.id)).orderBy(...order);
  return { rows: fromEnd ? rows.reverse() : rows, total };
}

export async function getUser(db: Database, id: string) {
  if (!z.string().uuid().safeParse(id).success) return null;
  const [user] = await db.select(userListColumns).from(users).where(eq(users.id, id)).limit(1);
  return user ?? null;
}

type AdminChange = { ok: true } | { ok: false; reason: "not_found" | "self" };

/** A role change takes effect at the next login: the user's sessions are revoked with it. */
export async function changeUserRole(db: Database, origin: AuditOrigin, userId: string, role: Role): Promise<AdminChange> {
  if (userId === origin.actorId) return { ok: false, reason: "self" };
  return db.transaction(async (tx) => {
    const [before] = await tx.select({ role: users.role }).from(users).where(eq(users.id, userId)).for("update");
    if (!before) return { ok: false as const, reason: "not_found" as const };
    if (before.role === role) return { ok: true as const };
    await tx.update(users).set({ role, updatedAt: new Date() }).where(eq(users.id, userId));
    await invalidateUserSessions(tx, userId);
    await audit(tx, origin, { action: "admin.role_changed", subjectType: "user", subjectId: userId, details: { from: before.role, to: role } });
    return { ok: true as const };
  });
}

export async function setUserDisabled(db: Database, origin: AuditOrigin, userId: string, disabled: boolean): Promise<AdminChange> {
  if (userId === origin.actorId) return { ok: false, reason: "self" };
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(users)
      .set({ disabledAt: disabled ? new Date() : null, updatedAt: new Date() })
      .where(and(eq(users.id, userId), disabled ? isNull(users.disabledAt) : isNotNull(users.disabledAt)))
      .returning({ id: users.id });
    if (!updated) {
      const exists = await getUser(tx, userId);
      return exists ? { ok: true as const } : { ok: false as const, reason: "not_found" as const };
    }
    if (disabled) await invalidateUserSessions(tx, userId);
    await audit(tx, origin, { action: disabled ? "admin.account_disabled" : "admin.account_enabled", subjectType: "user", subjectId: userId });
    return { ok: true as const };
  });
}
