import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessions, users } from "#db/schema";
import {
  createSession,
  invalidateUserSessions,
  sessionPolicy,
  validateSessionToken,
} from "~/modules/auth/session.server";
import { hashToken } from "~/modules/auth/tokens.server";
import { createUser } from "../factories/users";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const minutes = (n: number) => n * 60_000;

describe("sessions", () => {
  it("stores only the SHA-256 of the token and finds the user by the token", async () => {
    const user = await createUser(database.db);
    const { token } = await createSession(database.db, user);
    expect(token.length).toBeGreaterThanOrEqual(26); // 160 bits in base32
    const stored = await database.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(stored).toHaveLength(1);
    expect(stored[0]!.id).toBe(hashToken(token));
    expect(stored[0]!.id).not.toContain(token);
    const found = await validateSessionToken(database.db, token);
    expect(found?.id).toBe(user.id);
  });

  it("refuses an unknown token", async () => {
    expect(await validateSessionToken(database.db, "not-a-real-token")).toBeNull();
  });

  it("ends a staff session after 30 idle minutes, and a volunteer's only after days", async () => {
    const start = new Date("2026-03-02T08:00:00Z");
    const coordinator = await createUser(database.db, { role: "coordinator" });
    const volunteer = await createUser(database.db, { role: "volunteer" });
    const staff = await createSession(database.db, coordinator, start);
    const member = await createSession(database.db, volunteer, start);
    const later = new Date(start.getTime() + minutes(31));
    expect(await validateSessionToken(database.db, staff.token, later)).toBeNull();
    expect((await validateSessionToken(database.db, member.token, later))?.id).toBe(volunteer.id);
    // The expired staff session is gone for good.
    expect(await database.db.select().from(sessions).where(eq(sessions.id, hashToken(staff.token)))).toHaveLength(0);
  });

  it("slides the idle expiry while the user is active, but never past the absolute lifetime", async () => {
    const start = new Date("2026-03-03T08:00:00Z");
    const admin = await createUser(database.db, { role: "admin" });
    const { token, expiresAt } = await createSession(database.db, admin, start);
    expect(expiresAt.getTime() - start.getTime()).toBe(sessionPolicy.staff.absolute);
    // Active every 20 minutes: the idle window keeps moving.
    let now = start;
    while (now.getTime() + minutes(20) < expiresAt.getTime()) {
      now = new Date(now.getTime() + minutes(20));
      expect(await validateSessionToken(database.db, token, now), now.toISOString()).not.toBeNull();
    }
    // Activity does not help past the absolute lifetime of 12 hours.
    expect(await validateSessionToken(database.db, token, new Date(expiresAt.getTime() + 1000))).toBeNull();
  });

  it("refuses the sessions of a disabled account", async () => {
    const user = await createUser(database.db);
    const { token } = await createSession(database.db, user);
    await database.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, user.id));
    expect(await validateSessionToken(database.db, token)).toBeNull();
  });

  it("revokes all of a user's sessions at once", async () => {
    const user = await createUser(database.db);
    const other = await createUser(database.db);
    const first = await createSession(database.db, user);
    const second = await createSession(database.db, user);
    const kept = await createSession(database.db, other);
    await invalidateUserSessions(database.db, user.id);
    expect(await validateSessionToken(database.db, first.token)).toBeNull();
    expect(await validateSessionToken(database.db, second.token)).toBeNull();
    expect(await validateSessionToken(database.db, kept.token)).not.toBeNull();
  });
});
