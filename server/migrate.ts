import { openPglite } from "#db/client.server";
import { migratePgliteDatabase, migratePostgresDatabase } from "#db/migrate.server";
import fs from "node:fs/promises";
import path from "node:path";
import { loadEnv } from "~/env.server";

// `npm run db:migrate`: the same migrations start-up applies, for deploy pipelines that migrate first.
const env = loadEnv();
if (env.DATABASE_URL) {
  await migratePostgresDatabase(env.DATABASE_URL);
} else {
  const dataDir = path.resolve(env.DATA_DIR, "pglite");
  await fs.mkdir(dataDir, { recursive: true });
  const handle = await openPglite({ dataDir });
  await migratePgliteDatabase(handle.pglite);
  await handle.close();
}
console.log("Migrations applied.");
