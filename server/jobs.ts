import type { DatabaseHandle } from "#db/client.server";
import type { Env } from "~/env.server";
import { createBoss, createJobQueue, ensureQueues, startWorkers } from "~/jobs.server";
import type { Logger } from "~/logger.server";
import { runMaintenance } from "~/modules/auth/maintenance.server";
import { deliverEmail } from "~/modules/email/deliver.server";
import type { EmailJob } from "~/modules/email/queue.server";
import { copenhagenToday } from "~/modules/volunteers/dates";
import { runVettingRenewals } from "~/modules/volunteers/renewals.server";
import { runCourseJob, type CourseJob } from "~/modules/courses/reminders.server";
import { runFollowUpJob } from "~/modules/pairings/overdue.server";
import { expireTasks } from "~/modules/associations/tasks.server";

/** pg-boss on the app's own database: queues are created on every start, workers only where JOBS is on. */
export async function startJobs(handle: DatabaseHandle, env: Env, log: Logger) {
  const boss = createBoss(handle);
  boss.on("error", (error) => log.error({ err: error }, "job queue error"));
  await boss.start();
  await ensureQueues(boss);
  const queue = createJobQueue(boss);
  if (env.JOBS) {
    await startWorkers(
      boss,
      {
        email: (data, jobId) => deliverEmail({ db: handle.db, env, log }, jobId, data as EmailJob),
        maintenance: async () => {
          await runMaintenance(handle.db);
          // Every step is a conditional update: a rerun (retry, second instance) changes nothing twice.
          await runVettingRenewals({ db: handle.db, jobs: queue, env }, copenhagenToday());
          await expireTasks({ db: handle.db, jobs: queue, env }, copenhagenToday());
        },
        courses: (data) => runCourseJob({ db: handle.db, jobs: queue, env }, data as CourseJob),
        "follow-up": () => runFollowUpJob({ db: handle.db, jobs: queue, env }),
      },
      log,
    );
  }
  return { boss, queue };
}
