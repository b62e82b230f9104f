import crypto from "node:crypto";
import type { NextFunction, Request, Response } from "express";

/** A fresh nonce per response; only scripts carrying it may run (Remix renders it on its own scripts). */
export function securityHeaders({ production }: { production: boolean }) {
  return (req: Request, res: Response, next: NextFunction) => {
    const nonce = crypto.randomBytes(16).toString("base64");
    res.locals.nonce = nonce;
    const csp = [
      "default-src 'self'",
      `script-src 'self' 'nonce-${nonce}'`,
      // Vite injects styles and talks over a websocket while developing.
      production ? "style-src 'self'" : "style-src 'self' 'unsafe-inline'",
      production ? "connect-src 'self'" : "connect-src 'self' ws: wss:",
      "img-src 'self' data:",
      "font-src 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
      "base-uri 'none'",
      "object-src 'none'",
    ].join("; ");
    res.setHeader("Content-Security-Policy", csp);
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
    if (production) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    // A route may send its own policy (the mailbox's sandboxed email view does): it replaces the default
    // instead of standing beside it, where browsers would enforce both.
    const append = res.append.bind(res);
    res.append = (field: string, value?: string | string[]) =>
      field.toLowerCase() === "content-security-policy" && value !== undefined ? res.set(field, value) : append(field, value);
    next();
  };
}

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * CSRF defence without tokens: browsers say where a request comes from. A state-changing request must come
 * from this origin, by Sec-Fetch-Site or, from older browsers, by Origin. A request with neither is refused.
 */
export function sameOriginOnly() {
  return (req: Request, res: Response, next: NextFunction) => {
    if (safeMethods.has(req.method)) return next();
    const fetchSite = req.get("sec-fetch-site");
    const origin = req.get("origin");
    let allowed = false;
    if (fetchSite) allowed = fetchSite === "same-origin";
    else if (origin) allowed = hostOf(origin) === req.get("host");
    if (allowed) return next();
    res.status(403).type("text/plain").send("Forbidden: cross-origin request");
  };
}

function hostOf(origin: string) {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}
