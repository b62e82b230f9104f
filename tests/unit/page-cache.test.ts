import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import type { AppLoadContext } from "@remix-run/node";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PageCache, remixHandler } from "../../server/page-cache";

let server: Server;
let base: string;
let renders = 0;
let clock = 1_000_000;
let nonceCounter = 0;

// why: a stand-in for the Remix build, so the test controls what each route answers and counts renders.
async function render(request: Request, context: AppLoadContext) {
  renders += 1;
  const url = new URL(request.url);
  const html = { "Content-Type": "text/html; charset=utf-8" };
  const body = `<html><script nonce="${context.nonce}"></script>${url.pathname}</html>`;
  if (url.pathname === "/public") return new Response(body, { headers: { ...html, "Cache-Control": "public, max-age=0, s-maxage=60" } });
  if (url.pathname === "/private") return new Response(body, { headers: html });
  if (url.pathname === "/cookie") {
    return new Response(body, { headers: { ...html, "Cache-Control": "public, s-maxage=60", "Set-Cookie": "toast=; Max-Age=0" } });
  }
  return new Response("missing", { status: 404, headers: { ...html, "Cache-Control": "public, s-maxage=60" } });
}

beforeAll(async () => {
  const cache = new PageCache({ personalCookies: ["session", "toast"], varyCookie: "lang", now: () => clock });
  const app = express();
  app.use(
    remixHandler(render, () => ({ nonce: `nonce-${++nonceCounter}` }) as AppLoadContext, cache),
  );
  server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const get = (path: string, cookie?: string) => fetch(`${base}${path}`, { headers: cookie ? { Cookie: cookie } : {} });

describe("the page cache", () => {
  it("renders a public page once for visitors and gives every copy its own nonce", async () => {
    const before = renders;
    const first = await get("/public");
    const second = await get("/public");
    expect(renders - before).toBe(1);
    expect(first.headers.get("x-page-cache")).toBe("miss");
    expect(second.headers.get("x-page-cache")).toBe("hit");
    const [a, b] = [await first.text(), await second.text()];
    const nonceOf = (html: string) => /nonce="([^"]+)"/.exec(html)?.[1];
    expect(nonceOf(a)).not.toBe(nonceOf(b));
    expect(b.replace(nonceOf(b)!, "")).toBe(a.replace(nonceOf(a)!, ""));
  });

  it("keeps one copy per language", async () => {
    const before = renders;
    await get("/public?x=lang", "lang=en");
    await get("/public?x=lang", "lang=en");
    await get("/public?x=lang", "lang=da");
    expect(renders - before).toBe(2);
  });

  it("never serves or stores a copy for a logged-in person, and marks their page private", async () => {
    await get("/public?x=session");
    const before = renders;
    const personal = await get("/public?x=session", "session=abc; lang=da");
    expect(renders - before).toBe(1);
    expect(personal.headers.get("x-page-cache")).toBeNull();
    expect(personal.headers.get("cache-control")).toBe("private, no-store");
  });

  it("renders afresh when a flash message waits in a cookie", async () => {
    await get("/public?x=toast");
    const before = renders;
    await get("/public?x=toast", "toast=success:auth.logout.done");
    expect(renders - before).toBe(1);
  });

  it("stores only what the route allows: public, 200, HTML and no cookies set", async () => {
    for (const path of ["/private", "/cookie", "/missing"]) {
      const before = renders;
      await get(path);
      await get(path);
      expect(renders - before, path).toBe(2);
    }
  });

  it("lets a copy expire after its s-maxage", async () => {
    await get("/public?x=expiry");
    clock += 61_000;
    const before = renders;
    const again = await get("/public?x=expiry");
    expect(renders - before).toBe(1);
    expect(again.headers.get("x-page-cache")).toBe("miss");
  });
});
