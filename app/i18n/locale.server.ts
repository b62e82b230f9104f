import type { RequestArgs } from "~/modules/auth/guards.server";
import { getCurrentUser } from "~/modules/auth/guards.server";
import { readCookie, serializeCookie } from "~/modules/auth/cookies.server";
import type { Env } from "~/env.server";
import { translator } from "./catalogue";
import { defaultLocale, isLocale, type Locale } from "./locales";

export const localeCookieName = "lang";

/** A logged-in user's stored choice wins; a visitor's choice lives in a cookie; otherwise Danish. */
export async function getLocale(args: RequestArgs): Promise<Locale> {
  const user = await getCurrentUser(args);
  if (user) return user.locale;
  const cookie = readCookie(args.request, localeCookieName);
  return isLocale(cookie) ? cookie : defaultLocale;
}

export async function getTranslator(args: RequestArgs) {
  return translator(await getLocale(args));
}

export function localeCookie(env: Env, locale: Locale) {
  return serializeCookie(localeCookieName, locale, {
    maxAgeSeconds: 365 * 24 * 60 * 60,
    secure: env.NODE_ENV === "production",
  });
}
