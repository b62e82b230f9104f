import crypto from "node:crypto";
import fs from "node:fs/promises";
import postgres from "postgres";
import { inject } from "vitest";
import { openPglite, openPostgres, type DatabaseHandle } from "#db/client.server";
import { withDatabase } from "./database-url";

export interface TestDatabase {
  handle: DatabaseHandle;
  db: DatabaseHandle["db"];
  kind: DatabaseHandle["kind"];
  /** The connection string of this file's database (PostgreSQL only), for tests that need more connections. */
  url: string | null;
  close(): Promise<void>;
}

/** A fresh, migrated database for one test file: a copy of the template made in global setup. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const source = inject("testDatabase");
  if (source.kind === "pglite") {
    const dump = await fs.readFile(source.dump);
    const handle = await openPglite({ loadDataDir: new Blob([dump]) });
    return { handle, db: handle.db, kind: "pglite", url: null, close: () => handle.close() };
  }
  const name = `mentorbro_test_${crypto.randomBytes(6).toString("hex")}`;
  const admin = postgres(source.url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name} template ${source.template}`);
  const url = withDatabase(source.url, name);
  const handle = openPostgres(url, { max: 20 });
  return {
    handle,
    db: handle.db,
    kind: "postgres",
    url,
    async close() {
      await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
