/**
 * Calendar files (RFC 5545) for course sessions, sent with the booking emails so that a volunteer's own
 * calendar holds the session. Written by hand rather than with a library: one event, UTC times, no
 * recurrence, so what is needed is escaping and line folding, and both are specified to the octet.
 */

export interface CalendarEventInput {
  /** Stable for the session and person: a later file with the same UID updates or cancels the event. */
  uid: string;
  title: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  location?: string | null;
  /** The session's page in the portal. */
  url: string;
  /** Raise it every time the event changes, or calendars ignore the newer file as stale. */
  sequence?: number;
  cancelled?: boolean;
  /** When the file is made (DTSTAMP); defaults to the current time. */
  now?: Date;
}

const prodId = "-//Mentorbro//Kurser//DA";
const crlf = "\r\n";
// RFC 5545 §3.1: lines SHOULD NOT be longer than 75 octets, excluding the line break.
const maxLineOctets = 75;

/** The Content-Type of a file from `calendarEvent`: mail clients read `method` to offer "add" or "remove". */
export function calendarContentType({ cancelled = false }: { cancelled?: boolean } = {}): string {
  return `text/calendar; charset=utf-8; method=${cancelled ? "CANCEL" : "PUBLISH"}`;
}

/** A VCALENDAR with one VEVENT, CRLF line endings and lines folded at 75 octets. */
export function calendarEvent(input: CalendarEventInput): string {
  const { uid, title, description, startsAt, endsAt, location, url, sequence = 0, cancelled = false } = input;
  if (Number.isNaN(startsAt.getTime()) || Number.isNaN(endsAt.getTime())) {
    throw new RangeError("Invalid date in calendar event");
  }
  if (endsAt.getTime() <= startsAt.getTime()) throw new RangeError("A calendar event must end after it starts");
  if (!Number.isSafeInteger(sequence) || sequence < 0) throw new RangeError("SEQUENCE must be a whole number ≥ 0");

  const lines = [
    "BEGIN:VCALENDAR",
    `PRODID:${prodId}`,
    "VERSION:2.0",
    "CALSCALE:GREGORIAN",
    `METHOD:${cancelled ? "CANCEL" : "PUBLISH"}`,
    "BEGIN:VEVENT",
    `UID:${escapeText(uid)}`,
    `DTSTAMP:${utcDateTime(input.now ?? new Date())}`,
    `SEQUENCE:${sequence}`,
    `DTSTART:${utcDateTime(startsAt)}`,
    `DTEND:${utcDateTime(endsAt)}`,
    `SUMMARY:${escapeText(title)}`,
    `DESCRIPTION:${escapeText(description)}`,
    ...(location ? [`LOCATION:${escapeText(location)}`] : []),
    `URL:${uri(url)}`,
    `STATUS:${cancelled ? "CANCELLED" : "CONFIRMED"}`,
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return lines.map(fold).join(crlf) + crlf;
}

/** A TEXT value (RFC 5545 §3.3.11): backslash, semicolon and comma are escaped, line breaks become "\n". */
function escapeText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

/** A URI value is not escaped (§3.3.13), so a control character could only break the file: refuse it. */
function uri(value: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is looked for
  if (/[\u0000-\u001f\u007f]/.test(value)) throw new RangeError("URL contains a control character");
  return value;
}

/** DATE-TIME in UTC, "form #2" of §3.3.5: 19970714T173000Z. Seconds are kept, milliseconds are not. */
function utcDateTime(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new RangeError("Invalid date in calendar event");
  const pad = (value: number, width = 2) => String(value).padStart(width, "0");
  return (
    `${pad(date.getUTCFullYear(), 4)}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}` +
    `T${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`
  );
}

function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}

/**
 * Splits a content line into lines of at most 75 octets, each continuation starting with one space
 * (§3.1). The split falls between characters, never inside one: a Danish "æ" is two octets, and half of
 * it would be an invalid file for a strict reader.
 */
function fold(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  // for…of walks code points, so a character outside the BMP (an emoji) is never cut between surrogates.
  for (const char of line) {
    const size = utf8Length(char.codePointAt(0)!);
    if (octets + size > maxLineOctets) {
      parts.push(current);
      // The leading space of a continuation line counts towards its 75 octets.
      current = " ";
      octets = 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(crlf);
}
