import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { recordLogout } from "~/modules/auth/accounts.server";
import { clearSessionCookie, readCookie, sessionCookieName } from "~/modules/auth/cookies.server";
import { getCurrentUser } from "~/modules/auth/guards.server";
import { invalidateSession } from "~/modules/auth/session.server";
import { accountDeps } from "~/request.server";
import { toastCookie } from "~/toast.server";

// Logging out changes state, so it is a POST; a GET just goes home.
export function loader() {
  return redirect("/");
}

export async function action(args: ActionFunctionArgs) {
  const user = await getCurrentUser(args);
  const token = readCookie(args.request, sessionCookieName(args.context.env));
  if (token) await invalidateSession(args.context.db, token);
  if (user) await recordLogout(accountDeps(args, user.id), user.id);
  const headers = new Headers();
  headers.append("Set-Cookie", clearSessionCookie(args.context.env));
  headers.append("Set-Cookie", toastCookie({ key: "auth.logout.done", variant: "success" }));
  return redirect("/", { headers });
}
