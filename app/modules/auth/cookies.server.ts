import type { Env } from "~/env.server";

// The __Host- prefix pins the cookie to this exact origin over HTTPS; plain-HTTP development can't use it.
export function sessionCookieName(env: Pick<Env, "NODE_ENV">) {
  return env.NODE_ENV === "production" ? "__Host-mentorbro_session" : "mentorbro_session";
}

export function readCookie(request: Request, name: string): string | null {
  const header = request.headers.get("Cookie");
  if (!header) return null;
  for (const part of header.split(";")) {
    const index = part.indexOf("=");
    if (index === -1) continue;
    if (part.slice(0, index).trim() === name) {
      try {
        return decodeURIComponent(part.slice(index + 1).trim());
      } catch {
        return null;
      }
    }
  }
  return null;
}

interface CookieOptions {
  maxAgeSeconds: number;
  secure: boolean;
  httpOnly?: boolean;
}

export function serializeCookie(name: string, value: string, options: CookieOptions) {
  const parts = [`${name}=${encodeURIComponent(value)}`, "Path=/", "SameSite=Lax", `Max-Age=${options.maxAgeSeconds}`];
  if (options.httpOnly !== false) parts.push("HttpOnly");
  if (options.secure) parts.push("Secure");
  return parts.join("; ");
}

export function sessionCookie(env: Env, token: string, expiresAt: Date, now = new Date()) {
  return serializeCookie(sessionCookieName(env), token, {
    maxAgeSeconds: Math.max(0, Math.floor((expiresAt.getTime() - now.getTime()) / 1000)),
    secure: env.NODE_ENV === "production",
  });
}

export function clearSessionCookie(env: Env) {
  return serializeCookie(sessionCookieName(env), "", { maxAgeSeconds: 0, secure: env.NODE_ENV === "production" });
}
