import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "#db/client.server";
import { auditEvents, courseBookings, courseSessions, trainingCredits, vettingChecks } from "#db/schema";
import { acceptOffer, book, cancelBooking, expireOffer } from "~/modules/courses/booking.server";
import type { CourseDeps } from "~/modules/courses/context.server";
import { listMyBookings, listParticipants } from "~/modules/courses/catalogue.server";
import { cancelSession, createCourse, markAttendance, moveBooking, removeBooking, updateSession } from "~/modules/courses/manage.server";
import { expireLapsedOffers, runCourseReminders } from "~/modules/courses/reminders.server";
import { setSetting } from "~/modules/settings/settings.server";
import { generateEncryptionKey } from "~/modules/crypto/encryption.server";
import { getPolicy, updatePolicy } from "~/modules/volunteers/policy.server";
import { getVolunteerForCoordinator } from "~/modules/volunteers/record.server";
import { waiveCheck } from "~/modules/volunteers/vetting.server";
import { courseSpec, createCourseWithSession, sessionSpec } from "../factories/courses";
import { createUser } from "../factories/users";
import { actorOf, createSubmittedVolunteer } from "../factories/volunteers";
import { createTestContext } from "../helpers/context";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

let database: TestDatabase;
let deps: CourseDeps;
let coordinator: ReturnType<typeof actorOf>;
const hour = 60 * 60 * 1000;
/** The tests' clock: a fixed Wednesday morning in Copenhagen, moved forward by hand. */
const now = new Date("2026-03-04T08:00:00Z");
const at = (hours: number) => new Date(now.getTime() + hours * hour);

beforeAll(async () => {
  database = await createTestDatabase();
  const { jobs, env } = createTestContext(database.handle);
  deps = { db: database.db, jobs, env };
  coordinator = actorOf(await createUser(database.db, { role: "coordinator" }));
});
afterAll(() => database.close());

async function volunteer() {
  return actorOf(await createUser(database.db, { role: "volunteer" }));
}

async function session(sessionId: string) {
  const [row] = await database.db.select().from(courseSessions).where(eq(courseSessions.id, sessionId));
  return row!;
}

async function booking(bookingId: string) {
  const [row] = await database.db.select().from(courseBookings).where(eq(courseBookings.id, bookingId));
  return row!;
}

/** Queued jobs of a queue whose data matches, newest last. */
async function jobs<T>(queue: string, match: string) {
  const rows = rowsOf<{ data: T; start_after: Date }>(
    await database.db.execute(sql`select data, start_after from pgboss.job where name = ${queue} and data::text like ${`%${match}%`} order by created_on, id`),
  );
  return rows;
}

type EmailData = { to: string; template: string; props: Record<string, unknown>; attachments?: { filename: string; contentType: string; content: string }[] };

async function emailsTo(email: string) {
  return (await jobs<EmailData>("email", email)).map((row) => row.data);
}

async function userEmail(actor: { id: string }) {
  const rows = rowsOf<{ email: string }>(await database.db.execute(sql`select email from users where id = ${actor.id}`));
  return rows[0]!.email;
}

/** The session's counters agree with its bookings, and never pass the capacity. */
async function expectConsistent(sessionId: string) {
  const row = await session(sessionId);
  const bookings = await database.db.select().from(courseBookings).where(eq(courseBookings.sessionId, sessionId));
  const countOf = (status: string) => bookings.filter((b) => b.status === status).length;
  expect({ confirmed: row.confirmedCount, offered: row.offeredCount, waitlist: row.waitlistCount }).toEqual({
    confirmed: countOf("confirmed"),
    offered: countOf("offered"),
    waitlist: countOf("waitlisted"),
  });
  expect(row.confirmedCount + row.offeredCount).toBeLessThanOrEqual(row.capacity);
  return { row, bookings };
}

describe("booking", () => {
  it("confirms a free seat with the calendar file, and a second submit returns the same booking", async () => {
    const { sessionId } = await createCourseWithSession(database.db, coordinator, { now });
    const person = await volunteer();
    const first = await book(deps, person, sessionId, { now });
    expect(first).toMatchObject({ ok: true, status: "confirmed", position: null, already: false });
    const again = await book(deps, person, sessionId, { now });
    expect(again).toMatchObject({ ok: true, already: true, status: "confirmed" });
    expect(again.ok && first.ok && again.bookingId === first.bookingId).toBe(true);
    await expectConsistent(sessionId);

    const [email] = await emailsTo(await userEmail(person));
    expect(email?.template).toBe("courseBooked");
    expect(email?.attachments?.[0]).toMatchObject({ filename: "kursus.ics", contentType: expect.stringContaining("text/calendar") });
    expect(email?.attachments?.[0]?.content).toContain("DTSTART:20260311T080000Z");
    expect(email?.attachments?.[0]?.content).toContain("Introduktion til mentorrollen");
  });

  it("puts people on the waitlist in order when the session is full, and refuses when it has no waitlist", async () => {
    const { sessionId } = await createCourseWithSession(database.db, coordinator, { now, session: { capacity: 1 } });
    await book(deps, await volunteer(), sessionId, { now });
    const second = await volunteer();
    const third = await volunteer();
    expect(await book(deps, second, sessionId, { now })).toMatchObject({ ok: true, status: "waitlisted", position: 1 });
    expect(await book(deps, third, sessionId, { now })).toMatchObject({ ok: true, status: "waitlisted", position: 2 });
    const [email] = await emailsTo(await userEmail(third));
    expect(email).toMatchObject({ template: "courseWaitlisted", props: { position: 2 } });
    await expectConsistent(sessionId);

    const closed = await createCourseWithSession(database.db, coordinator, { now, session: { capacity: 1, waitlistEnabled: false } });
    await book(deps, await volunteer(), closed.sessionId, { now });
    expect(await book(deps, await volunteer(), closed.sessionId, { now })).toEqual({ ok: false, reason: "full" });
  });

  it("refuses a session that is cancelled, started, not open yet, closed, or not for the person", async () => {
    const person = await volunteer();
    const opensLater = await createCourseWithSession(database.db, coordinator, { now, session: { bookingOpensAt: at(24) } });
    expect(await book(deps, person, opensLater.sessionId, { now })).toEqual({ ok: false, reason: "not_open" });
    expect(await book(deps, person, opensLater.sessionId, { now: at(25) })).toMatchObject({ ok: true });

    const closesSoon = await createCourseWithSession(database.db, coordinator, { now, session: { bookingClosesAt: at(1) } });
    expect(await book(deps, person, closesSoon.sessionId, { now: at(2) })).toEqual({ ok: false, reason: "closed" });

    const soon = await createCourseWithSession(database.db, coordinator, { now, session: { startsInHours: 2 } });
    expect(await book(deps, person, soon.sessionId, { now: at(3) })).toEqual({ ok: false, reason: "started" });

    const cancelled = await createCourseWithSession(database.db, coordinator, { now });
    await cancelSession(deps, coordinator, cancelled.sessionId, { now });
    expect(await book(deps, person, cancelled.sessionId, { now })).toEqual({ ok: false, reason: "session_cancelled" });

    // A course for company mentors only: a business mentor may not book, unless the course is open to all.
    const companyOnly = await createCourseWithSession(database.db, coordinator, { now, course: { audience: ["company"] } });
    const business = await createSubmittedVolunteer({ ...deps, key: generateEncryptionKey() }, { kind: "business" });
    expect(await book(deps, business.actor, companyOnly.sessionId, { now })).toEqual({ ok: false, reason: "not_for_you" });
    const network = await createCourseWithSession(database.db, coordinator, { now, course: { kind: "network_meeting", audience: ["company"], openToAll: true } });
    expect(await book(deps, business.actor, network.sessionId, { now })).toMatchObject({ ok: true, status: "confirmed" });

    expect(await book(deps, coordinator, network.sessionId, { now })).toEqual({ ok: false, reason: "forbidden" });
    expect(await book(deps, person, "not-a-uuid", { now })).toEqual({ ok: false, reason: "not_found" });
  });
});

describe("cancelling and the waitlist offers", () => {
  it("a seat given up before the deadline is offered to the first in line, held for the setting's hours", async () => {
    const { sessionId } = await createCourseWithSession(database.db, coordinator, { now, session: { capacity: 1 } });
    const holder = await volunteer();
    const first = await volunteer();
    const second = await volunteer();
    const seat = await book(deps, holder, sessionId, { now });
    const waiting = await book(deps, first, sessionId, { now });
    await book(deps, second, sessionId, { now });
    if (!seat.ok || !waiting.ok) throw new Error("setup");

    expect(await cancelBooking(deps, first, seat.bookingId, { now })).toEqual({ ok: false, reason: "not_found" });
    expect(await cancelBooking(deps, holder, seat.bookingId, { now: at(1) })).toEqual({ ok: true });
    const offered = await booking(waiting.bookingId);
    expect(offered).toMatchObject({ status: "offered", offerExpiresAt: at(1 + 24) });
    const [offerJob] = await jobs<{ type: string; bookingId: string }>("courses", waiting.bookingId);
    expect(offerJob?.data).toEqual({ type: "offer_expiry", bookingId: waiting.bookingId });
    expect(new Date(offerJob!.start_after).getTime()).toBe(at(25).getTime());
    const emails = await emailsTo(await userEmail(first));
    expect(emails.map((email) => email.template)).toEqual(["courseWaitlisted", "courseOffered"]);
    const cancelled = await emailsTo(await userEmail(holder));
    expect(cancelled.at(-1)).toMatchObject({ template: "courseCancelled", props: { reason: "by_you" } });
    expect(cancelled.at(-1)?.attachments?.[0]?.content).toContain("STATUS:CANCELLED");
    await expectConsistent(sessionId);

    // Accepting within the offer gives the seat; the second person keeps waiting, now first in line.
    expect(await acceptOffer(deps, first, waiting.bookingId, { now: at(2) })).toEqual({ ok: true });
    expect((await booking(waiting.bookingId)).status).toBe("confirmed");
    const { row } = await expectConsistent(sessionId);
    expect(row).toMatchObject({ confirmedCount: 1, offeredCount: 0, waitlistCount: 1 });
  });

  it("an unanswered offer expires at its time and passes to the next person; no offers once the session has started", async () => {
    const { sessionId } = await createCourseWithSession(database.db, coordinator, { now, session: { capacity: 1 } });
    const [holder, first, second] = [await volunteer(), await volunteer(), await volunteer()];
    const seat = await book(deps, holder, sessionId, { now });
    const a = await book(deps, first, sessionId, { now });
    const b = await book(deps, second, sessionId, { now });
    if (!seat.ok || !a.ok || !b.ok) throw new Error("setup");
    await cancelBooking(deps, holder, seat.bookingId, { now });

    // The job runs early (or twice): nothing happens before the offer's time.
    expect(await expireOffer(deps, a.bookingId, { now: at(23) })).toBe(false);
    expect(await acceptOffer(deps, first, a.bookingId, { now: at(24) })).toEqual({ ok: false, reason: "offer_expired" });
    expect(await expireOffer(deps, a.bookingId, { now: at(24) })).toBe(true);
    expect(await expireOffer(deps, a.bookingId, { now: at(24) })).toBe(false);
    expect(await booking(a.bookingId)).toMatchObject({ status: "expired", endReason: "offer_expired" });
    expect((await emailsTo(await userEmail(first))).at(-1)?.template).toBe("courseOfferExpired");
    // The second person's offer is shorter: at most half the time left before the start (7 days − 24 h).
    expect(await booking(b.bookingId)).toMatchObject({ status: "offered", offerExpiresAt: at(48) });
    await expectConsistent(sessionId);

    // Declining passes the seat on too; after the start nobody is offered anything.
    const late = await volunteer();
    const c = await book(deps, late, sessionId, { now: at(30) });
    if (!c.ok) throw new Error("setup");
    expect(c.status).toBe("waitlisted");
    expect(await cancelBooking(deps, second, b.bookingId, { now: at(7 * 24 + 1) })).toEqual({ ok: true });
    expect(await booking(b.bookingId)).toMatchObject({ status: "cancelled", endReason: "offer_declined" });
    expect((await booking(c.bookingId)).status).toBe("waitlisted");
    await expectConsistent(sessionId);
  });

  it("holds an offer for less time close to the start, never below a quarter of an hour", async () => {
    await setSetting(database.db, actorOf(await createUser(database.db, { role: "admin" })), "course_offer_hours", 12);
    const { sessionId } = await createCourseWithSession(database.db, coordinator, { now, session: { capacity: 1, startsInHours: 10, cancellationHours: 0 } });
    const [holder, next] = [await volunteer(), await volunteer()];
    const seat = await book(deps, holder, sessionId, { now });
    const waiting = await book(deps, next, sessionId, { now });
    if (!seat.ok || !waiting.ok) throw new Error("setup");
    await cancelBooking(deps, holder, seat.bookingId, { now });
    // 10 hours left: the offer holds for 5, not the setting's 12.
    expect((await booking(waiting.bookingId)).offerExpiresAt).toEqual(at(5));
    await setSetting(database.db, actorOf(await createUser(database.db, { role: "admin" })), "course_offer_hours", 24);
  });

  it("refuses to cancel a seat after the deadline, but a place in line can always be given up", async () => {
    const { sessionId } = await createCourseWithSession(database.db, coordinator, { now, session: { capacity: 1, startsInHours: 48, cancellationHours: 24 } });
    const [holder, waiting] = [await volunteer(), await volunteer()];
    const seat = await book(deps, holder, sessionId, { now });
    const line = await book(deps, waiting, sessionId, { now });
    if (!seat.ok || !line.ok) throw new Error("setup");
    expect(await cancelBooking(deps, holder, seat.bookingId, { now: at(25) })).toEqual({ ok: false, reason: "after_deadline" });
    expect((await booking(seat.bookingId)).status).toBe("confirmed");
    expect(await cancelBooking(deps, waiting, line.bookingId, { now: at(47) })).toEqual({ ok: true });
    expect(await cancelBooking(deps, waiting, line.bookingId, { now: at(47) })).toEqual({ ok: false, reason: "illegal_state" });
    // A coordinator may still take the seat back after the deadline.
    expect(await removeBooking(deps, coordinator, seat.bookingId, { now: at(30) })).toEqual({ ok: true });
    expect((await emailsTo(await userEmail(holder))).at(-1)).toMatchObject({ template: "courseCancelled", props: { reason: "by_coordinator" } });
    await expectConsistent(sessionId);
  });

  it("the job's safety net expires offers whose own job was lost", async () => {
    const { sessionId } = await createCourseWithSession(database.db, coordinator, { now, session: { capacity: 1 } });
    const [holder, waiting] = [await volunteer(), await volunteer()];
    const seat = await book(deps, holder, sessionId, { now });
    const line = await book(deps, waiting, sessionId, { now });
    if (!seat.ok || !line.ok) throw new Error("setup");
    await cancelBooking(deps, holder, seat.bookingId, { now });
    await expireLapsedOffers(deps, at(12));
    expect((await booking(line.bookingId)).status).toBe("offered");
    expect(await expireLapsedOffers(deps, at(25))).toBeGreaterThanOrEqual(1);
    expect((await booking(line.bookingId)).status).toBe("expired");
  });
});

describe("the coordinator's commands", () => {
  it("changes capacity: never below the seats taken, and new seats go to the line", async () => {
    const { sessionId } = await createCourseWithSession(database.db, coordinator, { now, session: { capacity: 2 } });
    const people = [await volunteer(), await volunteer(), await volunteer()];
    for (const person of people) await book(deps, person, sessionId, { now });
    expect(await updateSession(deps, coordinator, sessionId, sessionSpec(now, { capacity: 1 }), { now })).toEqual({
      ok: false,
      reason: "capacity_below_booked",
      booked: 2,
    });
    expect(await updateSession(deps, coordinator, sessionId, sessionSpec(now, { capacity: 3 }), { now })).toEqual({ ok: true });
    const { row, bookings } = await expectConsistent(sessionId);
    expect(row).toMatchObject({ capacity: 3, confirmedCount: 2, offeredCount: 1, waitlistCount: 0 });
    expect(bookings.find((b) => b.status === "offered")?.userId).toBe(people[2]!.id);
    expect(await updateSession(deps, people[0]!, sessionId, sessionSpec(now, { capacity: 9 }), { now })).toEqual({ ok: false, reason: "forbidden" });
    expect(await updateSession(deps, coordinator, sessionId, { ...sessionSpec(now), capacity: 0 }, { now })).toEqual({ ok: false, reason: "invalid" });
  });

  it("cancels a session: every booking ends and every participant is told", async () => {
    const { sessionId } = await createCourseWithSession(database.db, coordinator, { now, session: { capacity: 1 } });
    const [a, b] = [await volunteer(), await volunteer()];
    await book(deps, a, sessionId, { now });
    await book(deps, b, sessionId, { now });
    expect(await cancelSession(deps, coordinator, sessionId, { now })).toEqual({ ok: true, told: 2 });
    expect(await cancelSession(deps, coordinator, sessionId, { now })).toEqual({ ok: false, reason: "illegal_state" });
    const { row, bookings } = await expectConsistent(sessionId);
    expect(row.status).toBe("cancelled");
    expect(bookings.every((entry) => entry.status === "cancelled" && entry.endReason === "session_cancelled")).toBe(true);
    for (const person of [a, b]) {
      expect((await emailsTo(await userEmail(person))).at(-1)).toMatchObject({ template: "courseCancelled", props: { reason: "session_cancelled" } });
    }
  });

  it("moves a participant to another session of the same course, and the seat left behind goes to the line", async () => {
    const first = await createCourseWithSession(database.db, coordinator, { now, session: { capacity: 1 } });
    const { createSession } = await import("~/modules/courses/manage.server");
    const second = await createSession(database.db, coordinator, first.courseId, sessionSpec(now, { startsInHours: 14 * 24 }));
    const other = await createCourseWithSession(database.db, coordinator, { now, course: { title: "Netværksmøde" } });
    if (!second.ok) throw new Error("setup");
    const [mover, waiting] = [await volunteer(), await volunteer()];
    const seat = await book(deps, mover, first.sessionId, { now });
    const line = await book(deps, waiting, first.sessionId, { now });
    if (!seat.ok || !line.ok) throw new Error("setup");

    expect(await moveBooking(deps, coordinator, seat.bookingId, other.sessionId, { now })).toEqual({ ok: false, reason: "other_course" });
    expect(await moveBooking(deps, coordinator, seat.bookingId, first.sessionId, { now })).toEqual({ ok: false, reason: "same_session" });
    const moved = await moveBooking(deps, coordinator, seat.bookingId, second.sessionId, { now });
    expect(moved).toMatchObject({ ok: true, status: "confirmed" });
    expect(await booking(seat.bookingId)).toMatchObject({ status: "cancelled", endReason: "moved" });
    expect((await booking(line.bookingId)).status).toBe("offered");
    await expectConsistent(first.sessionId);
    await expectConsistent(second.sessionId);

    const list = await listParticipants(database.db, coordinator, second.sessionId);
    expect(list?.participants.map((p) => p.userId)).toEqual([mover.id]);
    expect(await listParticipants(database.db, mover, second.sessionId)).toBeNull();
  });
});

describe("attendance and training", () => {
  it("credits the hours once, ticks the vetting step when every required course is attended, and a correction takes it back", async () => {
    const volunteerDeps = { ...deps, key: generateEncryptionKey() };
    const applicant = await createSubmittedVolunteer(volunteerDeps);
    const intro = await createCourseWithSession(database.db, coordinator, { now, course: { title: "Intro", trainingMinutes: 180, requiredBeforeMatching: true } });
    const extra = await createCourse(database.db, coordinator, courseSpec({ title: "Netværk", kind: "network_meeting", requiredBeforeMatching: false, trainingMinutes: 90 }));
    if (!extra.ok) throw new Error("setup");
    const seat = await book(deps, applicant.actor, intro.sessionId, { now });
    if (!seat.ok) throw new Error("setup");

    // The business policy requires both courses: attending one leaves the step open.
    const admin = actorOf(await createUser(database.db, { role: "admin" }));
    const requireCourses = async (courseIds: string[]) =>
      updatePolicy(database.db, admin, "business", { ...(await getPolicy(database.db, "business")), requiredCourseIds: courseIds });
    await requireCourses([intro.courseId, extra.courseId]);
    // The check-in list opens two hours before the start (the session starts at 7 × 24 h).
    expect(await markAttendance(deps, coordinator, seat.bookingId, "attended", { now: at(7 * 24 - 2.5) })).toEqual({ ok: false, reason: "not_started" });
    const during = at(7 * 24 - 1);
    expect(await markAttendance(deps, applicant.actor, seat.bookingId, "attended", { now: during })).toEqual({ ok: false, reason: "forbidden" });
    expect(await markAttendance(deps, coordinator, seat.bookingId, "attended", { now: during })).toEqual({ ok: true });
    expect(await markAttendance(deps, coordinator, seat.bookingId, "attended", { now: during })).toEqual({ ok: true });
    const credits = await database.db.select().from(trainingCredits).where(eq(trainingCredits.userId, applicant.user.id));
    expect(credits.map((credit) => credit.minutes)).toEqual([180]);

    const training = async () => {
      const [row] = await database.db
        .select()
        .from(vettingChecks)
        .where(and(eq(vettingChecks.volunteerId, applicant.volunteerId), eq(vettingChecks.step, "training")));
      return row!;
    };
    expect((await training()).state).toBe("pending");
    // With the intro as the one required course, the attendance ticks the step.
    await requireCourses([intro.courseId]);
    expect(await markAttendance(deps, coordinator, seat.bookingId, "attended", { now: during })).toEqual({ ok: true });
    expect(await training()).toMatchObject({ state: "passed", doneBy: coordinator.id, details: { attendedCourseIds: [intro.courseId] } });
    // The coordinator's page of the volunteer shows the booking and the hours.
    const record = await getVolunteerForCoordinator(volunteerDeps, coordinator, applicant.volunteerId);
    expect(record?.courses).toMatchObject({ trainingMinutes: 180, bookings: [{ title: "Intro", status: "confirmed", attendance: "attended" }] });
    const mine = await listMyBookings(database.db, applicant.actor, { now: at(8 * 24) });
    expect(mine?.trainingMinutes).toBe(180);
    expect(mine?.past.map((row) => row.attendance)).toEqual(["attended"]);

    expect(await markAttendance(deps, coordinator, seat.bookingId, "no_show", { now: during })).toEqual({ ok: true });
    expect(await database.db.select().from(trainingCredits).where(eq(trainingCredits.userId, applicant.user.id))).toEqual([]);
    expect((await training()).state).toBe("pending");
    const events = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "course.attendance_marked"), eq(auditEvents.subjectId, seat.bookingId)));
    expect(events).toHaveLength(4);
  });

  it("leaves a waived training step alone", async () => {
    const volunteerDeps = { ...deps, key: generateEncryptionKey() };
    const applicant = await createSubmittedVolunteer(volunteerDeps);
    await waiveCheck(volunteerDeps, coordinator, applicant.volunteerId, { step: "training", reason: "Har taget kurset i Vejle" });
    const intro = await createCourseWithSession(database.db, coordinator, { now });
    const seat = await book(deps, applicant.actor, intro.sessionId, { now });
    if (!seat.ok) throw new Error("setup");
    await markAttendance(deps, coordinator, seat.bookingId, "no_show", { now: at(7 * 24 + 1) });
    const [row] = await database.db
      .select()
      .from(vettingChecks)
      .where(and(eq(vettingChecks.volunteerId, applicant.volunteerId), eq(vettingChecks.step, "training")));
    expect(row?.state).toBe("waived");
  });
});

describe("reminders", () => {
  it("reminds N days before and on the morning of the day, each once", async () => {
    // A session on Friday 6 March at 17:00 Copenhagen (16:00 UTC); the setting is two days.
    const { sessionId } = await createCourseWithSession(database.db, coordinator, { now, session: { startsInHours: 56 } });
    const person = await volunteer();
    await book(deps, person, sessionId, { now });
    const reminders = async () => (await emailsTo(await userEmail(person))).filter((email) => email.template === "courseReminder");

    await runCourseReminders(deps, now);
    expect(await reminders()).toHaveLength(1);
    expect((await reminders())[0]?.props).toMatchObject({ when: "soon" });
    await runCourseReminders(deps, at(1));
    expect(await reminders()).toHaveLength(1);

    // Friday 05:00 UTC is 06:00 in Copenhagen: too early for the morning reminder; 07:00 is the time.
    await runCourseReminders(deps, new Date("2026-03-06T05:00:00Z"));
    expect(await reminders()).toHaveLength(1);
    await runCourseReminders(deps, new Date("2026-03-06T06:00:00Z"));
    await runCourseReminders(deps, new Date("2026-03-06T06:15:00Z"));
    const sent = await reminders();
    expect(sent.map((email) => email.props.when)).toEqual(["soon", "today"]);
    expect(await database.db.select().from(courseBookings).where(eq(courseBookings.sessionId, sessionId))).toHaveLength(1);
  });
});
