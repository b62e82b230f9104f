/** Calendar dates as `YYYY-MM-DD` strings, the way PostgreSQL `date` columns travel. */

const copenhagen = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Copenhagen", year: "numeric", month: "2-digit", day: "2-digit" });

/** Today in Copenhagen: a renewal date is a Danish calendar day, not a UTC one. */
export function copenhagenToday(now = new Date()) {
  return copenhagen.format(now);
}

/** `date` plus `months`; a day past the target month's end lands on its last day (31 Jan + 1 → 28/29 Feb). */
export function addMonths(date: string, months: number) {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number) {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** Whole calendar days from `from` to `to` (negative when `to` comes first). */
export function daysBetween(from: string, to: string) {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

const wallClock = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Copenhagen",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

function wallClockParts(instant: Date) {
  return Object.fromEntries(wallClock.formatToParts(instant).map((part) => [part.type, part.value]));
}

/** What a Copenhagen clock shows at `instant`, as minutes since the epoch in a UTC-less count. */
function copenhagenMinutes(instant: Date) {
  const parts = wallClockParts(instant);
  return Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute)) / 60_000;
}

/** The date (YYYY-MM-DD) and time (HH:MM) a Copenhagen clock shows at `instant`. */
export function copenhagenWallClock(instant: Date) {
  const parts = wallClockParts(instant);
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/**
 * The instant a Copenhagen wall clock shows `date` (YYYY-MM-DD) at `time` (HH:MM), across summer time:
 * the offset is read at a first guess and corrected once, which settles on both sides of a change.
 */
export function copenhagenDateTime(date: string, time: string) {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const [hours, minutes] = time.split(":").map(Number) as [number, number];
  const wanted = Date.UTC(year, month - 1, day, hours, minutes) / 60_000;
  let guess = new Date(wanted * 60_000);
  for (let i = 0; i < 2; i++) guess = new Date(guess.getTime() + (wanted - copenhagenMinutes(guess)) * 60_000);
  return guess;
}
