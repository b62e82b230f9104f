import { describe, expect, it } from "vitest";
import { calendarContentType, calendarEvent, type CalendarEventInput } from "~/modules/courses/ics";

const base: CalendarEventInput = {
  uid: "session-3f0c9a52@mentorbro.billund.dk",
  title: "Mentorkursus for nye frivillige",
  description: "Vi mødes i kantinen.",
  startsAt: new Date("2027-03-10T16:00:00.000Z"),
  endsAt: new Date("2027-03-10T19:30:00.000Z"),
  location: "Rådhuset, Jernbanegade 16, 7190 Billund",
  url: "https://mentorbro.billund.dk/courses/sessions/3f0c9a52",
  now: new Date("2027-02-01T08:15:42.123Z"),
};

interface Property {
  name: string;
  value: string;
}

/** Reads a file back the way a calendar would: unfold (§3.1), then split each line at its first colon. */
function parse(ics: string): Property[] {
  return ics
    .replace(/\r\n[ \t]/g, "")
    .split("\r\n")
    .filter((line) => line !== "")
    .map((line) => {
      const colon = line.indexOf(":");
      return { name: line.slice(0, colon), value: line.slice(colon + 1) };
    });
}

/** The value of a TEXT property with its escapes undone (§3.3.11). */
function unescapeText(value: string) {
  return value.replace(/\\([\\;,nN])/g, (_, char: string) => (char.toLowerCase() === "n" ? "\n" : char));
}

function property(ics: string, name: string) {
  const found = parse(ics).filter((p) => p.name === name);
  expect(found, name).toHaveLength(1);
  return found[0]!.value;
}

function physicalLines(ics: string) {
  expect(ics.endsWith("\r\n")).toBe(true);
  return ics.slice(0, -2).split("\r\n");
}

describe("calendarEvent", () => {
  it("writes one published event with UTC times, the portal link and sequence 0", () => {
    const ics = calendarEvent(base);
    const properties = parse(ics);

    expect(properties.map((p) => p.name)).toEqual([
      "BEGIN",
      "PRODID",
      "VERSION",
      "CALSCALE",
      "METHOD",
      "BEGIN",
      "UID",
      "DTSTAMP",
      "SEQUENCE",
      "DTSTART",
      "DTEND",
      "SUMMARY",
      "DESCRIPTION",
      "LOCATION",
      "URL",
      "STATUS",
      "END",
      "END",
    ]);
    expect(properties[0]).toEqual({ name: "BEGIN", value: "VCALENDAR" });
    expect(properties[5]).toEqual({ name: "BEGIN", value: "VEVENT" });
    expect(properties.at(-2)).toEqual({ name: "END", value: "VEVENT" });
    expect(properties.at(-1)).toEqual({ name: "END", value: "VCALENDAR" });
    expect(property(ics, "PRODID")).toBe("-//Mentorbro//Kurser//DA");
    expect(property(ics, "VERSION")).toBe("2.0");
    expect(property(ics, "CALSCALE")).toBe("GREGORIAN");
    expect(property(ics, "METHOD")).toBe("PUBLISH");
    expect(property(ics, "STATUS")).toBe("CONFIRMED");
    expect(property(ics, "UID")).toBe("session-3f0c9a52@mentorbro.billund.dk");
    expect(property(ics, "DTSTAMP")).toBe("20270201T081542Z");
    expect(property(ics, "DTSTART")).toBe("20270310T160000Z");
    expect(property(ics, "DTEND")).toBe("20270310T193000Z");
    expect(property(ics, "SEQUENCE")).toBe("0");
    expect(unescapeText(property(ics, "SUMMARY"))).toBe(base.title);
    expect(unescapeText(property(ics, "DESCRIPTION"))).toBe(base.description);
    expect(unescapeText(property(ics, "LOCATION"))).toBe(base.location);
    expect(property(ics, "URL")).toBe(base.url);
  });

  it("ends every line with CRLF and has no bare line feeds or carriage returns", () => {
    const ics = calendarEvent({ ...base, description: "Første linje\nAnden linje\r\nTredje\rFjerde" });
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    expect(physicalLines(ics).length).toBeGreaterThan(10);
  });

  it("escapes backslash, semicolon, comma and line breaks in text", () => {
    const ics = calendarEvent({
      ...base,
      title: "Kursus; del 1, Billund",
      description: "Medbring: pen, papir; madpakke\nSti: C:\\kurser\\dag1",
    });
    expect(property(ics, "SUMMARY")).toBe("Kursus\\; del 1\\, Billund");
    expect(property(ics, "DESCRIPTION")).toBe("Medbring: pen\\, papir\\; madpakke\\nSti: C:\\\\kurser\\\\dag1");
    expect(unescapeText(property(ics, "SUMMARY"))).toBe("Kursus; del 1, Billund");
    expect(unescapeText(property(ics, "DESCRIPTION"))).toBe("Medbring: pen, papir; madpakke\nSti: C:\\kurser\\dag1");
    expect(unescapeText(property(ics, "LOCATION"))).toBe("Rådhuset, Jernbanegade 16, 7190 Billund");
  });

  it("folds long lines at 75 octets without splitting a Danish letter or an emoji", () => {
    // Every offset of the two-octet letters against the fold point is tried, so some fold lands on one.
    for (let shift = 0; shift < 4; shift++) {
      const description =
        "x".repeat(shift) +
        "Kurset handler om at være en god rollemodel, om grænser og tavshedspligt, og om hvordan man " +
        "håndterer svære samtaler. Sæt kryds i kalenderen – vi glæder os til at se dig! 🎓 ".repeat(4) +
        "Æ Ø Å æ ø å".repeat(10);
      const ics = calendarEvent({ ...base, description });

      const lines = physicalLines(ics);
      expect(lines.some((line) => line.startsWith(" ")), "the description is folded").toBe(true);
      for (const line of lines) {
        const bytes = Buffer.from(line, "utf8");
        expect(bytes.length, line).toBeLessThanOrEqual(75);
        // Each physical line on its own is valid UTF-8: no character was cut in half.
        expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).not.toThrow();
      }
      expect(unescapeText(property(ics, "DESCRIPTION"))).toBe(description);
    }
  });

  it("keeps short lines whole", () => {
    const ics = calendarEvent(base);
    expect(physicalLines(ics).every((line) => !line.startsWith(" "))).toBe(true);
    expect(ics).toContain("\r\nSUMMARY:Mentorkursus for nye frivillige\r\n");
  });

  it("cancels: METHOD:CANCEL, STATUS:CANCELLED and the raised sequence", () => {
    const ics = calendarEvent({ ...base, cancelled: true, sequence: 2 });
    expect(property(ics, "METHOD")).toBe("CANCEL");
    expect(property(ics, "STATUS")).toBe("CANCELLED");
    expect(property(ics, "SEQUENCE")).toBe("2");
    expect(property(ics, "UID")).toBe(base.uid);
    expect(calendarContentType({ cancelled: true })).toBe("text/calendar; charset=utf-8; method=CANCEL");
    expect(calendarContentType()).toBe("text/calendar; charset=utf-8; method=PUBLISH");
  });

  it("leaves LOCATION out for an online session", () => {
    for (const location of [null, undefined, ""]) {
      const names = parse(calendarEvent({ ...base, location })).map((p) => p.name);
      expect(names).not.toContain("LOCATION");
    }
  });

  it("stamps the current time when no `now` is given, to the second", () => {
    const before = Date.now();
    const stamp = property(calendarEvent({ ...base, now: undefined }), "DTSTAMP");
    const after = Date.now();
    const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(stamp);
    expect(match).not.toBeNull();
    const [, y, mo, d, h, mi, s] = match!.map(Number);
    const stamped = Date.UTC(y!, mo! - 1, d!, h!, mi!, s!);
    expect(stamped).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(stamped).toBeLessThanOrEqual(after);
  });

  it("refuses an event that ends before it starts, invalid dates and a URL with a line break", () => {
    expect(() => calendarEvent({ ...base, endsAt: base.startsAt })).toThrow(RangeError);
    expect(() => calendarEvent({ ...base, startsAt: new Date("nonsense") })).toThrow(RangeError);
    expect(() => calendarEvent({ ...base, url: "https://x.dk/\r\nMETHOD:CANCEL" })).toThrow(RangeError);
    expect(() => calendarEvent({ ...base, sequence: -1 })).toThrow(RangeError);
  });
});
