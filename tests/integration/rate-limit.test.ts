import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPostgres } from "#db/client.server";
import { consumeRateLimit, resetRateLimit } from "~/modules/auth/rate-limit.server";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const rule = { limit: 3, windowSeconds: 60 };

describe("rate limits", () => {
  it("allows the limit within a window, refuses the next with the time left, and opens again after the window", async () => {
    const start = new Date("2026-05-01T10:00:00Z");
    for (let i = 0; i < rule.limit; i++) expect(await consumeRateLimit(database.db, "k1", rule, start)).toEqual({ ok: true });
    const tooMany = await consumeRateLimit(database.db, "k1", rule, new Date(start.getTime() + 20_000));
    expect(tooMany).toEqual({ ok: false, retryAfterSeconds: 40 });
    expect(await consumeRateLimit(database.db, "k1", rule, new Date(start.getTime() + 61_000))).toEqual({ ok: true });
  });

  it("keeps keys apart and forgets a key on reset", async () => {
    const now = new Date();
    for (let i = 0; i < rule.limit; i++) await consumeRateLimit(database.db, "k2", rule, now);
    expect((await consumeRateLimit(database.db, "k2", rule, now)).ok).toBe(false);
    expect((await consumeRateLimit(database.db, "k3", rule, now)).ok).toBe(true);
    await resetRateLimit(database.db, "k2");
    expect((await consumeRateLimit(database.db, "k2", rule, now)).ok).toBe(true);
  });

  it.runIf(process.env.TEST_DATABASE_URL || process.env.DATABASE_URL)(
    "lets exactly the limit through when many app instances count at once (PostgreSQL)",
    async () => {
      // Four separate pools stand for four app instances behind a load balancer.
      const instances = Array.from({ length: 4 }, () => openPostgres(database.url!, { max: 5 }));
      try {
        const now = new Date();
        const limit = { limit: 10, windowSeconds: 60 };
        const results = await Promise.all(
          Array.from({ length: 80 }, (_, i) => consumeRateLimit(instances[i % 4]!.db, "shared", limit, now)),
        );
        expect(results.filter((result) => result.ok)).toHaveLength(10);
      } finally {
        await Promise.all(instances.map((instance) => instance.close()));
      }
    },
  );
});
