import type { AppLoadContext } from "@remix-run/node";
import type { NextFunction, Request, RequestHandler, Response } from "express";
import { sendWebResponse, toWebRequest } from "./remix-request";

interface CachedPage {
  status: number;
  headers: [string, string][];
  body: string;
  /** The nonce the page was rendered with; each response gets its own in its place. */
  nonce: string;
  expiresAt: number;
}

export interface PageCacheOptions {
  /** Requests carrying any of these cookies are personal and never served from or stored in the cache. */
  personalCookies: string[];
  /** The cookie whose value (the language) makes a separate copy of a page. */
  varyCookie: string;
  maxEntries?: number;
  now?: () => number;
}

/**
 * A small shared cache for pages that are the same for every visitor, like a CDN would keep: a route opts
 * in with `Cache-Control: public, s-maxage=N`, and only requests without a session are served from it.
 * Rendering a page costs milliseconds of CPU; serving a copy costs almost nothing.
 */
export class PageCache {
  private readonly pages = new Map<string, CachedPage>();
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(private readonly options: PageCacheOptions) {
    this.maxEntries = options.maxEntries ?? 500;
    this.now = options.now ?? Date.now;
  }

  /** The cache key for a request, or null when the request must be rendered for this visitor alone. */
  keyFor(req: Request): string | null {
    if (req.method !== "GET") return null;
    const cookies = parseCookieNames(req.headers.cookie);
    if (this.options.personalCookies.some((name) => cookies.has(name))) return null;
    return `${cookies.get(this.options.varyCookie) ?? ""}|${req.originalUrl}`;
  }

  get(key: string): CachedPage | null {
    const page = this.pages.get(key);
    if (!page) return null;
    if (page.expiresAt <= this.now()) {
      this.pages.delete(key);
      return null;
    }
    return page;
  }

  /** Keeps a rendered page if its route allowed it; returns the copy to send, or null to send the original. */
  async store(key: string, response: globalThis.Response, nonce: string): Promise<CachedPage | null> {
    const seconds = sharedMaxAge(response.headers.get("Cache-Control"));
    const html = (response.headers.get("Content-Type") ?? "").startsWith("text/html");
    if (response.status !== 200 || !seconds || !html || response.headers.has("Set-Cookie")) return null;
    const page: CachedPage = {
      status: response.status,
      headers: [...response.headers.entries()],
      body: await response.text(),
      nonce,
      expiresAt: this.now() + seconds * 1000,
    };
    if (this.pages.size >= this.maxEntries) this.pages.delete(this.pages.keys().next().value!);
    this.pages.set(key, page);
    return page;
  }
}

function sharedMaxAge(cacheControl: string | null) {
  if (!cacheControl || !/\bpublic\b/.test(cacheControl)) return 0;
  const match = /\bs-maxage=(\d+)/.exec(cacheControl);
  return match ? Number(match[1]) : 0;
}

function parseCookieNames(header: string | undefined) {
  const cookies = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const index = part.indexOf("=");
    if (index > 0) cookies.set(part.slice(0, index).trim(), part.slice(index + 1).trim());
  }
  return cookies;
}

function sendPage(res: Response, page: CachedPage, nonce: string, state: "hit" | "miss") {
  res.status(page.status);
  for (const [name, value] of page.headers) res.append(name, value);
  res.set("X-Page-Cache", state);
  res.send(page.body.replaceAll(page.nonce, nonce));
}

type RemixHandler = (request: globalThis.Request, context: AppLoadContext) => Promise<globalThis.Response>;

/** The Express side of Remix, with the page cache in front of it. */
export function remixHandler(
  handleRequest: RemixHandler,
  getLoadContext: (req: Request, res: Response) => AppLoadContext,
  cache: PageCache | null,
): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const context = getLoadContext(req, res);
      const key = cache?.keyFor(req) ?? null;
      const cached = key ? cache!.get(key) : null;
      if (cached) return sendPage(res, cached, context.nonce, "hit");
      const response = await handleRequest(toWebRequest(req, res), context);
      const stored = key ? await cache!.store(key, response, context.nonce) : null;
      if (stored) return sendPage(res, stored, context.nonce, "miss");
      // A page rendered for a logged-in person is theirs alone, whatever its route allows for visitors.
      if (!key && sharedMaxAge(response.headers.get("Cache-Control"))) response.headers.set("Cache-Control", "private, no-store");
      await sendWebResponse(res, response);
    } catch (error) {
      next(error);
    }
  };
}
