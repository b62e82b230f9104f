import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import type { Role } from "#db/schema";
import { testDatabaseUrl, withDatabase } from "../helpers/database-url";

export type DemoAccount = { role: Role; email: string; password: string };

declare module "vitest" {
  export interface ProvidedContext {
    e2e: { baseUrl: string; accounts: DemoAccount[] };
  }
}

const serverEntry = path.resolve("build/main/index.js");
const startupTimeoutMs = 90_000;
const stopTimeoutMs = 30_000;

/** Starts the built production server once for the whole run, on a fresh database, in demo mode. */
export default async function setup(project: TestProject) {
  await fs.access(serverEntry).catch(() => {
    throw new Error(`${serverEntry} is missing: run \`npm run build\` (npm run test:e2e builds when needed).`);
  });

  const cleanups: (() => Promise<void>)[] = [];
  const teardown = async () => {
    for (const cleanup of cleanups.reverse()) {
      await cleanup().catch((error: unknown) => console.error("e2e teardown:", error));
    }
  };

  try {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "mentorbro-e2e-"));
    cleanups.push(() => fs.rm(dataDir, { recursive: true, force: true }));

    const databaseUrl = await createDatabase(cleanups);
    const port = await freePort();
    const baseUrl = `http://localhost:${port}`;

    const env: NodeJS.ProcessEnv = { ...process.env };
    // Nothing from the caller's shell may point the server at a real mail provider or another database.
    for (const name of ["DATABASE_URL", "TEST_DATABASE_URL", "RESEND_API_KEY", "RESEND_BASE_URL", "APP_URL", "HOST"]) {
      delete env[name];
    }
    Object.assign(env, {
      NODE_ENV: "production",
      PORT: String(port),
      APP_URL: baseUrl,
      DATA_DIR: dataDir,
      DEMO_MODE: "true",
      LOG_LEVEL: "warn",
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    });

    const server = startServer(env);
    cleanups.push(() => stopServer(server));
    await waitForHealth(baseUrl, server);

    const accounts = JSON.parse(await fs.readFile(path.join(dataDir, "demo-accounts.json"), "utf8")) as DemoAccount[];
    if (!accounts.some((account) => account.role === "admin")) throw new Error("demo-accounts.json has no admin account");

    console.log(`e2e: server on ${baseUrl}, database ${databaseUrl ? "PostgreSQL" : "PGlite"}`);
    project.provide("e2e", { baseUrl, accounts });
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}

/** A fresh PostgreSQL database when a server is configured, else null (the server then uses PGlite in DATA_DIR). */
async function createDatabase(cleanups: (() => Promise<void>)[]): Promise<string | null> {
  const url = testDatabaseUrl();
  if (!url) return null;
  const name = `mentorbro_e2e_${randomBytes(6).toString("hex")}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  cleanups.push(() => admin.end());
  await admin.unsafe(`create database ${name}`);
  cleanups.push(async () => {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
  });
  return withDatabase(url, name);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => (port ? resolve(port) : reject(new Error("no free port"))));
    });
  });
}

type Server = { child: ChildProcess; output: () => string; stopping: boolean };

function startServer(env: NodeJS.ProcessEnv): Server {
  const child = spawn(process.execPath, [serverEntry], { env, stdio: ["ignore", "pipe", "pipe"] });
  // Kept for the error message if the server fails; bounded so a chatty server cannot grow it forever.
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", (chunk: Buffer) => {
    keep(chunk);
    process.stderr.write(chunk);
  });
  // A killed test runner must not leave the server holding its port.
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  const server: Server = { child, output: () => output, stopping: false };
  child.once("exit", (code, signal) => {
    process.off("exit", killOnExit);
    if (!server.stopping) {
      console.error(`e2e: the server exited unexpectedly (code ${code}, signal ${signal}); its last output:\n${output}`);
    }
  });
  return server;
}

async function waitForHealth(baseUrl: string, server: Server) {
  const deadline = Date.now() + startupTimeoutMs;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null || server.child.signalCode !== null) {
      throw new Error(`the server exited during start-up (code ${server.child.exitCode}):\n${server.output()}`);
    }
    const healthy = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2_000) })
      .then((response) => response.ok)
      .catch(() => false);
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the server did not answer /healthz within ${startupTimeoutMs / 1000} s:\n${server.output()}`);
}

async function stopServer(server: Server) {
  const { child } = server;
  server.stopping = true;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => {
    console.error(`e2e: the server did not stop within ${stopTimeoutMs / 1000} s of SIGTERM; killing it`);
    child.kill("SIGKILL");
  }, stopTimeoutMs);
  await exited;
  clearTimeout(timer);
}
