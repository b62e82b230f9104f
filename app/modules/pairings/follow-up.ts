import { addDays, copenhagenWallClock, daysBetween } from "~/modules/volunteers/dates";

/**
 * The rules of following a pair up, without the database: when a contact counts as after-hours, when check-ins
 * fall due, and when a pair has gone quiet. The follow-up module and the overdue job both use these.
 */

/** Working hours in Copenhagen: a contact outside them, or at a weekend, is after-hours. */
export const WORKDAY_START = "07:00";
export const WORKDAY_END = "17:00";

/** After 17:00, before 07:00, or on a Saturday or Sunday, on a Copenhagen clock. */
export function isAfterHours(instant: Date) {
  const { date, time } = copenhagenWallClock(instant);
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
  if (weekday === 0 || weekday === 6) return true;
  return time >= WORKDAY_END || time < WORKDAY_START;
}

export interface CheckInSchedule {
  /** How many check-ins the first month holds, evenly spread (the report's practice: two). */
  firstMonth: number;
  /** Days between check-ins after the first month. */
  intervalDays: number;
}

/** The first month of a pairing, in days: the first month's check-ins are spread over it. */
const FIRST_MONTH_DAYS = 30;

/**
 * The date the `n`-th check-in (0-based) falls due for a pairing started on `startedOn` (YYYY-MM-DD): the first
 * month's check-ins at even steps through its 30 days, then one every `intervalDays`.
 */
export function checkInDueDate(startedOn: string, n: number, schedule: CheckInSchedule) {
  const { firstMonth, intervalDays } = schedule;
  if (n < firstMonth) return addDays(startedOn, Math.round((FIRST_MONTH_DAYS * (n + 1)) / firstMonth));
  return addDays(startedOn, FIRST_MONTH_DAYS + (n - firstMonth + 1) * intervalDays);
}

/**
 * The next check-in due, given how many have been held since the start: each check-in meets the earliest date
 * not yet met, so a coordinator who is early is not asked again until the following one.
 */
export function nextCheckIn(startedOn: string, held: number, today: string, schedule: CheckInSchedule) {
  const due = checkInDueDate(startedOn, held, schedule);
  return { due, overdueDays: Math.max(0, daysBetween(due, today)) };
}

/** Days without a contact before a pair counts as quiet. */
export const QUIET_DAYS = 14;

/**
 * Days since the pair was last in touch: since the latest logged contact, or since the start when none is
 * logged yet. Quiet from `QUIET_DAYS`.
 */
export function daysSinceContact(startedOn: string, lastContactOn: string | null, today: string) {
  return daysBetween(lastContactOn ?? startedOn, today);
}

export function isQuiet(startedOn: string, lastContactOn: string | null, today: string) {
  return daysSinceContact(startedOn, lastContactOn, today) >= QUIET_DAYS;
}
