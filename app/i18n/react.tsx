import { useRouteLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { translator, type Translate } from "./catalogue";
import { formatDate, formatDateTime, formatDateTimeRange, formatLongDateTime, formatLongDateTimeRange, formatMonth, formatNumber, formatTime } from "./format";
import { defaultLocale, isLocale, type Locale } from "./locales";

/** The language of the current page, as the root loader decided it. */
export function useLocale(): Locale {
  const data = useRouteLoaderData<{ locale?: string }>("root");
  return isLocale(data?.locale) ? data.locale : defaultLocale;
}

export function useT(): Translate {
  const locale = useLocale();
  return useMemo(() => translator(locale), [locale]);
}

export function useFormat() {
  const locale = useLocale();
  return useMemo(
    () => ({
      date: (value: Date | string) => formatDate(locale, value),
      dateTime: (value: Date | string) => formatDateTime(locale, value),
      dateTimeRange: (start: Date | string, end: Date | string) => formatDateTimeRange(locale, start, end),
      longDateTime: (value: Date | string) => formatLongDateTime(locale, value),
      longDateTimeRange: (start: Date | string, end: Date | string) => formatLongDateTimeRange(locale, start, end),
      month: (value: Date | string) => formatMonth(locale, value),
      time: (value: Date | string) => formatTime(locale, value),
      number: (value: number) => formatNumber(locale, value),
    }),
    [locale],
  );
}
