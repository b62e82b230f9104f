import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPostgres, type DatabaseHandle } from "#db/client.server";
import { courseBookings, courseSessions } from "#db/schema";
import { book, cancelBooking, type BookResult } from "~/modules/courses/booking.server";
import type { CourseDeps } from "~/modules/courses/context.server";
import { updateSession } from "~/modules/courses/manage.server";
import { createCourseWithSession, sessionSpec } from "../factories/courses";
import { buildUser, createUser } from "../factories/users";
import { actorOf } from "../factories/volunteers";
import { createTestContext } from "../helpers/context";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

const postgresUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;

/**
 * Many people at once on real PostgreSQL, through a pool of their own so the transactions truly overlap.
 * Every booking command locks the session row; these tests prove the counts and the order that follow.
 */
describe.runIf(postgresUrl)("course booking under concurrency (PostgreSQL)", () => {
  let database: TestDatabase;
  let pool: DatabaseHandle;
  let deps: CourseDeps;
  let coordinator: ReturnType<typeof actorOf>;
  let people: ReturnType<typeof actorOf>[];
  const now = new Date("2026-03-04T08:00:00Z");

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = openPostgres(database.url!, { max: 20 });
    const { jobs, env } = createTestContext(database.handle);
    deps = { db: pool.db, jobs, env };
    coordinator = actorOf(await createUser(database.db, { role: "coordinator" }));
    // 200 volunteers sharing one password hash: hashing 200 times would only slow the setup.
    const { passwordHash } = await buildUser();
    people = [];
    for (let i = 0; i < 200; i++) people.push(actorOf(await createUser(database.db, { role: "volunteer", passwordHash })));
  }, 120_000);
  afterAll(async () => {
    await pool?.close();
    await database?.close();
  });

  async function state(sessionId: string) {
    const [session] = await database.db.select().from(courseSessions).where(eq(courseSessions.id, sessionId));
    const bookings = await database.db.select().from(courseBookings).where(eq(courseBookings.sessionId, sessionId)).orderBy(asc(courseBookings.seq));
    const of = (status: string) => bookings.filter((booking) => booking.status === status);
    expect({ confirmed: session!.confirmedCount, offered: session!.offeredCount, waitlist: session!.waitlistCount }).toEqual({
      confirmed: of("confirmed").length,
      offered: of("offered").length,
      waitlist: of("waitlisted").length,
    });
    expect(session!.confirmedCount + session!.offeredCount).toBeLessThanOrEqual(session!.capacity);
    return { session: session!, bookings, of };
  }

  it(
    "200 parallel bookings for 20 seats: exactly 20 confirmed and 180 waitlisted in a consistent order, 20 times over",
    async () => {
      for (let round = 0; round < 20; round++) {
        const { sessionId } = await createCourseWithSession(database.db, coordinator, { now, session: { capacity: 20 } });
        const results = await Promise.all(people.map((person) => book(deps, person, sessionId, { now })));

        expect(results.every((result) => result.ok)).toBe(true);
        const ok = results as Extract<BookResult, { ok: true }>[];
        expect(ok.filter((result) => result.status === "confirmed")).toHaveLength(20);
        expect(ok.filter((result) => result.status === "waitlisted")).toHaveLength(180);
        // The positions handed out are exactly 1…180, each once.
        expect(ok.map((result) => result.position).filter((position) => position !== null).sort((a, b) => a! - b!)).toEqual(
          Array.from({ length: 180 }, (_, index) => index + 1),
        );

        const { bookings, of } = await state(sessionId);
        expect(bookings.map((booking) => booking.seq)).toEqual(Array.from({ length: 200 }, (_, index) => index + 1));
        // Whoever came first got a seat: the seats are numbers 1–20, the line 21–200 in the order it is served.
        expect(of("confirmed").map((booking) => booking.seq)).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
        const positionOf = new Map(ok.map((result) => [result.bookingId, result.position]));
        expect(of("waitlisted").map((booking) => positionOf.get(booking.id))).toEqual(Array.from({ length: 180 }, (_, index) => index + 1));
      }
    },
    300_000,
  );

  it("cancelling and booking at the same time: every freed seat goes to the line in order, none is lost or given twice", async () => {
    const { sessionId } = await createCourseWithSession(database.db, coordinator, { now, session: { capacity: 10 } });
    const first = await Promise.all(people.slice(0, 30).map((person) => book(deps, person, sessionId, { now })));
    const seats = first.slice(0, 30).filter((result): result is Extract<BookResult, { ok: true }> => result.ok && result.status === "confirmed");
    expect(seats).toHaveLength(10);
    const holders = people.slice(0, 30).filter((_, index) => first[index]!.ok && (first[index] as { status: string }).status === "confirmed");

    // Five seat holders cancel while forty newcomers book.
    const results = await Promise.all([
      ...holders.slice(0, 5).map((person, index) => cancelBooking(deps, person, seats[index]!.bookingId, { now })),
      ...people.slice(30, 70).map((person) => book(deps, person, sessionId, { now })),
    ]);
    expect(results.every((result) => result.ok)).toBe(true);

    const { session, of } = await state(sessionId);
    expect(session.confirmedCount).toBe(5);
    expect(session.offeredCount).toBe(5);
    expect(session.waitlistCount).toBe(20 - 5 + 40);
    // The five offers went to the five who had waited longest: the lowest numbers still in line.
    const offeredSeqs = of("offered").map((booking) => booking.seq);
    const waitingSeqs = of("waitlisted").map((booking) => booking.seq);
    expect(Math.max(...offeredSeqs)).toBeLessThan(Math.min(...waitingSeqs));
    expect(offeredSeqs.every((seq) => seq > 10 && seq <= 30)).toBe(true);
  });

  it("capacity lowered while people book: never below the seats taken, never more seats than the capacity", async () => {
    for (let round = 0; round < 5; round++) {
      const { sessionId } = await createCourseWithSession(database.db, coordinator, { now, session: { capacity: 30 } });
      const lower = updateSession(deps, coordinator, sessionId, sessionSpec(now, { capacity: 12 }), { now });
      const [change, ...bookings] = await Promise.all([lower, ...people.slice(0, 60).map((person) => book(deps, person, sessionId, { now }))]);
      expect(bookings.every((result) => result.ok)).toBe(true);
      const { session } = await state(sessionId);
      if (change.ok) {
        // The change came while 12 or fewer held seats: the session now has 12, all of them taken.
        expect(session.capacity).toBe(12);
        expect(session.confirmedCount).toBe(12);
      } else {
        // The change came too late and changed nothing.
        expect(change).toMatchObject({ reason: "capacity_below_booked" });
        expect(session.capacity).toBe(30);
        expect(session.confirmedCount).toBe(30);
      }
      expect(session.waitlistCount).toBe(60 - session.confirmedCount);
    }
  });
});
