import compression from "compression";
import express, { type RequestHandler } from "express";
import type { DatabaseHandle } from "#db/client.server";
import type { Env } from "~/env.server";
import type { AppLoadContext } from "@remix-run/node";
import type { JobQueue } from "~/jobs.server";
import type { EncryptionKey } from "~/modules/crypto/encryption.server";
import type { Logger } from "~/logger.server";
import { requestLogging } from "./logging";
import { sameOriginOnly, securityHeaders } from "./security";

export interface AppParts {
  env: Env;
  log: Logger;
  database: DatabaseHandle;
  jobs: JobQueue;
  encryptionKey: EncryptionKey;
  /** Serves the static files: the built client in production, Vite's middleware in development. */
  assets: RequestHandler[];
  /** The Remix request handler, given a function that builds each request's load context. */
  remix: (getLoadContext: (req: express.Request, res: express.Response) => AppLoadContext) => RequestHandler;
}

export function createApp(parts: AppParts) {
  const { env, log, database } = parts;
  const production = env.NODE_ENV === "production";
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", env.TRUST_PROXY);

  app.use(requestLogging(log));
  app.use(securityHeaders({ production }));
  app.use(compression());

  app.get("/healthz", async (req, res) => {
    try {
      await database.executeSql("select 1");
      res.set("Cache-Control", "no-store").json({ status: "ok" });
    } catch (error) {
      req.log.error({ err: error }, "health check failed");
      res.status(503).set("Cache-Control", "no-store").json({ status: "unavailable" });
    }
  });

  if (parts.assets.length > 0) app.use(...parts.assets);
  app.use(sameOriginOnly());
  app.all(
    "*",
    parts.remix((req, res) => ({
      db: database.db,
      env,
      jobs: parts.jobs,
      encryptionKey: parts.encryptionKey,
      log: req.log,
      requestId: req.id,
      ip: req.ip ?? "unknown",
      nonce: String(res.locals.nonce),
    })),
  );
  return app;
}
