import type { AppLoadContext } from "@remix-run/node";
import { sql } from "drizzle-orm";
import { rowsOf, type Database, type DatabaseHandle } from "#db/client.server";
import { loadEnv, type Env } from "~/env.server";
import { createBoss, createJobQueue, type QueueName } from "~/jobs.server";
import { createLogger } from "~/logger.server";
import { generateEncryptionKey } from "~/modules/crypto/encryption.server";

export const testEnv: Env = loadEnv({ NODE_ENV: "test", APP_URL: "http://localhost:3000", LOG_LEVEL: "silent" });

/** What the server would hand a loader or action, on a test database. */
export function createTestContext(handle: DatabaseHandle, overrides: Partial<AppLoadContext> = {}): AppLoadContext {
  return {
    db: handle.db,
    env: testEnv,
    jobs: createJobQueue(createBoss(handle)),
    log: createLogger("silent"),
    requestId: "test-request",
    ip: "203.0.113.7",
    nonce: "test-nonce",
    encryptionKey: generateEncryptionKey(),
    ...overrides,
  };
}

/** Jobs waiting in a queue, oldest first: what the app asked to happen after its writes. */
export async function queuedJobs<T = Record<string, unknown>>(db: Database, queue: QueueName) {
  const result = await db.execute(sql`select id, data from pgboss.job where name = ${queue} order by created_on, id`);
  return rowsOf<{ id: string; data: T }>(result);
}
