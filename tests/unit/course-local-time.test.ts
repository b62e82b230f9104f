import { describe, expect, it } from "vitest";
import { hoursOf, parseHours } from "~/forms/course-admin";
import { fromCopenhagen, parseDate, parseTime } from "~/modules/courses/local-time";
import { copenhagenWallClock } from "~/modules/volunteers/dates";

describe("Danish wall-clock time", () => {
  it("turns a Copenhagen date and time into the instant, in winter and in summer time", () => {
    expect(fromCopenhagen("2027-01-12", "17:00")).toEqual(new Date("2027-01-12T16:00:00Z"));
    expect(fromCopenhagen("2027-06-15", "17:00")).toEqual(new Date("2027-06-15T15:00:00Z"));
    // Either side of the switch to summer time on 28 March 2027.
    expect(fromCopenhagen("2027-03-28", "01:59")).toEqual(new Date("2027-03-28T00:59:00Z"));
    expect(fromCopenhagen("2027-03-28", "03:00")).toEqual(new Date("2027-03-28T01:00:00Z"));
  });

  it("has no instant for the skipped hour, and takes one of the two for the repeated one", () => {
    expect(fromCopenhagen("2027-03-28", "02:30")).toBeNull();
    expect(fromCopenhagen("2027-10-31", "02:30")).toEqual(new Date("2027-10-31T01:30:00Z"));
    expect(fromCopenhagen("2027-10-31", "03:00")).toEqual(new Date("2027-10-31T02:00:00Z"));
  });

  it("shows an instant as the Copenhagen date and time a form field holds", () => {
    expect(copenhagenWallClock(new Date("2027-06-15T22:30:00Z"))).toEqual({ date: "2027-06-16", time: "00:30" });
    expect(copenhagenWallClock(new Date("2027-01-12T16:00:00Z"))).toEqual({ date: "2027-01-12", time: "17:00" });
  });

  it("reads dates and times as a picker sends them or as a Dane types them", () => {
    expect(parseDate("2027-03-10")).toBe("2027-03-10");
    expect(parseDate("10.3.2027")).toBe("2027-03-10");
    expect(parseDate("2027-02-30")).toBeNull();
    expect(parseDate("10/13/2027")).toBeNull();
    expect(parseTime("17.00")).toBe("17:00");
    expect(parseTime("9:30")).toBe("09:30");
    expect(parseTime("17:00:00")).toBe("17:00");
    expect(parseTime("24:00")).toBeNull();
  });
});

describe("training hours", () => {
  it("takes a decimal comma or point and keeps minutes", () => {
    expect(parseHours("3,5")).toBe(210);
    expect(parseHours("3.25")).toBe(195);
    expect(parseHours("0")).toBe(0);
    expect(parseHours("3,555")).toBeNull();
    expect(parseHours("-1")).toBeNull();
    // Shown with two decimals at most, and read back to the same minutes.
    expect(hoursOf(200)).toBe(3.33);
    expect(parseHours(String(hoursOf(200)))).toBe(200);
  });
});
