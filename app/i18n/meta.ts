import type { MetaDescriptor } from "@remix-run/node";
import { translator, type MessageKey, type MessageValues } from "./catalogue";
import { defaultLocale, isLocale } from "./locales";

type MetaMatch = { id: string; data: unknown };

/** A page title "<page> · Mentorbro" in the page's language, for a route's `meta` export. */
export function pageTitle(
  matches: readonly MetaMatch[],
  key: MessageKey,
  values?: MessageValues,
): MetaDescriptor[] {
  const root = matches.find((match) => match.id === "root")?.data as { locale?: unknown } | undefined;
  const t = translator(isLocale(root?.locale) ? root.locale : defaultLocale);
  return [{ title: `${t(key, values)} · ${t("common.portalName")}` }];
}
