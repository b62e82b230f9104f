import PgBoss from "pg-boss";
import { executeInDatabase, type Database, type DatabaseHandle } from "#db/client.server";
import type { Logger } from "./logger.server";

export const queues = ["email", "maintenance", "courses", "follow-up"] as const;
export type QueueName = (typeof queues)[number];

export interface SendOptions {
  /** At most one queued job per key (pg-boss singleton): a double-submitted form queues one job. */
  singletonKey?: string;
  startAfter?: Date;
}

/** Enqueues jobs inside the caller's transaction, so the job exists exactly when the write it follows does. */
export interface JobQueue {
  send(db: Database, queue: QueueName, data: object, options?: SendOptions): Promise<string | null>;
}

export function createBoss(handle: DatabaseHandle) {
  return new PgBoss({
    db: { executeSql: (text: string, values?: unknown[]) => handle.executeSql(text, values) },
    // Completed jobs (email payloads carry links with tokens) are kept one week, then deleted.
    deleteAfterDays: 7,
    archiveCompletedAfterSeconds: 60 * 60,
  });
}

export function createJobQueue(boss: PgBoss): JobQueue {
  return {
    send(db, queue, data, options = {}) {
      return boss.send(queue, data, {
        ...options,
        retryLimit: 5,
        retryDelay: 30,
        retryBackoff: true,
        db: { executeSql: (text: string, values?: unknown[]) => executeInDatabase(db, text, values) },
      });
    },
  };
}

/** Creates the queues (pg-boss 10 needs them before the first send); safe to run on every start. */
export async function ensureQueues(boss: PgBoss) {
  const existing = new Set((await boss.getQueues()).map((queue) => queue.name));
  for (const name of queues) if (!existing.has(name)) await boss.createQueue(name);
}

export type JobHandlers = Record<QueueName, (data: object, jobId: string) => Promise<void>>;

/**
 * How many jobs a worker takes per fetch. A worker waits its polling interval between fetches, so a batch of
 * one sends one email every two seconds: a burst (a cancelled session, the demo seed) would wait minutes.
 */
const batchSizes: Record<QueueName, number> = { email: 10, maintenance: 1, courses: 5, "follow-up": 1 };

export async function startWorkers(boss: PgBoss, handlers: JobHandlers, log: Logger) {
  for (const queue of queues) {
    await boss.work(queue, { batchSize: batchSizes[queue], pollingIntervalSeconds: 2 }, async (jobs) => {
      // One at a time, each on its own: a job that fails is failed (and retried) alone, and pg-boss completes the
      // rest of the batch when this returns (completing touches active jobs only).
      for (const job of jobs) {
        const started = Date.now();
        try {
          await handlers[queue](job.data as object, job.id);
          log.info({ queue, jobId: job.id, ms: Date.now() - started }, "job done");
        } catch (error) {
          log.error({ queue, jobId: job.id, err: error }, "job failed");
          await boss.fail(queue, job.id, { message: error instanceof Error ? error.message : String(error) });
        }
      }
    });
  }
  // Nightly clean-up of expired sessions, tokens and rate-limit windows; vetting renewals; expired association tasks.
  await boss.schedule("maintenance", "17 3 * * *", {}, { tz: "Europe/Copenhagen" });
  // Course reminders, and a safety net for waitlist offers whose expiry job was lost.
  await boss.schedule("courses", "*/15 * * * *", { type: "tick" }, { tz: "Europe/Copenhagen" });
  // The coordinators' digest of overdue follow-up, before the working day starts; weekends wait for Monday.
  await boss.schedule("follow-up", "0 7 * * 1-5", {}, { tz: "Europe/Copenhagen" });
}
