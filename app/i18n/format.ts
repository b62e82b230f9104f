import { timeZone, type Locale } from "./locales";

const tags: Record<Locale, string> = { da: "da-DK", en: "en-GB" };
const cache = new Map<string, Intl.DateTimeFormat>();

const dateStyles = {
  date: { dateStyle: "medium" },
  dateTime: { dateStyle: "medium", timeStyle: "short" },
  // With the weekday, for appointments people plan around ("onsdag den 10. marts 2027 kl. 17.00").
  longDateTime: { dateStyle: "full", timeStyle: "short" },
  time: { timeStyle: "short" },
  month: { month: "long", year: "numeric" },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

function dateFormat(locale: Locale, style: keyof typeof dateStyles) {
  const id = `${locale}:${style}`;
  let format = cache.get(id);
  if (!format) {
    format = new Intl.DateTimeFormat(tags[locale], { timeZone, ...dateStyles[style] });
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

/** From start to end in the short form, the date written once when both fall on the same day ("10. mar. 2027 17.00–20.30"). */
export function formatDateTimeRange(locale: Locale, start: Date | string, end: Date | string) {
  return dateFormat(locale, "dateTime").formatRange(new Date(start), new Date(end));
}

export function formatLongDateTime(locale: Locale, value: Date | string) {
  return dateFormat(locale, "longDateTime").format(new Date(value));
}

/**
 * From start to end, the date written once when both fall on the same day in Copenhagen
 * ("onsdag den 10. marts 2027 17.00–20.30").
 */
export function formatLongDateTimeRange(locale: Locale, start: Date | string, end: Date | string) {
  return dateFormat(locale, "longDateTime").formatRange(new Date(start), new Date(end));
}

/** A calendar month ("marts 2027"), e.g. for a filter by month. */
export function formatMonth(locale: Locale, value: Date | string) {
  return dateFormat(locale, "month").format(new Date(value));
}

export function formatTime(locale: Locale, value: Date | string) {
  return dateFormat(locale, "time").format(new Date(value));
}

const numberFormats: Partial<Record<Locale, Intl.NumberFormat>> = {};
// Lists show the same small counts over and over (days waiting, checks passed): each is formatted once.
const smallNumbers: Record<Locale, string[]> = { da: [], en: [] };
const SMALL = 10_000;

export function formatNumber(locale: Locale, value: number) {
  const small = Number.isInteger(value) && value >= 0 && value < SMALL && !Object.is(value, -0);
  if (small) {
    const known = smallNumbers[locale][value];
    if (known !== undefined) return known;
  }
  const format = (numberFormats[locale] ??= new Intl.NumberFormat(tags[locale]));
  const text = format.format(value);
  if (small) smallNumbers[locale][value] = text;
  return text;
}
