import fs from "node:fs/promises";
import path from "node:path";
import { openPglite, openPostgres, type DatabaseHandle } from "#db/client.server";
import { migratePgliteDatabase, migratePostgresDatabase } from "#db/migrate.server";
import type { Env } from "~/env.server";

/** PostgreSQL when DATABASE_URL is set; otherwise the embedded PGlite in DATA_DIR. Migrated either way. */
export async function openDatabase(env: Env): Promise<DatabaseHandle> {
  if (env.DATABASE_URL) {
    await migratePostgresDatabase(env.DATABASE_URL);
    return openPostgres(env.DATABASE_URL, { max: env.DATABASE_POOL_SIZE });
  }
  const dataDir = path.resolve(env.DATA_DIR, "pglite");
  await fs.mkdir(dataDir, { recursive: true });
  const handle = await openPglite({ dataDir });
  await migratePgliteDatabase(handle.pglite);
  return handle;
}
