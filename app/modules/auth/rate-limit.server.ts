import { sql } from "drizzle-orm";
import { rowsOf, type Database } from "#db/client.server";
import { rateLimits } from "#db/schema";

export interface RateLimitRule {
  limit: number;
  windowSeconds: number;
}

/**
 * The limits. Per-account login limits reset after a short window, so an attacker who hammers someone's
 * account can keep it shut for at most that window, and a password reset lifts it at once.
 */
export const rateLimitRules = {
  loginAccount: { limit: 10, windowSeconds: 15 * 60 },
  loginIp: { limit: 100, windowSeconds: 15 * 60 },
  signupIp: { limit: 20, windowSeconds: 60 * 60 },
  passwordResetAccount: { limit: 3, windowSeconds: 60 * 60 },
  passwordResetIp: { limit: 20, windowSeconds: 60 * 60 },
  verificationEmail: { limit: 5, windowSeconds: 60 * 60 },
} satisfies Record<string, RateLimitRule>;

export type RateLimitResult = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * Counts one attempt against `key` in a fixed window kept in PostgreSQL, so every app instance sees the
 * same count. One atomic upsert: concurrent attempts cannot slip past the limit.
 */
export async function consumeRateLimit(
  db: Database,
  key: string,
  rule: RateLimitRule,
  now = new Date(),
): Promise<RateLimitResult> {
  const windowStart = new Date(now.getTime() - rule.windowSeconds * 1000);
  const result = await db.execute(sql`
    insert into ${rateLimits} (key, window_started_at, count)
    values (${key}, ${now.toISOString()}, 1)
    on conflict (key) do update set
      count = case when ${rateLimits.windowStartedAt} <= ${windowStart.toISOString()} then 1 else ${rateLimits.count} + 1 end,
      window_started_at = case when ${rateLimits.windowStartedAt} <= ${windowStart.toISOString()}
        then ${now.toISOString()}::timestamptz else ${rateLimits.windowStartedAt} end
    returning count, window_started_at`);
  const [row] = rowsOf<{ count: number | string; window_started_at: string | Date }>(result);
  const count = Number(row?.count ?? 1);
  if (count <= rule.limit) return { ok: true };
  const startedAt = new Date(row!.window_started_at).getTime();
  return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((startedAt + rule.windowSeconds * 1000 - now.getTime()) / 1000)) };
}

/** Forgets a key's attempts, e.g. an account's failed logins once its owner has proved who they are. */
export async function resetRateLimit(db: Database, key: string) {
  await db.delete(rateLimits).where(sql`${rateLimits.key} = ${key}`);
}

export async function deleteExpiredRateLimits(db: Database, now = new Date()) {
  const longest = Math.max(...Object.values(rateLimitRules).map((rule) => rule.windowSeconds));
  await db.delete(rateLimits).where(sql`${rateLimits.windowStartedAt} < ${new Date(now.getTime() - longest * 1000).toISOString()}`);
}
