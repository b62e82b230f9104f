import { redirect } from "@remix-run/node";
import { readCookie, serializeCookie } from "~/modules/auth/cookies.server";
import { isMessageKey, type MessageKey } from "~/i18n/catalogue";

export const toastCookieName = "toast";

export type ToastVariant = "success" | "info" | "warning" | "error";
export interface Toast {
  key: MessageKey;
  variant: ToastVariant;
}

/** A one-time message shown on the next page, e.g. "Your password is changed" after a redirect. */
export function toastCookie(toast: Toast) {
  return serializeCookie(toastCookieName, `${toast.variant}:${toast.key}`, { maxAgeSeconds: 60, secure: false });
}

export function redirectWithToast(url: string, toast: Toast, init: { headers?: HeadersInit } = {}) {
  const headers = new Headers(init.headers);
  headers.append("Set-Cookie", toastCookie(toast));
  return redirect(url, { headers });
}

/** Reads the pending toast; only catalogue keys are accepted, so the cookie cannot inject text. */
export function readToast(request: Request): { toast: Toast | null; clear: string | null } {
  const value = readCookie(request, toastCookieName);
  if (!value) return { toast: null, clear: null };
  const clear = serializeCookie(toastCookieName, "", { maxAgeSeconds: 0, secure: false });
  const [variant, key] = value.split(":", 2);
  const valid = (["success", "info", "warning", "error"] as const).find((v) => v === variant);
  if (!valid || !key || !isMessageKey(key)) return { toast: null, clear };
  return { toast: { variant: valid, key }, clear };
}
