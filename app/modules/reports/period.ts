import { parseDate } from "~/modules/courses/local-time";
import { addDays, copenhagenDateTime } from "~/modules/volunteers/dates";

/**
 * A report's period: two Copenhagen calendar days, both inclusive, as the URL carries them (`?from=…&to=…`).
 * Without them the report covers this calendar year so far (1 January to today), the figure coordinators
 * are most often asked for; with only one of them the other takes the same default (a missing start is
 * 1 January of the end's year, so "to=2025-12-31" alone reads as the whole of 2025).
 */
export interface ReportPeriod {
  /** YYYY-MM-DD, the first day. */
  from: string;
  /** YYYY-MM-DD, the last day. */
  to: string;
}

export type PeriodErrorKey = "fromInvalid" | "toInvalid" | "fromInFuture" | "toInFuture" | "toBeforeFrom" | "tooEarly";

export type PeriodParse =
  | { ok: true; period: ReportPeriod; /** True when the URL named no period and the default applies. */ defaulted: boolean }
  | { ok: false; errors: Partial<Record<keyof ReportPeriod, PeriodErrorKey>>; values: ReportPeriod };

/** Earlier than any course the portal holds; it also keeps two-digit years, which JavaScript reads as 19xx, out. */
export const EARLIEST_YEAR = 2000;

function day(value: string) {
  const date = parseDate(value);
  return date && Number(date.slice(0, 4)) >= EARLIEST_YEAR ? date : null;
}

export function yearToDate(today: string): ReportPeriod {
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
}

/**
 * The period in `params`, or why it cannot be read: a day that is not a date (typed as 1.1.2026 or picked as
 * 2026-01-01), an end before the start, or an end after `today` (figures for days still to come would be
 * today's figures under another name).
 */
export function parseReportPeriod(params: URLSearchParams, today: string): PeriodParse {
  const rawFrom = (params.get("from") ?? "").trim();
  const rawTo = (params.get("to") ?? "").trim();
  const values = { from: rawFrom, to: rawTo };
  const errors: Partial<Record<keyof ReportPeriod, PeriodErrorKey>> = {};

  const to = rawTo ? day(rawTo) : today;
  if (!to) errors.to = rawTo && parseDate(rawTo) ? "tooEarly" : "toInvalid";
  else if (to > today) errors.to = "toInFuture";

  const from = rawFrom ? day(rawFrom) : `${(to ?? today).slice(0, 4)}-01-01`;
  if (!from) errors.from = rawFrom && parseDate(rawFrom) ? "tooEarly" : "fromInvalid";
  else if (from > today) errors.from = "fromInFuture";

  if (from && to && !errors.from && !errors.to && to < from) errors.to = "toBeforeFrom";
  if (errors.from || errors.to || !from || !to) return { ok: false, errors, values };
  return { ok: true, period: { from, to }, defaulted: !rawFrom && !rawTo };
}

/**
 * The period as instants: from midnight starting its first day to midnight ending its last, in Copenhagen
 * (midnight always exists there: summer time changes at 02:00 and 03:00). The end is exclusive.
 */
export function periodBounds(period: ReportPeriod) {
  return { start: copenhagenDateTime(period.from, "00:00"), end: copenhagenDateTime(addDays(period.to, 1), "00:00") };
}
