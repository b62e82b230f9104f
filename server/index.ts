import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express, { type RequestHandler } from "express";
import { ensureDemoData } from "#db/seed/demo.server";
import { loadEnv, type Env } from "~/env.server";
import { createLogger } from "~/logger.server";
import { createApp } from "./app";
import { openDatabase } from "./database";
import { startJobs } from "./jobs";

let env: Env;
try {
  env = loadEnv();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
const log = createLogger(env.LOG_LEVEL);
const production = env.NODE_ENV === "production";

const database = await openDatabase(env);
log.info({ database: database.kind }, "database ready");
if (env.DEMO_MODE) await ensureDemoData(database.db, env);
const jobs = await startJobs(database, env, log);

let build: ServerBuild | (() => Promise<ServerBuild>);
let assets: RequestHandler[];
if (production) {
  build = (await import(pathToFileURL(path.resolve("build/server/index.js")).href)) as ServerBuild;
  // Built assets carry a content hash in their names, so they can be cached for good.
  const files = express.Router();
  files.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y", index: false }));
  files.use(express.static("build/client", { maxAge: "1h", index: false }));
  assets = [files];
} else {
  const vite = await import("vite").then((module) => module.createServer({ server: { middlewareMode: true } }));
  build = () => vite.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>;
  assets = [vite.middlewares];
}

const app = createApp({
  env,
  log,
  database,
  jobs: jobs.queue,
  assets,
  remix: (getLoadContext) => createRequestHandler({ build, mode: env.NODE_ENV, getLoadContext }),
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
