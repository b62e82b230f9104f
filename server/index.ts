import cluster from "node:cluster";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import type { RequestHandler } from "express";
import { ensureDemoApplicants, ensureDemoCourses, ensureDemoData } from "#db/seed/demo.server";
import { ensureDemoYouths } from "#db/seed/demo-youths.server";
import { ensureDemoAssociations } from "#db/seed/demo-associations.server";
import { ensureDemoTasks } from "#db/seed/demo-tasks.server";
import { loadEnv, type Env } from "~/env.server";
import { createLogger, type Logger } from "~/logger.server";
import { createApp } from "./app";
import { openDatabase } from "./database";
import { startJobs } from "./jobs";
import { PageCache, remixHandler } from "./page-cache";
import { staticFiles } from "./static-files";
import { sessionCookieName } from "~/modules/auth/cookies.server";
import { localeCookieName } from "~/i18n/locale.server";
import { loadEncryptionKey } from "~/modules/crypto/encryption.server";
import { toastCookieName } from "~/toast.server";

let env: Env;
try {
  env = loadEnv();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
const log = createLogger(env.LOG_LEVEL);

if (env.WEB_CONCURRENCY > 1 && cluster.isPrimary) await runPrimary(env, log);
else await runServer(env, log);

/** With WEB_CONCURRENCY > 1: migrate and seed once, then one server process per worker, all on one port. */
async function runPrimary(env: Env, log: Logger) {
  const database = await openDatabase(env);
  if (env.DEMO_MODE) await ensureDemoData(database.db, env);
  await database.close();
  let stopping = false;
  const fork = () => cluster.fork();
  for (let i = 0; i < env.WEB_CONCURRENCY; i++) fork();
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) return;
    log.error({ pid: worker.process.pid, code, signal }, "worker stopped unexpectedly; starting another");
    fork();
  });
  const stop = (signal: NodeJS.Signals) => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

async function runServer(env: Env, log: Logger) {
  const production = env.NODE_ENV === "production";
  const database = await openDatabase(env);
  log.info({ database: database.kind }, "database ready");
  if (env.DEMO_MODE && cluster.isPrimary) await ensureDemoData(database.db, env);
  const jobs = await startJobs(database, env, log);
  const encryptionKey = await loadEncryptionKey(env);
  // Once, by the single process or the first worker: the applicants go through the vetting commands, which need both.
  if (env.DEMO_MODE && (cluster.isPrimary || cluster.worker?.id === 1)) {
    const deps = { db: database.db, jobs: jobs.queue, env, key: encryptionKey };
    await ensureDemoApplicants(deps);
    await ensureDemoCourses(deps);
    await ensureDemoYouths(deps);
    await ensureDemoAssociations(deps);
    await ensureDemoTasks(deps);
  }

  let build: ServerBuild | (() => Promise<ServerBuild>);
  let assets: RequestHandler[];
  if (production) {
    build = (await import(pathToFileURL(path.resolve("build/server/index.js")).href)) as ServerBuild;
    assets = [staticFiles("build/client")];
  } else {
    const vite = await import("vite").then((module) => module.createServer({ server: { middlewareMode: true } }));
    build = () => vite.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>;
    assets = [vite.middlewares];
  }

  const handleRequest = createRequestHandler(build, env.NODE_ENV);
  // In development every request renders afresh, so an edit shows at once.
  const cache = production
    ? new PageCache({ personalCookies: [sessionCookieName(env), toastCookieName], varyCookie: localeCookieName })
    : null;
  const app = createApp({
    env,
    log,
    database,
    jobs: jobs.queue,
    encryptionKey,
    assets,
    remix: (getLoadContext) => remixHandler(handleRequest, getLoadContext, cache),
  });

  const server = app.listen(env.PORT, env.HOST, () => {
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : env.PORT;
    log.info({ port, mode: env.NODE_ENV }, `Mentorbro is listening on http://localhost:${port}`);
  });

  let stopping = false;
  async function shutdown(signal: string) {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "shutting down: finishing requests and jobs");
    const force = setTimeout(() => {
      log.error("shutdown took too long; exiting");
      process.exit(1);
    }, 20_000);
    force.unref();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    await jobs.boss
      .stop({ graceful: true, timeout: 10_000, wait: true })
      .catch((error: unknown) => log.error({ err: error }, "job queue stop failed"));
    await closed;
    await database.close();
    log.info("stopped");
    process.exit(0);
  }
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}
