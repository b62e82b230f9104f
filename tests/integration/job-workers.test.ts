import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "#db/client.server";
import { createBoss, createJobQueue, ensureQueues, startWorkers, type JobHandlers } from "~/jobs.server";
import { createLogger } from "~/logger.server";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

const postgresUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;

/** The workers on real PostgreSQL: a batch of emails is worked one at a time, and one failure stays its own. */
describe.runIf(postgresUrl)("job workers (PostgreSQL)", () => {
  let database: TestDatabase;
  let boss: ReturnType<typeof createBoss>;

  beforeAll(async () => {
    database = await createTestDatabase();
    boss = createBoss(database.handle);
    await boss.start();
    await ensureQueues(boss);
  });
  afterAll(async () => {
    await boss.stop({ graceful: false, wait: true });
    await database.close();
  });

  async function states() {
    const rows = rowsOf<{ state: string; n: number }>(
      await database.db.execute(sql`select state, count(*)::int as n from pgboss.job where name = 'email' group by state order by state`),
    );
    return Object.fromEntries(rows.map((row) => [row.state, row.n]));
  }

  it("sends a burst in batches, and fails only the job that failed", async () => {
    const queue = createJobQueue(boss);
    for (let i = 0; i < 12; i++) await queue.send(database.db, "email", { n: i, fail: i === 4 });
    const done: number[] = [];
    const noop = async () => {};
    const handlers: JobHandlers = {
      email: async (data) => {
        const job = data as { n: number; fail: boolean };
        if (job.fail) throw new Error("the provider said no");
        done.push(job.n);
      },
      maintenance: noop,
      courses: noop,
      "follow-up": noop,
    };
    await startWorkers(boss, handlers, createLogger("silent"));
    // The workers poll every two seconds; eleven jobs in batches of ten take two fetches.
    for (let waited = 0; done.length < 11 && waited < 30_000; waited += 200) await new Promise((resolve) => setTimeout(resolve, 200));
    expect(done.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 5, 6, 7, 8, 9, 10, 11]);
    for (let waited = 0; (await states()).completed !== 11 && waited < 10_000; waited += 200) await new Promise((resolve) => setTimeout(resolve, 200));
    // The failed one waits for its retry; the others are completed.
    expect(await states()).toEqual({ completed: 11, retry: 1 });
  }, 60_000);
});
