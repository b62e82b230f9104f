import { copenhagenDateTime, copenhagenWallClock } from "~/modules/volunteers/dates";

/**
 * Danish wall-clock time as the coordinators' forms take it: a date and a time as they read them in Billund,
 * typed or picked, and the instant the database keeps.
 */

/** `YYYY-MM-DD`, or a Danish `D.M.YYYY` / `D-M-YYYY` typed where the browser has no date picker. */
export function parseDate(value: string): string | null {
  const text = value.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const danish = /^(\d{1,2})[.\-/](\d{1,2})[.\-/](\d{4})$/.exec(text);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : danish ? [danish[3], danish[2], danish[1]] : [];
  if (!year || !month || !day) return null;
  const date = `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
  // 30 February rolls over into March and month 13 into next year: such days do not exist.
  const check = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return check.toISOString().slice(0, 10) === date ? date : null;
}

/** `HH:MM` from "17:00", "9:30" or the Danish "17.00"; seconds from a time picker are dropped. */
export function parseTime(value: string): string | null {
  const match = /^(\d{1,2})[:.](\d{2})(?::\d{2})?$/.exec(value.trim());
  if (!match) return null;
  const [hours, minutes] = [Number(match[1]), Number(match[2])];
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, "0")}:${match[2]}`;
}

/**
 * The instant a Copenhagen date and time name, or null for a time the clock skips when summer time starts
 * (02:00–02:59 on the last Sunday of March): a form says so rather than moving the session by an hour.
 */
export function fromCopenhagen(date: string, time: string): Date | null {
  const instant = copenhagenDateTime(date, time);
  const shown = copenhagenWallClock(instant);
  return shown.date === date && shown.time === time ? instant : null;
}
