import { describe, expect, it } from "vitest";
import { addMonths, copenhagenDateTime, copenhagenToday, daysBetween } from "~/modules/volunteers/dates";

describe("Copenhagen calendar dates", () => {
  it("turns a Copenhagen wall-clock time into the instant, in winter and in summer time", () => {
    expect(copenhagenDateTime("2026-01-15", "17:00").toISOString()).toBe("2026-01-15T16:00:00.000Z");
    expect(copenhagenDateTime("2026-07-15", "17:00").toISOString()).toBe("2026-07-15T15:00:00.000Z");
    // The days summer time starts (29 March) and ends (25 October) in 2026.
    expect(copenhagenDateTime("2026-03-29", "12:00").toISOString()).toBe("2026-03-29T10:00:00.000Z");
    expect(copenhagenDateTime("2026-10-25", "12:00").toISOString()).toBe("2026-10-25T11:00:00.000Z");
    expect(copenhagenDateTime("2026-03-28", "23:30").toISOString()).toBe("2026-03-28T22:30:00.000Z");
  });

  it("reads today, adds months at the month's end, and counts days", () => {
    expect(copenhagenToday(new Date("2026-11-26T23:30:00Z"))).toBe("2026-11-27");
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(daysBetween("2026-02-27", "2026-03-02")).toBe(3);
    expect(daysBetween("2026-03-02", "2026-02-27")).toBe(-3);
  });
});
