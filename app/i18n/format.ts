import { timeZone, type Locale } from "./locales";

const tags: Record<Locale, string> = { da: "da-DK", en: "en-GB" };
const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function dateFormat(locale: Locale, style: "date" | "dateTime") {
  const id = `${locale}:${style}`;
  let format = cache.get(id) as Intl.DateTimeFormat | undefined;
  if (!format) {
    format = new Intl.DateTimeFormat(tags[locale], {
      timeZone,
      dateStyle: "medium",
      ...(style === "dateTime" ? { timeStyle: "short" } : {}),
    });
    cache.set(id, format);
  }
  return format;
}

export function formatDate(locale: Locale, value: Date | string) {
  return dateFormat(locale, "date").format(new Date(value));
}

export function formatDateTime(locale: Locale, value: Date | string) {
  return dateFormat(locale, "dateTime").format(new Date(value));
}

export function formatNumber(locale: Locale, value: number) {
  const id = `${locale}:number`;
  let format = cache.get(id) as Intl.NumberFormat | undefined;
  if (!format) {
    format = new Intl.NumberFormat(tags[locale]);
    cache.set(id, format);
  }
  return format.format(value);
}
