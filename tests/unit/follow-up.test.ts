import { describe, expect, it } from "vitest";
import { checkInDueDate, daysSinceContact, isAfterHours, isQuiet, nextCheckIn, QUIET_DAYS } from "~/modules/pairings/follow-up";
import { copenhagenDateTime } from "~/modules/volunteers/dates";

const at = (date: string, time: string) => isAfterHours(copenhagenDateTime(date, time));

describe("after-hours contacts", () => {
  it("starts at 17:00 and ends at 07:00 on a Copenhagen clock, in winter and in summer time", () => {
    // Wednesday 4 March 2026 (CET, UTC+1) and Wednesday 15 July 2026 (CEST, UTC+2).
    for (const day of ["2026-03-04", "2026-07-15"]) {
      expect([at(day, "16:59"), at(day, "17:00"), at(day, "06:59"), at(day, "07:00")]).toEqual([false, true, true, false]);
      expect([at(day, "12:00"), at(day, "23:59"), at(day, "00:00")]).toEqual([false, true, true]);
    }
    // The same instant is 16:30 UTC in both seasons, but 17:30 in winter and 18:30 in summer in Copenhagen.
    expect(isAfterHours(new Date("2026-03-04T15:59:00Z"))).toBe(false);
    expect(isAfterHours(new Date("2026-03-04T16:00:00Z"))).toBe(true);
    expect(isAfterHours(new Date("2026-07-15T14:59:00Z"))).toBe(false);
    expect(isAfterHours(new Date("2026-07-15T15:00:00Z"))).toBe(true);
  });

  it("counts the whole weekend, and the first working day after summer time starts by its own clock", () => {
    expect(at("2026-03-07", "12:00")).toBe(true); // Saturday
    expect(at("2026-03-08", "10:00")).toBe(true); // Sunday
    expect(at("2026-03-06", "12:00")).toBe(false); // Friday
    expect(at("2026-03-09", "07:00")).toBe(false); // Monday morning
    // Summer time starts on Sunday 29 March 2026: Monday 07:00 is 05:00 UTC, no longer 06:00.
    expect(at("2026-03-29", "12:00")).toBe(true);
    expect(isAfterHours(new Date("2026-03-30T04:59:00Z"))).toBe(true);
    expect(isAfterHours(new Date("2026-03-30T05:00:00Z"))).toBe(false);
    // And ends on Sunday 25 October: Monday 07:00 is 06:00 UTC again.
    expect(isAfterHours(new Date("2026-10-26T05:59:00Z"))).toBe(true);
    expect(isAfterHours(new Date("2026-10-26T06:00:00Z"))).toBe(false);
    // Saturday shortly after midnight in Copenhagen is still Friday in UTC.
    expect(isAfterHours(new Date("2026-03-06T23:30:00Z"))).toBe(true);
  });
});

describe("the check-in schedule", () => {
  it("spreads two check-ins over the first month, then one every 30 days", () => {
    const schedule = { firstMonth: 2, intervalDays: 30 };
    const due = [0, 1, 2, 3].map((n) => checkInDueDate("2026-03-02", n, schedule));
    expect(due).toEqual(["2026-03-17", "2026-04-01", "2026-05-01", "2026-05-31"]);
  });

  it("holds one check-in in the first month, then one every 14 days", () => {
    const schedule = { firstMonth: 1, intervalDays: 14 };
    const due = [0, 1, 2].map((n) => checkInDueDate("2026-03-02", n, schedule));
    expect(due).toEqual(["2026-04-01", "2026-04-15", "2026-04-29"]);
  });

  it("rounds uneven steps of the first month to whole days", () => {
    const due = [0, 1, 2, 3, 4].map((n) => checkInDueDate("2026-01-01", n, { firstMonth: 4, intervalDays: 30 }));
    // 7.5, 15, 22.5 and 30 days, then 30 more.
    expect(due).toEqual(["2026-01-09", "2026-01-16", "2026-01-24", "2026-01-31", "2026-03-02"]);
  });

  it("counts calendar days across the change to summer time", () => {
    // 15 days from 20 March is 4 April, although that span is one hour short of 15 × 24 hours.
    expect(checkInDueDate("2026-03-20", 0, { firstMonth: 2, intervalDays: 30 })).toBe("2026-04-04");
  });

  it("is overdue the day after the due date, by the days since", () => {
    const schedule = { firstMonth: 2, intervalDays: 30 };
    expect(nextCheckIn("2026-03-02", 0, "2026-03-17", schedule)).toEqual({ due: "2026-03-17", overdueDays: 0 });
    expect(nextCheckIn("2026-03-02", 0, "2026-03-18", schedule)).toEqual({ due: "2026-03-17", overdueDays: 1 });
    expect(nextCheckIn("2026-03-02", 0, "2026-03-03", schedule)).toEqual({ due: "2026-03-17", overdueDays: 0 });
    // One held: the next is the month's second.
    expect(nextCheckIn("2026-03-02", 1, "2026-03-18", schedule)).toEqual({ due: "2026-04-01", overdueDays: 0 });
    expect(nextCheckIn("2026-03-02", 1, "2026-04-11", schedule)).toEqual({ due: "2026-04-01", overdueDays: 10 });
  });
});

describe("quiet pairs", () => {
  it("counts from the start until a contact is logged, and is quiet from 14 days", () => {
    expect(QUIET_DAYS).toBe(14);
    expect(daysSinceContact("2026-03-02", null, "2026-03-15")).toBe(13);
    expect(isQuiet("2026-03-02", null, "2026-03-15")).toBe(false);
    expect(isQuiet("2026-03-02", null, "2026-03-16")).toBe(true);
    expect(daysSinceContact("2026-03-02", "2026-03-10", "2026-03-24")).toBe(14);
    expect(isQuiet("2026-03-02", "2026-03-10", "2026-03-23")).toBe(false);
    expect(isQuiet("2026-03-02", "2026-03-10", "2026-03-24")).toBe(true);
    // Across summer time: still calendar days.
    expect(daysSinceContact("2026-03-02", "2026-03-20", "2026-04-03")).toBe(14);
  });
});
