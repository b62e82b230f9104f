/** Starts the production build on a free localhost port and stops it again. */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

export interface RunningServer {
  baseUrl: string;
  port: number;
  pid: number;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => (port ? resolve(port) : reject(new Error("no free port"))));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const required = ["build/main/index.js", "build/server/index.js", "build/client"];

/**
 * A private copy of the build to run from: `build/` is shared, and a rebuild (another `npm start`, `npm run
 * build`, an e2e run) would otherwise swap files under the server mid-bench. The copy gets the migrations it
 * applies at start-up, package.json (ESM) and a link to node_modules.
 */
export async function snapshotBuild(root = process.cwd(), target = path.resolve(".cache/bench/app")) {
  for (let attempt = 1; ; attempt++) {
    fs.rmSync(target, { recursive: true, force: true });
    fs.mkdirSync(path.join(target, "db"), { recursive: true });
    try {
      fs.cpSync(path.join(root, "build"), path.join(target, "build"), { recursive: true });
      fs.cpSync(path.join(root, "db/migrations"), path.join(target, "db/migrations"), { recursive: true });
      fs.copyFileSync(path.join(root, "package.json"), path.join(target, "package.json"));
      fs.symlinkSync(path.join(root, "node_modules"), path.join(target, "node_modules"), "dir");
      if (required.every((file) => fs.existsSync(path.join(target, file)))) return target;
    } catch (error) {
      if (attempt >= 12) throw error;
    }
    if (attempt >= 12) throw new Error(`build/ is incomplete (${required.join(", ")}); run npm run build`);
    console.log("build/ is being rebuilt by something else; retrying in 5 s");
    await sleep(5000);
  }
}

export interface ServerOptions {
  startTimeoutMs?: number;
  /** Writes a V8 CPU profile of the server into this folder when it stops (`--cpu-prof`). */
  cpuProfileDir?: string;
  /** Where the server runs from (its build/ and db/migrations); the working directory by default. */
  cwd?: string;
  /** ENCRYPTION_KEY (base64): the one the seed encrypted the vetting notes with. */
  encryptionKey: string;
}

export async function startServer(databaseUrl: string, options: ServerOptions): Promise<RunningServer> {
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const profiling = options.cpuProfileDir ? ["--cpu-prof", `--cpu-prof-dir=${options.cpuProfileDir}`] : [];
  const cwd = options.cwd ?? process.cwd();
  const child: ChildProcess = spawn(process.execPath, [...profiling, path.join(cwd, "build/main/index.js")], {
    cwd,
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      HOST: "127.0.0.1",
      PORT: String(port),
      APP_URL: baseUrl,
      LOG_LEVEL: "warn",
      JOBS: "false",
      DEMO_MODE: "false",
      // The volunteer page decrypts the seeded vetting notes.
      ENCRYPTION_KEY: options.encryptionKey,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 50) output.shift();
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  let exited: number | string | null | undefined;
  const exit = new Promise<void>((resolve) =>
    child.once("exit", (code, signal) => {
      exited = code ?? signal;
      resolve();
    }),
  );

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      if (exited !== undefined) return;
      child.kill("SIGTERM");
      const killed = await Promise.race([exit.then(() => false), sleep(25_000).then(() => true)]);
      if (killed) {
        child.kill("SIGKILL");
        await exit;
      }
    })();
    return stopping;
  };

  // Bounded wait for the health check: migrations plus start-up take a few seconds at most.
  const deadline = Date.now() + (options.startTimeoutMs ?? 60_000);
  while (Date.now() < deadline) {
    if (exited !== undefined) {
      throw new Error(`server exited (${exited}) during start-up:\n${output.join("").slice(-4000)}`);
    }
    try {
      const response = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return { baseUrl, port, pid: child.pid!, stop };
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  await stop();
  throw new Error(`server did not become healthy within the start timeout:\n${output.join("").slice(-4000)}`);
}
