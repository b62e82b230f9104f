import { lt, or } from "drizzle-orm";
import type { Database } from "#db/client.server";
import { authTokens, sessions } from "#db/schema";
import { deleteExpiredRateLimits } from "./rate-limit.server";

/** Nightly: forget sessions, links and rate-limit windows that can no longer matter. */
export async function runMaintenance(db: Database, now = new Date()) {
  await db.delete(sessions).where(or(lt(sessions.expiresAt, now), lt(sessions.idleExpiresAt, now)));
  await db.delete(authTokens).where(lt(authTokens.expiresAt, new Date(now.getTime() - 7 * 24 * 60 * 60 * 1000)));
  await deleteExpiredRateLimits(db, now);
}
