import { and, eq, gt, isNull } from "drizzle-orm";
import type { Database } from "#db/client.server";
import { authTokens, users, type AuthTokenPurpose, type Role, type User } from "#db/schema";
import type { Env } from "~/env.server";
import type { Locale } from "~/i18n/locales";
import type { JobQueue } from "~/jobs.server";
import { audit, type AuditOrigin } from "~/modules/audit/audit.server";
import { queueEmail } from "~/modules/email/queue.server";
import { isUniqueViolation } from "#db/errors";
import { hashPassword, passwordProblem, verifyPassword } from "./password.server";
import { consumeRateLimit, rateLimitRules, resetRateLimit } from "./rate-limit.server";
import { createSession, invalidateUserSessions } from "./session.server";
import { generateToken, hashToken } from "./tokens.server";

export interface AccountDeps {
  db: Database;
  jobs: JobQueue;
  env: Env;
  origin: AuditOrigin;
}

const HOUR = 60 * 60 * 1000;
const tokenLifetime: Record<AuthTokenPurpose, number> = {
  verify_email: 24 * HOUR,
  reset_password: HOUR,
  change_email: 24 * HOUR,
};

export function normalizeEmail(email: string) {
  return email.trim().toLowerCase();
}

async function issueToken(db: Database, userId: string, purpose: AuthTokenPurpose, newEmail: string | null = null) {
  const token = generateToken();
  await db.insert(authTokens).values({
    id: hashToken(token),
    userId,
    purpose,
    newEmail,
    expiresAt: new Date(Date.now() + tokenLifetime[purpose]),
  });
  return token;
}

function usableToken(token: string, purpose: AuthTokenPurpose) {
  return and(
    eq(authTokens.id, hashToken(token)),
    eq(authTokens.purpose, purpose),
    isNull(authTokens.usedAt),
    gt(authTokens.expiresAt, new Date()),
  );
}

/** Marks a token used and returns it, or null when it is unknown, used, expired or of another purpose. */
async function redeemToken(db: Database, token: string, purpose: AuthTokenPurpose) {
  const [row] = await db.update(authTokens).set({ usedAt: new Date() }).where(usableToken(token, purpose)).returning();
  return row ?? null;
}

function link(env: Env, path: string, token: string) {
  return `${env.APP_URL}${path}?token=${encodeURIComponent(token)}`;
}

async function findUserByEmail(db: Database, email: string) {
  const [user] = await db.select().from(users).where(eq(users.email, normalizeEmail(email))).limit(1);
  return user ?? null;
}

async function sendVerification(deps: AccountDeps, db: Database, user: Pick<User, "id" | "email" | "name" | "locale">) {
  const token = await issueToken(db, user.id, "verify_email");
  await queueEmail(deps.jobs, db, {
    to: user.email,
    locale: user.locale,
    template: "verifyEmail",
    props: { name: user.name, url: link(deps.env, "/verify-email", token) },
  });
}

export interface SignUpInput {
  email: string;
  password: string;
  name: string;
  locale: Locale;
}

/** What a sign-up for more than a volunteer's account adds: another role, and its own rows beside the user. */
export interface SignUpOptions {
  role?: Role;
  /** Runs inside the account's transaction once the new user exists; never for an address that has an account. */
  onCreated?: (tx: Database, user: User) => Promise<void>;
}

/**
 * Creates an unverified account and emails a verification link. When the address already has an
 * account, its owner gets an email instead, and the caller sees the same answer either way, so the form
 * cannot be used to find out who has an account.
 */
export async function signUp(
  deps: AccountDeps,
  input: SignUpInput,
  options: SignUpOptions = {},
): Promise<{ ok: true } | { ok: false; reason: "weak_password" | "rate_limited"; retryAfterSeconds?: number }> {
  const email = normalizeEmail(input.email);
  if (passwordProblem(input.password, [email, input.name])) return { ok: false, reason: "weak_password" };
  const limit = await consumeRateLimit(deps.db, `signup:ip:${deps.origin.ip ?? "unknown"}`, rateLimitRules.signupIp);
  if (!limit.ok) return { ok: false, reason: "rate_limited", retryAfterSeconds: limit.retryAfterSeconds };

  const passwordHash = await hashPassword(input.password);
  await deps.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(users)
      .values({ email, name: input.name.trim(), locale: input.locale, passwordHash, role: options.role })
      .onConflictDoNothing({ target: users.email })
      .returning();
    if (created) {
      await sendVerification(deps, tx, created);
      await audit(tx, { ...deps.origin, actorId: created.id }, { action: "auth.signup", subjectType: "user", subjectId: created.id });
      await options.onCreated?.(tx, created);
      return;
    }
    const existing = await findUserByEmail(tx, email);
    if (!existing || existing.disabledAt) return;
    await queueEmail(deps.jobs, tx, {
      to: existing.email,
      locale: existing.locale,
      template: "accountExists",
      props: {
        name: existing.name,
        loginUrl: `${deps.env.APP_URL}/login`,
        resetUrl: `${deps.env.APP_URL}/forgot-password`,
      },
    });
  });
  return { ok: true };
}

export async function verifyEmail(deps: AccountDeps, token: string): Promise<{ ok: boolean }> {
  return deps.db.transaction(async (tx) => {
    const redeemed = await redeemToken(tx, token, "verify_email");
    if (!redeemed) return { ok: false };
    await tx.update(users).set({ emailVerifiedAt: new Date(), updatedAt: new Date() }).where(eq(users.id, redeemed.userId));
    await audit(tx, { ...deps.origin, actorId: redeemed.userId }, {
      action: "auth.email_verified",
      subjectType: "user",
      subjectId: redeemed.userId,
    });
    return { ok: true };
  });
}

/** Sends a fresh verification link, within the rate limit; says nothing about whether the account exists. */
export async function resendVerification(deps: AccountDeps, email: string) {
  const user = await findUserByEmail(deps.db, email);
  if (!user || user.emailVerifiedAt || user.disabledAt) return;
  const limit = await consumeRateLimit(deps.db, `verify:${user.id}`, rateLimitRules.verificationEmail);
  if (!limit.ok) return;
  await deps.db.transaction((tx) => sendVerification(deps, tx, user));
}

export type LoginResult =
  | { ok: true; token: string; expiresAt: Date; user: User }
  | { ok: false; reason: "invalid" | "disabled" | "unverified" }
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number };

// Verifying against a real hash when the account does not exist keeps the answer time the same.
let dummyHash: Promise<string> | undefined;

export async function logIn(deps: AccountDeps, input: { email: string; password: string }): Promise<LoginResult> {
  const email = normalizeEmail(input.email);
  for (const [key, rule] of [
    [`login:ip:${deps.origin.ip ?? "unknown"}`, rateLimitRules.loginIp],
    [`login:account:${email}`, rateLimitRules.loginAccount],
  ] as const) {
    const limit = await consumeRateLimit(deps.db, key, rule);
    if (!limit.ok) {
      await audit(deps.db, deps.origin, { action: "auth.login_rate_limited", details: { scope: key.split(":")[1] } });
      return { ok: false, reason: "rate_limited", retryAfterSeconds: limit.retryAfterSeconds };
    }
  }

  const user = await findUserByEmail(deps.db, email);
  if (!user) {
    dummyHash ??= hashPassword("not a password of anyone's account");
    await verifyPassword(await dummyHash, input.password);
    await audit(deps.db, deps.origin, { action: "auth.login_failed", details: { reason: "unknown_account" } });
    return { ok: false, reason: "invalid" };
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    await audit(deps.db, deps.origin, {
      action: "auth.login_failed",
      subjectType: "user",
      subjectId: user.id,
      details: { reason: "wrong_password" },
    });
    return { ok: false, reason: "invalid" };
  }
  if (user.disabledAt) {
    await audit(deps.db, deps.origin, { action: "auth.login_failed", subjectType: "user", subjectId: user.id, details: { reason: "disabled" } });
    return { ok: false, reason: "disabled" };
  }
  if (!user.emailVerifiedAt) {
    await resendVerification(deps, user.email);
    return { ok: false, reason: "unverified" };
  }

  await resetRateLimit(deps.db, `login:account:${email}`);
  return deps.db.transaction(async (tx) => {
    const session = await createSession(tx, user);
    await tx.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, user.id));
    await audit(tx, { ...deps.origin, actorId: user.id }, { action: "auth.login", subjectType: "user", subjectId: user.id });
    return { ok: true as const, ...session, user };
  });
}

export async function recordLogout(deps: AccountDeps, userId: string) {
  await audit(deps.db, { ...deps.origin, actorId: userId }, { action: "auth.logout", subjectType: "user", subjectId: userId });
}

/** Always answers the same; the email goes out only for an existing, enabled account within the limits. */
export async function requestPasswordReset(deps: AccountDeps, email: string) {
  const normalized = normalizeEmail(email);
  const ipLimit = await consumeRateLimit(deps.db, `reset:ip:${deps.origin.ip ?? "unknown"}`, rateLimitRules.passwordResetIp);
  if (!ipLimit.ok) return;
  const user = await findUserByEmail(deps.db, normalized);
  if (!user || user.disabledAt) return;
  const accountLimit = await consumeRateLimit(deps.db, `reset:account:${user.id}`, rateLimitRules.passwordResetAccount);
  if (!accountLimit.ok) return;
  await deps.db.transaction(async (tx) => {
    const token = await issueToken(tx, user.id, "reset_password");
    await queueEmail(deps.jobs, tx, {
      to: user.email,
      locale: user.locale,
      template: "resetPassword",
      props: { name: user.name, url: link(deps.env, "/reset-password", token) },
    });
    await audit(tx, deps.origin, { action: "auth.password_reset_requested", subjectType: "user", subjectId: user.id });
  });
}

/** True when the reset link can still be used, so the page can say so before the person types a password. */
export async function isUsableToken(db: Database, token: string, purpose: AuthTokenPurpose) {
  const [row] = await db
    .select({ id: authTokens.id })
    .from(authTokens)
    .where(usableToken(token, purpose))
    .limit(1);
  return Boolean(row);
}

async function setPassword(deps: AccountDeps, tx: Database, user: User, passwordHash: string) {
  await tx.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, user.id));
  await invalidateUserSessions(tx, user.id);
  await queueEmail(deps.jobs, tx, {
    to: user.email,
    locale: user.locale,
    template: "passwordChanged",
    props: { name: user.name },
  });
}

export async function resetPassword(
  deps: AccountDeps,
  input: { token: string; password: string },
): Promise<{ ok: true } | { ok: false; reason: "invalid_token" | "weak_password" }> {
  const [pending] = await deps.db
    .select({ user: users })
    .from(authTokens)
    .innerJoin(users, eq(users.id, authTokens.userId))
    .where(usableToken(input.token, "reset_password"))
    .limit(1);
  if (!pending || pending.user.disabledAt) return { ok: false, reason: "invalid_token" };
  const user = pending.user;
  if (passwordProblem(input.password, [user.email, user.name])) return { ok: false, reason: "weak_password" };
  const passwordHash = await hashPassword(input.password);
  return deps.db.transaction(async (tx) => {
    // Redeeming inside the transaction makes a link that is used twice at once work only once.
    if (!(await redeemToken(tx, input.token, "reset_password"))) return { ok: false as const, reason: "invalid_token" as const };
    await setPassword(deps, tx, user, passwordHash);
    // Following the emailed link proves the address, so an unverified account becomes verified.
    if (!user.emailVerifiedAt) await tx.update(users).set({ emailVerifiedAt: new Date() }).where(eq(users.id, user.id));
    await resetRateLimit(tx, `login:account:${user.email}`);
    await audit(tx, { ...deps.origin, actorId: user.id }, { action: "auth.password_reset", subjectType: "user", subjectId: user.id });
    return { ok: true as const };
  });
}

export async function changePassword(
  deps: AccountDeps,
  userId: string,
  input: { currentPassword: string; newPassword: string },
): Promise<{ ok: true; token: string; expiresAt: Date } | { ok: false; reason: "wrong_password" | "weak_password" }> {
  const [user] = await deps.db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    return { ok: false, reason: "wrong_password" };
  }
  if (passwordProblem(input.newPassword, [user.email, user.name])) return { ok: false, reason: "weak_password" };
  const passwordHash = await hashPassword(input.newPassword);
  return deps.db.transaction(async (tx) => {
    await setPassword(deps, tx, user, passwordHash);
    await audit(tx, { ...deps.origin, actorId: user.id }, { action: "auth.password_changed", subjectType: "user", subjectId: user.id });
    // Every other session is gone; the person who just proved the password stays logged in here.
    const session = await createSession(tx, user);
    return { ok: true as const, ...session };
  });
}

export async function requestEmailChange(
  deps: AccountDeps,
  userId: string,
  input: { newEmail: string; password: string },
): Promise<{ ok: true } | { ok: false; reason: "wrong_password" | "email_taken" | "same_email" }> {
  const newEmail = normalizeEmail(input.newEmail);
  const [user] = await deps.db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!user || !(await verifyPassword(user.passwordHash, input.password))) return { ok: false, reason: "wrong_password" };
  if (newEmail === user.email) return { ok: false, reason: "same_email" };
  if (await findUserByEmail(deps.db, newEmail)) return { ok: false, reason: "email_taken" };
  await deps.db.transaction(async (tx) => {
    const token = await issueToken(tx, user.id, "change_email", newEmail);
    await queueEmail(deps.jobs, tx, {
      to: newEmail,
      locale: user.locale,
      template: "confirmNewEmail",
      props: { name: user.name, url: link(deps.env, "/confirm-email", token) },
    });
    await queueEmail(deps.jobs, tx, {
      to: user.email,
      locale: user.locale,
      template: "emailChangeRequested",
      props: { name: user.name, newEmail },
    });
    await audit(tx, { ...deps.origin, actorId: user.id }, { action: "auth.email_change_requested", subjectType: "user", subjectId: user.id });
  });
  return { ok: true };
}

export async function confirmEmailChange(
  deps: AccountDeps,
  token: string,
): Promise<{ ok: true } | { ok: false; reason: "invalid_token" | "email_taken" }> {
  try {
    return await deps.db.transaction(async (tx) => {
      const redeemed = await redeemToken(tx, token, "change_email");
      if (!redeemed?.newEmail) return { ok: false as const, reason: "invalid_token" as const };
      await tx
        .update(users)
        .set({ email: redeemed.newEmail, emailVerifiedAt: new Date(), updatedAt: new Date() })
        .where(eq(users.id, redeemed.userId));
      await audit(tx, { ...deps.origin, actorId: redeemed.userId }, { action: "auth.email_changed", subjectType: "user", subjectId: redeemed.userId });
      return { ok: true as const };
    });
  } catch (error) {
    if (isUniqueViolation(error, "users_email_key")) return { ok: false, reason: "email_taken" };
    throw error;
  }
}

export async function updateProfile(deps: AccountDeps, userId: string, input: { name: string; locale: Locale }) {
  await deps.db.transaction(async (tx) => {
    await tx.update(users).set({ name: input.name.trim(), locale: input.locale, updatedAt: new Date() }).where(eq(users.id, userId));
    await audit(tx, { ...deps.origin, actorId: userId }, { action: "account.profile_updated", subjectType: "user", subjectId: userId });
  });
}

export async function setLocale(db: Database, userId: string, locale: Locale) {
  await db.update(users).set({ locale }).where(eq(users.id, userId));
}
