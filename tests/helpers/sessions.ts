import type { Database } from "#db/client.server";
import type { Role } from "#db/schema";
import { createSession } from "~/modules/auth/session.server";
import { sessionCookieName } from "~/modules/auth/cookies.server";
import { createUser, type UserSpec } from "../factories/users";
import { testEnv } from "./context";

/** A user with a live session, and the Cookie header a browser would send for it. */
export async function loggedInUser(db: Database, spec: UserSpec & { role: Role }) {
  const user = await createUser(db, spec);
  const { token } = await createSession(db, user);
  return { user, token, cookie: `${sessionCookieName(testEnv)}=${token}` };
}

export function request(path: string, init: RequestInit & { cookie?: string; form?: Record<string, string> } = {}) {
  const headers = new Headers(init.headers);
  if (init.cookie) headers.set("Cookie", init.cookie);
  let body = init.body;
  if (init.form) {
    body = new URLSearchParams(init.form);
    headers.set("Content-Type", "application/x-www-form-urlencoded");
  }
  return new Request(`http://localhost:3000${path}`, {
    method: init.method ?? (init.form ? "POST" : "GET"),
    headers,
    body,
  });
}
