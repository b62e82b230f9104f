import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { openPglite, openPostgres, type DatabaseHandle } from "#db/client.server";
import { migratePgliteDatabase, migratePostgresDatabase } from "#db/migrate.server";
import { createBoss, ensureQueues } from "~/jobs.server";
import { testDatabaseUrl, withDatabase } from "./database-url";

declare module "vitest" {
  export interface ProvidedContext {
    testDatabase: { kind: "postgres"; url: string; template: string } | { kind: "pglite"; dump: string };
  }
}

/** pg-boss's own tables belong in the template too, so each test file starts with a ready queue. */
async function installJobQueue(handle: DatabaseHandle) {
  const boss = createBoss(handle);
  await boss.start();
  await ensureQueues(boss);
  await boss.stop({ graceful: false, close: false });
}

// Migrate once into a template; every test file then gets a fresh copy of it.
export default async function setup(project: TestProject) {
  const url = testDatabaseUrl();
  if (url) {
    const template = `mentorbro_test_template_${process.pid}`;
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${template}`);
    await admin.unsafe(`create database ${template}`);
    const templateUrl = withDatabase(url, template);
    await migratePostgresDatabase(templateUrl);
    const handle = openPostgres(templateUrl, { max: 2 });
    await installJobQueue(handle);
    await handle.close();
    project.provide("testDatabase", { kind: "postgres", url, template });
    return async () => {
      await admin.unsafe(`drop database if exists ${template} with (force)`);
      await admin.end();
    };
  }

  const handle = await openPglite();
  await migratePgliteDatabase(handle.pglite);
  await installJobQueue(handle);
  const dump = path.join(await fs.mkdtemp(path.join(os.tmpdir(), "mentorbro-test-")), "template.tar.gz");
  await fs.writeFile(dump, Buffer.from(await (await handle.pglite.dumpDataDir("gzip")).arrayBuffer()));
  await handle.close();
  project.provide("testDatabase", { kind: "pglite", dump });
  return async () => {
    await fs.rm(path.dirname(dump), { recursive: true, force: true });
  };
}
