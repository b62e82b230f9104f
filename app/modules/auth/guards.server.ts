import { redirect, type AppLoadContext } from "@remix-run/node";
import { can, type Permission } from "./permissions";
import { validateSessionToken, type SessionUser } from "./session.server";
import { readCookie, sessionCookieName } from "./cookies.server";

export interface RequestArgs {
  request: Request;
  context: AppLoadContext;
}

// Remix runs the loaders of one request in parallel with one shared context: look the session up once.
const usersByContext = new WeakMap<AppLoadContext, Promise<SessionUser | null>>();

export function getCurrentUser({ request, context }: RequestArgs): Promise<SessionUser | null> {
  let user = usersByContext.get(context);
  if (!user) {
    const token = readCookie(request, sessionCookieName(context.env));
    user = token ? validateSessionToken(context.db, token) : Promise.resolve(null);
    usersByContext.set(context, user);
  }
  return user;
}

export function loginRedirect(request: Request) {
  const url = new URL(request.url);
  const back = url.pathname + url.search;
  return redirect(back === "/" ? "/login" : `/login?redirectTo=${encodeURIComponent(back)}`);
}

export async function requireUser(args: RequestArgs): Promise<SessionUser> {
  const user = await getCurrentUser(args);
  if (!user) throw loginRedirect(args.request);
  return user;
}

export function forbidden(): never {
  throw new Response("Forbidden", { status: 403 });
}

export async function requirePermission(args: RequestArgs, permission: Permission): Promise<SessionUser> {
  const user = await requireUser(args);
  if (!can(user.role, permission)) forbidden();
  return user;
}

/** For log-in and sign-up pages: someone already logged in goes to their start page. */
export async function requireAnonymous(args: RequestArgs) {
  if (await getCurrentUser(args)) throw redirect("/dashboard");
}

/** Only same-site paths: an attacker's link must not turn our login into a redirect to their site. */
export function safeRedirectPath(value: unknown, fallback = "/dashboard") {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) {
    return fallback;
  }
  return value;
}
