import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../server/app";
import { loadEnv } from "~/env.server";
import { createLogger } from "~/logger.server";
import type { DatabaseHandle } from "#db/client.server";

let server: Server;
let base: string;
let healthy = true;

beforeAll(async () => {
  // why: /healthz only needs to know whether the database answers; a handle that succeeds or fails on cue tests both.
  const database = {
    executeSql: async () => {
      if (!healthy) throw new Error("database down");
      return { rows: [] };
    },
  } as unknown as DatabaseHandle;
  const app = createApp({
    env: loadEnv({ NODE_ENV: "production", LOG_LEVEL: "silent" }),
    log: createLogger("silent"),
    database,
    jobs: { send: async () => null },
    encryptionKey: Buffer.alloc(32),
    assets: [],
    // The Remix handler's place: echoes the nonce it was given, so the test can compare it with the CSP.
    remix: (getLoadContext) => (req, res) => {
      const context = getLoadContext(req, res);
      // The way @remix-run/express passes on a route's own headers.
      if (req.path === "/own-policy") res.append("Content-Security-Policy", "default-src 'none'; sandbox");
      res.type("text/plain").send(`${req.method} ok nonce=${context.nonce}`);
    },
  });
  server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe("security headers", () => {
  it("sends a CSP whose script nonce is new for every response and matches what the page renders", async () => {
    const first = await fetch(`${base}/`);
    const second = await fetch(`${base}/`);
    const csp = first.headers.get("content-security-policy")!;
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(await first.text()).toContain(`nonce=${nonce}`);
    expect(second.headers.get("content-security-policy")).not.toContain(nonce!);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(first.headers.get("x-content-type-options")).toBe("nosniff");
    expect(first.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(first.headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
    expect(first.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(first.headers.get("x-powered-by")).toBeNull();
  });

  it("lets a route replace the default policy rather than add a second one", async () => {
    const response = await fetch(`${base}/own-policy`);
    expect(response.headers.get("content-security-policy")).toBe("default-src 'none'; sandbox");
  });
});

describe("cross-site request defence", () => {
  const post = (headers: Record<string, string>) => fetch(`${base}/login`, { method: "POST", headers, body: "a=1" });

  it("accepts a same-origin form post", async () => {
    const host = new URL(base).host;
    expect((await post({ "Sec-Fetch-Site": "same-origin" })).status).toBe(200);
    expect((await post({ Origin: `http://${host}` })).status).toBe(200);
  });

  it("refuses posts from another site, or that say nothing about where they come from", async () => {
    expect((await post({ "Sec-Fetch-Site": "cross-site", Origin: base })).status).toBe(403);
    expect((await post({ "Sec-Fetch-Site": "same-site" })).status).toBe(403);
    expect((await post({ Origin: "https://evil.example" })).status).toBe(403);
    expect((await post({ Origin: "null" })).status).toBe(403);
    expect((await post({})).status).toBe(403);
  });

  it("lets reads through without any origin", async () => {
    expect((await fetch(`${base}/anything`)).status).toBe(200);
  });
});

describe("health check", () => {
  it("answers ok while the database answers, and 503 when it does not", async () => {
    healthy = true;
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    healthy = false;
    const down = await fetch(`${base}/healthz`);
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ status: "unavailable" });
    healthy = true;
  });
});

describe("server timing", () => {
  it("tells how long the server took with every response, pages and health checks alike", async () => {
    for (const path of ["/", "/healthz"]) {
      const response = await fetch(`${base}${path}`);
      await response.arrayBuffer();
      const duration = /^app;dur=(\d+(?:\.\d+)?)$/.exec(response.headers.get("server-timing") ?? "")?.[1];
      expect(duration, path).toBeDefined();
      expect(Number(duration)).toBeGreaterThanOrEqual(0);
      expect(Number(duration)).toBeLessThan(10_000);
    }
  });
});
