import crypto from "node:crypto";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { migratePostgresDatabase } from "#db/migrate.server";
import { testDatabaseUrl, withDatabase } from "../helpers/database-url";

const url = testDatabaseUrl();

describe("migrations", () => {
  it.runIf(url)("apply once when several instances start at the same time (PostgreSQL)", async () => {
    const name = `mentorbro_migrate_${crypto.randomBytes(4).toString("hex")}`;
    const admin = postgres(url!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const target = withDatabase(url!, name);
    try {
      await Promise.all([migratePostgresDatabase(target), migratePostgresDatabase(target), migratePostgresDatabase(target)]);
      const db = postgres(target, { max: 1, onnotice: () => {} });
      const applied = await db`select count(*)::int as count from drizzle.__drizzle_migrations`;
      const tables = await db`select count(*)::int as count from information_schema.tables where table_name = 'users'`;
      await db.end();
      expect(tables[0]?.count).toBe(1);
      expect(applied[0]?.count).toBeGreaterThanOrEqual(3);
      // Running again later is a no-op.
      await migratePostgresDatabase(target);
    } finally {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});
