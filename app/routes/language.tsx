import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { validateForm } from "~/forms/validate";
import { localeCookie } from "~/i18n/locale.server";
import { setLocale } from "~/modules/auth/accounts.server";
import { getCurrentUser, safeRedirectPath } from "~/modules/auth/guards.server";
import { languageSchema } from "~/modules/auth/schemas";

export function loader() {
  return redirect("/");
}

/** The header's language switch: remembered in a cookie, and on the account of a logged-in user. */
export async function action(args: ActionFunctionArgs) {
  const form = validateForm(await args.request.formData(), languageSchema);
  if (!form.ok) return redirect("/");
  const user = await getCurrentUser(args);
  if (user) await setLocale(args.context.db, user.id, form.data.locale);
  return redirect(safeRedirectPath(form.data.redirectTo, "/"), {
    headers: { "Set-Cookie": localeCookie(args.context.env, form.data.locale) },
  });
}
