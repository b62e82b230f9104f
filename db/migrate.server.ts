import path from "node:path";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import type { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import postgres from "postgres";

export const migrationsFolder = path.resolve(process.cwd(), "db/migrations");

// Any constant will do, as long as nothing else in the database takes the same advisory lock.
const MIGRATION_LOCK = 72_011_001;

/**
 * Applies pending migrations. Instances starting at the same time queue on an advisory lock, so the
 * migrations run once and the others find nothing left to do.
 */
export async function migratePostgresDatabase(url: string) {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK})`;
    await migratePostgres(drizzle(client), { migrationsFolder });
    await client`select pg_advisory_unlock(${MIGRATION_LOCK})`;
  } finally {
    await client.end({ timeout: 5 });
  }
}

/** PGlite belongs to one process, so there is nobody to race with. */
export async function migratePgliteDatabase(pglite: PGlite) {
  await migratePglite(drizzlePglite(pglite), { migrationsFolder });
}
