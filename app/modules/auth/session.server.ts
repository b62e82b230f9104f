import { and, eq, isNull, sql } from "drizzle-orm";
import type { Database } from "#db/client.server";
import { sessions, users, type Role } from "#db/schema";
import { isStaff } from "./permissions";
import { generateToken, hashToken } from "./tokens.server";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Lifetimes by role (ADR 0002): staff sessions are short because staff reach sensitive records. */
export const sessionPolicy = {
  staff: { idle: 30 * MINUTE, absolute: 12 * HOUR },
  member: { idle: 14 * DAY, absolute: 30 * DAY },
} as const;

// Sliding the idle expiry is a write; doing it at most once a minute keeps page views read-only.
const TOUCH_INTERVAL = MINUTE;

export function policyFor(role: Role) {
  return isStaff(role) ? sessionPolicy.staff : sessionPolicy.member;
}

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  locale: "da" | "en";
  emailVerified: boolean;
}

export async function createSession(db: Database, user: { id: string; role: Role }, now = new Date()) {
  const token = generateToken();
  const policy = policyFor(user.role);
  const expiresAt = new Date(now.getTime() + policy.absolute);
  await db.insert(sessions).values({
    id: hashToken(token),
    userId: user.id,
    createdAt: now,
    lastSeenAt: now,
    idleExpiresAt: new Date(now.getTime() + policy.idle),
    expiresAt,
  });
  return { token, expiresAt };
}

function prepareSessionLookup(db: Database) {
  return db
    .select({
      session: sessions,
      user: {
        id: users.id,
        email: users.email,
        name: users.name,
        role: users.role,
        locale: users.locale,
        emailVerifiedAt: users.emailVerifiedAt,
      },
    })
    .from(sessions)
    .innerJoin(users, and(eq(users.id, sessions.userId), isNull(users.disabledAt)))
    .where(eq(sessions.id, sql.placeholder("id")))
    .limit(1)
    .prepare("session_lookup");
}

// Every request of a logged-in person runs this one query: it is built once per database, not per request.
const sessionLookups = new WeakMap<Database, ReturnType<typeof prepareSessionLookup>>();

function sessionLookup(db: Database) {
  let lookup = sessionLookups.get(db);
  if (!lookup) {
    lookup = prepareSessionLookup(db);
    sessionLookups.set(db, lookup);
  }
  return lookup;
}

/** The user behind a session cookie's token, or null when the session is unknown, expired or disabled. */
export async function validateSessionToken(
  db: Database,
  token: string,
  now = new Date(),
): Promise<SessionUser | null> {
  const id = hashToken(token);
  const [row] = await sessionLookup(db).execute({ id });
  if (!row) return null;

  const { session, user } = row;
  if (now >= session.expiresAt || now >= session.idleExpiresAt) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_INTERVAL) {
    const idleExpiresAt = new Date(
      Math.min(now.getTime() + policyFor(user.role).idle, session.expiresAt.getTime()),
    );
    await db.update(sessions).set({ lastSeenAt: now, idleExpiresAt }).where(eq(sessions.id, id));
  }
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    locale: user.locale,
    emailVerified: user.emailVerifiedAt !== null,
  };
}

export async function invalidateSession(db: Database, token: string) {
  await db.delete(sessions).where(eq(sessions.id, hashToken(token)));
}

export async function invalidateUserSessions(db: Database, userId: string) {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}
