import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { rowsOf } from "#db/client.server";
import { auditEvents, sessions, users } from "#db/schema";
import type { JobQueue } from "~/jobs.server";
import {
  changePassword,
  confirmEmailChange,
  logIn,
  requestEmailChange,
  requestPasswordReset,
  resetPassword,
  signUp,
  verifyEmail,
  type AccountDeps,
} from "~/modules/auth/accounts.server";
import { rateLimitRules } from "~/modules/auth/rate-limit.server";
import { validateSessionToken } from "~/modules/auth/session.server";
import { createUser } from "../factories/users";
import { createTestContext, queuedJobs } from "../helpers/context";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

let database: TestDatabase;
let deps: AccountDeps;
let ipCounter = 0;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());
beforeEach(() => {
  // Each test acts from its own address, so the per-IP limits of one test do not spill into the next.
  ipCounter += 1;
  const context = createTestContext(database.handle);
  deps = { db: context.db, jobs: context.jobs, env: context.env, origin: { actorId: null, requestId: "r1", ip: `198.51.100.${ipCounter}` } };
});

type EmailData = { to: string; template: string; props: Record<string, string> };

async function emailsTo(address: string) {
  return (await queuedJobs<EmailData>(database.db, "email")).map((job) => job.data).filter((data) => data.to === address);
}

function tokenFrom(url: string) {
  return new URL(url).searchParams.get("token")!;
}

async function auditActions(userId: string) {
  const rows = await database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, userId));
  return rows.map((row) => row.action);
}

const strong = "kaffe bjerg cykel lanterne";

describe("sign-up and verification", () => {
  it("creates an unverified account and queues the verification email in the same transaction", async () => {
    const result = await signUp(deps, { email: "  Mette@Example.test ", password: strong, name: "Mette Hansen", locale: "da" });
    expect(result).toEqual({ ok: true });
    const [user] = await database.db.select().from(users).where(eq(users.email, "mette@example.test"));
    expect(user?.emailVerifiedAt).toBeNull();
    expect(user?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const [mail] = await emailsTo("mette@example.test");
    expect(mail?.template).toBe("verifyEmail");
    expect(mail?.props.url).toMatch(/^http:\/\/localhost:3000\/verify-email\?token=/);

    expect(await verifyEmail(deps, tokenFrom(mail!.props.url!))).toEqual({ ok: true });
    const [verified] = await database.db.select().from(users).where(eq(users.id, user!.id));
    expect(verified?.emailVerifiedAt).not.toBeNull();
    // A link works once.
    expect(await verifyEmail(deps, tokenFrom(mail!.props.url!))).toEqual({ ok: false });
    expect(await auditActions(user!.id)).toEqual(expect.arrayContaining(["auth.signup", "auth.email_verified"]));
  });

  it("answers a sign-up for a taken address the same way, and tells the owner by email instead", async () => {
    const owner = await createUser(database.db, { email: "taken@example.test" });
    const result = await signUp(deps, { email: "taken@example.test", password: strong, name: "Someone Else", locale: "en" });
    expect(result).toEqual({ ok: true });
    const rows = await database.db.select().from(users).where(eq(users.email, "taken@example.test"));
    expect(rows.map((row) => row.id)).toEqual([owner.id]);
    expect((await emailsTo("taken@example.test")).map((mail) => mail.template)).toEqual(["accountExists"]);
  });

  it("refuses a weak password and writes nothing", async () => {
    const result = await signUp(deps, { email: "weak@example.test", password: "password1234", name: "Weak", locale: "da" });
    expect(result).toEqual({ ok: false, reason: "weak_password" });
    expect(await database.db.select().from(users).where(eq(users.email, "weak@example.test"))).toHaveLength(0);
    expect(await emailsTo("weak@example.test")).toHaveLength(0);
  });

  it("leaves no account behind when the email cannot be queued", async () => {
    // why: a queue that fails stands in for a crash between the insert and the enqueue.
    const failingJobs: JobQueue = { send: () => Promise.reject(new Error("queue down")) };
    await expect(
      signUp({ ...deps, jobs: failingJobs }, { email: "crash@example.test", password: strong, name: "Crash", locale: "da" }),
    ).rejects.toThrow("queue down");
    expect(await database.db.select().from(users).where(eq(users.email, "crash@example.test"))).toHaveLength(0);
  });
});

describe("login", () => {
  it("logs in a verified user with a new session and records it", async () => {
    const user = await createUser(database.db, { email: "login@example.test", password: strong });
    const result = await logIn(deps, { email: "LOGIN@example.test", password: strong });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect((await validateSessionToken(database.db, result.token))?.id).toBe(user.id);
    expect(await auditActions(user.id)).toContain("auth.login");
  });

  it("gives the same answer for a wrong password and an unknown account, and records the failure", async () => {
    const user = await createUser(database.db, { password: strong });
    expect(await logIn(deps, { email: user.email, password: "wrong password here" })).toEqual({ ok: false, reason: "invalid" });
    expect(await logIn(deps, { email: "nobody@example.test", password: strong })).toEqual({ ok: false, reason: "invalid" });
    expect(await auditActions(user.id)).toContain("auth.login_failed");
  });

  it("refuses an unverified account and sends a fresh link", async () => {
    const user = await createUser(database.db, { verified: false, password: strong });
    expect(await logIn(deps, { email: user.email, password: strong })).toEqual({ ok: false, reason: "unverified" });
    expect((await emailsTo(user.email)).map((mail) => mail.template)).toEqual(["verifyEmail"]);
  });

  it("refuses a disabled account", async () => {
    const user = await createUser(database.db, { disabled: true, password: strong });
    expect(await logIn(deps, { email: user.email, password: strong })).toEqual({ ok: false, reason: "disabled" });
  });

  it("locks an account for a short window after repeated attempts, and a password reset lifts it", async () => {
    const user = await createUser(database.db, { password: strong });
    for (let i = 0; i < rateLimitRules.loginAccount.limit; i++) {
      deps.origin.ip = `192.0.2.${i}`; // from many addresses, so only the account limit applies
      expect((await logIn(deps, { email: user.email, password: "not the password" })).ok).toBe(false);
    }
    const locked = await logIn(deps, { email: user.email, password: strong });
    expect(locked).toMatchObject({ ok: false, reason: "rate_limited" });
    if (locked.ok || locked.reason !== "rate_limited") return;
    expect(locked.retryAfterSeconds).toBeLessThanOrEqual(rateLimitRules.loginAccount.windowSeconds);

    await requestPasswordReset(deps, user.email);
    const [mail] = await emailsTo(user.email);
    expect(await resetPassword(deps, { token: tokenFrom(mail!.props.url!), password: "en helt ny lang adgangskode" })).toEqual({ ok: true });
    expect((await logIn(deps, { email: user.email, password: "en helt ny lang adgangskode" })).ok).toBe(true);
  });
});

describe("passwords", () => {
  it("resets a password by emailed link, revokes every session and tells the owner", async () => {
    const user = await createUser(database.db, { password: strong });
    const before = await logIn(deps, { email: user.email, password: strong });
    expect(before.ok).toBe(true);

    await requestPasswordReset(deps, user.email.toUpperCase());
    const [mail] = await emailsTo(user.email);
    expect(mail?.template).toBe("resetPassword");
    const token = tokenFrom(mail!.props.url!);
    expect(await resetPassword(deps, { token, password: "short" })).toEqual({ ok: false, reason: "weak_password" });
    expect(await resetPassword(deps, { token, password: "sommerfugl over havnen i vejle" })).toEqual({ ok: true });
    expect(await resetPassword(deps, { token, password: "sommerfugl over havnen i vejle" })).toEqual({ ok: false, reason: "invalid_token" });

    if (before.ok) expect(await validateSessionToken(database.db, before.token)).toBeNull();
    expect((await logIn(deps, { email: user.email, password: strong })).ok).toBe(false);
    expect((await logIn(deps, { email: user.email, password: "sommerfugl over havnen i vejle" })).ok).toBe(true);
    expect((await emailsTo(user.email)).map((m) => m.template)).toContain("passwordChanged");
    expect(await auditActions(user.id)).toEqual(expect.arrayContaining(["auth.password_reset_requested", "auth.password_reset"]));
  });

  it("sends nothing for an unknown address", async () => {
    await requestPasswordReset(deps, "ghost@example.test");
    expect(await emailsTo("ghost@example.test")).toHaveLength(0);
  });

  it("changes a password with the current one, keeping only the new session", async () => {
    const user = await createUser(database.db, { password: strong });
    const other = await logIn(deps, { email: user.email, password: strong });
    expect(await changePassword(deps, user.id, { currentPassword: "wrong one entirely", newPassword: "x" })).toEqual({
      ok: false,
      reason: "wrong_password",
    });
    const changed = await changePassword(deps, user.id, { currentPassword: strong, newPassword: "regnvejr i november ved fjorden" });
    expect(changed.ok).toBe(true);
    if (!changed.ok || !other.ok) return;
    expect(await validateSessionToken(database.db, other.token)).toBeNull();
    expect((await validateSessionToken(database.db, changed.token))?.id).toBe(user.id);
    const [{ count }] = rowsOf<{ count: number | string }>(
      await database.db.execute(sql`select count(*) as count from ${sessions} where ${sessions.userId} = ${user.id}`),
    ) as [{ count: number | string }];
    expect(Number(count)).toBe(1);
  });
});

describe("changing email", () => {
  it("switches to the new address only when its link is followed", async () => {
    const user = await createUser(database.db, { password: strong });
    expect(await requestEmailChange(deps, user.id, { newEmail: "new@example.test", password: "wrong password 123" })).toEqual({
      ok: false,
      reason: "wrong_password",
    });
    expect(await requestEmailChange(deps, user.id, { newEmail: "New@Example.test", password: strong })).toEqual({ ok: true });
    const [still] = await database.db.select().from(users).where(eq(users.id, user.id));
    expect(still?.email).toBe(user.email);
    expect((await emailsTo(user.email)).map((m) => m.template)).toEqual(["emailChangeRequested"]);
    const [confirm] = await emailsTo("new@example.test");
    expect(confirm?.template).toBe("confirmNewEmail");

    expect(await confirmEmailChange(deps, tokenFrom(confirm!.props.url!))).toEqual({ ok: true });
    const [moved] = await database.db.select().from(users).where(eq(users.id, user.id));
    expect(moved?.email).toBe("new@example.test");
  });

  it("refuses an address that another account took in the meantime", async () => {
    const user = await createUser(database.db, { password: strong });
    await requestEmailChange(deps, user.id, { newEmail: "race@example.test", password: strong });
    const [confirm] = await emailsTo("race@example.test");
    await createUser(database.db, { email: "race@example.test" });
    expect(await confirmEmailChange(deps, tokenFrom(confirm!.props.url!))).toEqual({ ok: false, reason: "email_taken" });
    const [kept] = await database.db.select().from(users).where(and(eq(users.id, user.id)));
    expect(kept?.email).toBe(user.email);
  });
});
