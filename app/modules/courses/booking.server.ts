import { and, asc, count, eq, inArray, lte } from "drizzle-orm";
import type { Database } from "#db/client.server";
import { courseBookings, courseSessions, courses, volunteers, type BookingEndReason, type BookingStatus, type Course, type CourseBooking, type CourseSession } from "#db/schema";
import { audit, type AuditOrigin } from "~/modules/audit/audit.server";
import { can } from "~/modules/auth/permissions";
import { getSetting } from "~/modules/settings/settings.server";
import { originOf } from "~/modules/volunteers/context.server";
import { adjustCounts, bookingCalendar, lockBooking, lockSession, notifyUser, placeOf, sessionUrl, type Clock, type CourseDeps } from "./context.server";
import { activeBookingStatuses, type Actor, type Refusal } from "./types";

const hour = 60 * 60 * 1000;
/** An offer never holds a seat for less than this, however close the start. */
const shortestOffer = 15 * 60 * 1000;
const system: AuditOrigin = { actorId: null, requestId: "job:courses" };

export type BookRefusal = "forbidden" | "not_found" | "session_cancelled" | "started" | "not_open" | "closed" | "not_for_you" | "full";
export type BookResult = { ok: true; bookingId: string; status: "confirmed" | "waitlisted"; position: number | null; already: boolean } | Refusal<BookRefusal>;

/** Whether a person may book the course: its audience, or a course open to all (network meetings). */
async function inAudience(tx: Database, course: Course, userId: string) {
  if (course.openToAll || course.audience.length === 0) return true;
  const [volunteer] = await tx.select({ kind: volunteers.kind }).from(volunteers).where(eq(volunteers.userId, userId));
  return Boolean(volunteer && course.audience.includes(volunteer.kind));
}

/** The person's place in the line: how many waiting bookings come before theirs, plus one. */
export async function waitlistPosition(db: Database, sessionId: string, seq: number) {
  const [row] = await db
    .select({ value: count() })
    .from(courseBookings)
    .where(and(eq(courseBookings.sessionId, sessionId), eq(courseBookings.status, "waitlisted"), lte(courseBookings.seq, seq)));
  return Number(row?.value ?? 0);
}

function activeBookingOf(tx: Database, sessionId: string, userId: string) {
  return tx
    .select()
    .from(courseBookings)
    .where(and(eq(courseBookings.sessionId, sessionId), eq(courseBookings.userId, userId), inArray(courseBookings.status, [...activeBookingStatuses])))
    .then((rows) => rows[0] ?? null);
}

/**
 * Gives a person a seat, or a place in line, on a locked session: a free seat is confirmed at once (with the
 * calendar file), otherwise the waitlist takes them if the session has one. Numbers are handed out in lock
 * order, so the line is served in the order people came.
 */
async function place(deps: CourseDeps, tx: Database, session: CourseSession, course: Course, userId: string, now: Date) {
  const free = session.capacity - session.confirmedCount - session.offeredCount;
  if (free <= 0 && !session.waitlistEnabled) return null;
  const status = free > 0 ? ("confirmed" as const) : ("waitlisted" as const);
  const seq = session.lastSeq + 1;
  await tx.update(courseSessions).set({ lastSeq: seq }).where(eq(courseSessions.id, session.id));
  const [booking] = await tx
    .insert(courseBookings)
    .values({ sessionId: session.id, userId, status, seq, confirmedAt: status === "confirmed" ? now : null })
    .returning();
  await adjustCounts(tx, session.id, status === "confirmed" ? { confirmed: 1 } : { waitlist: 1 });
  const url = sessionUrl(deps.env, session.id);
  const when = { courseTitle: course.title, startsAt: session.startsAt.toISOString(), url };
  if (status === "confirmed") {
    await notifyUser(
      deps,
      tx,
      userId,
      "courseBooked",
      (user) => ({ name: user.name, ...when, endsAt: session.endsAt.toISOString(), place: placeOf(session) }),
      [bookingCalendar(deps.env, course, session, booking!)],
    );
    return { booking: booking!, position: null };
  }
  const position = session.waitlistCount + 1;
  await notifyUser(deps, tx, userId, "courseWaitlisted", (user) => ({ name: user.name, ...when, position }));
  return { booking: booking!, position };
}

/**
 * A volunteer books a session. Booking twice (a double-submitted form) returns the booking already there.
 * Refused when the session is cancelled, has started, is not open for booking yet or any more, is not for
 * the person, or is full without a waitlist.
 */
export async function book(deps: CourseDeps, actor: Actor, sessionId: string, clock: Clock = {}): Promise<BookResult> {
  if (!can(actor.role, "create:booking:own")) return { ok: false, reason: "forbidden" };
  const now = clock.now ?? new Date();
  return deps.db.transaction(async (tx): Promise<BookResult> => {
    const locked = await lockSession(tx, sessionId);
    if (!locked) return { ok: false, reason: "not_found" };
    const { session, course } = locked;
    const existing = await activeBookingOf(tx, session.id, actor.id);
    if (existing) {
      const position = existing.status === "waitlisted" ? await waitlistPosition(tx, session.id, existing.seq) : null;
      return { ok: true, bookingId: existing.id, status: existing.status === "waitlisted" ? "waitlisted" : "confirmed", position, already: true };
    }
    if (session.status === "cancelled") return { ok: false, reason: "session_cancelled" };
    if (now >= session.startsAt) return { ok: false, reason: "started" };
    if (session.bookingOpensAt && now < session.bookingOpensAt) return { ok: false, reason: "not_open" };
    if (session.bookingClosesAt && now >= session.bookingClosesAt) return { ok: false, reason: "closed" };
    if (course.archivedAt || !(await inAudience(tx, course, actor.id))) return { ok: false, reason: "not_for_you" };

    const placed = await place(deps, tx, session, course, actor.id, now);
    if (!placed) return { ok: false, reason: "full" };
    await audit(tx, originOf(actor), {
      action: "course.booked",
      subjectType: "course_booking",
      subjectId: placed.booking.id,
      details: { sessionId: session.id, status: placed.booking.status },
    });
    return { ok: true, bookingId: placed.booking.id, status: placed.booking.status as "confirmed" | "waitlisted", position: placed.position, already: false };
  });
}

/** The last moment a participant may cancel their own seat. */
export function cancellationDeadline(session: Pick<CourseSession, "startsAt" | "cancellationHours">) {
  return new Date(session.startsAt.getTime() - session.cancellationHours * hour);
}

/**
 * Ends an active booking on a locked session and keeps the counters; a freed seat goes to the line. The
 * person is told, with a calendar cancellation when they had a seat.
 */
async function endBooking(
  deps: CourseDeps,
  tx: Database,
  locked: { session: CourseSession; course: Course; booking: CourseBooking },
  reason: BookingEndReason,
  endedBy: string | null,
  now: Date,
) {
  const { session, course, booking } = locked;
  const status = reason === "offer_expired" ? ("expired" as const) : ("cancelled" as const);
  await tx
    .update(courseBookings)
    .set({ status, endedAt: now, endReason: reason, endedBy, offerExpiresAt: null, updatedAt: now })
    .where(eq(courseBookings.id, booking.id));
  const key = booking.status === "confirmed" ? "confirmed" : booking.status === "offered" ? "offered" : "waitlist";
  await adjustCounts(tx, session.id, { [key]: -1 });

  const url = sessionUrl(deps.env, session.id);
  const startsAt = session.startsAt.toISOString();
  if (reason === "offer_expired") {
    await notifyUser(deps, tx, booking.userId, "courseOfferExpired", (user) => ({ name: user.name, courseTitle: course.title, startsAt, url }));
  } else if (reason === "by_you" || reason === "by_coordinator" || reason === "session_cancelled") {
    const calendar = booking.status === "confirmed" ? [bookingCalendar(deps.env, course, session, booking, true)] : undefined;
    await notifyUser(deps, tx, booking.userId, "courseCancelled", (user) => ({ name: user.name, courseTitle: course.title, startsAt, reason, url }), calendar);
  }
  if (booking.status !== "waitlisted" && reason !== "session_cancelled") await offerFreeSeats(deps, tx, session.id, now);
}

/**
 * Offers every free seat of a locked session to the next people in line, each held for the offer time (at
 * most the setting, at most half the time left before the start, so that an unanswered offer can still pass
 * on). No offers once the session has started. Each offer's expiry is a job queued in the same transaction.
 */
export async function offerFreeSeats(deps: CourseDeps, tx: Database, sessionId: string, now: Date) {
  const [session] = await tx.select().from(courseSessions).where(eq(courseSessions.id, sessionId));
  if (!session || session.status !== "scheduled" || now >= session.startsAt) return;
  const free = session.capacity - session.confirmedCount - session.offeredCount;
  if (free <= 0 || session.waitlistCount === 0) return;
  const next = await tx
    .select()
    .from(courseBookings)
    .where(and(eq(courseBookings.sessionId, session.id), eq(courseBookings.status, "waitlisted")))
    .orderBy(asc(courseBookings.seq))
    .limit(free);
  if (next.length === 0) return;

  const holdHours = await getSetting(tx, "course_offer_hours");
  const hold = Math.max(Math.min(holdHours * hour, (session.startsAt.getTime() - now.getTime()) / 2), shortestOffer);
  const expiresAt = new Date(Math.min(now.getTime() + hold, session.startsAt.getTime()));
  for (const booking of next) {
    await tx
      .update(courseBookings)
      .set({ status: "offered", offeredAt: now, offerExpiresAt: expiresAt, updatedAt: now })
      .where(eq(courseBookings.id, booking.id));
    await deps.jobs.send(tx, "courses", { type: "offer_expiry", bookingId: booking.id }, { startAfter: expiresAt, singletonKey: `offer:${booking.id}:${expiresAt.toISOString()}` });
    await audit(tx, system, { action: "course.offered", subjectType: "course_booking", subjectId: booking.id, details: { sessionId: session.id, expiresAt } });
  }
  await adjustCounts(tx, session.id, { waitlist: -next.length, offered: next.length });
  const title = await courseTitle(tx, session.courseId);
  for (const booking of next) {
    await notifyUser(deps, tx, booking.userId, "courseOffered", (user) => ({
      name: user.name,
      courseTitle: title,
      startsAt: session.startsAt.toISOString(),
      expiresAt: expiresAt.toISOString(),
      url: sessionUrl(deps.env, session.id),
    }));
  }
}

async function courseTitle(tx: Database, courseId: string) {
  const [course] = await tx.select({ title: courses.title }).from(courses).where(eq(courses.id, courseId));
  return course?.title ?? "";
}

export type CancelRefusal = "forbidden" | "not_found" | "illegal_state" | "after_deadline";

/**
 * The participant cancels: a seat until the cancellation deadline (after it the page says whom to call), a
 * place in line or an offer at any time. The seat passes on to the line.
 */
export function cancelBooking(deps: CourseDeps, actor: Actor, bookingId: string, clock: Clock = {}) {
  return endOwnBooking(deps, actor, bookingId, activeBookingStatuses, clock);
}

/**
 * The person turns down the seat offered to them. Only an open offer: if it was accepted meanwhile (another
 * tab, the emailed link), declining must not cancel the seat that became theirs.
 */
export function declineOffer(deps: CourseDeps, actor: Actor, bookingId: string, clock: Clock = {}) {
  return endOwnBooking(deps, actor, bookingId, ["offered"], clock);
}

async function endOwnBooking(
  deps: CourseDeps,
  actor: Actor,
  bookingId: string,
  from: readonly BookingStatus[],
  clock: Clock,
): Promise<{ ok: true } | Refusal<CancelRefusal>> {
  if (!can(actor.role, "update:booking:own")) return { ok: false, reason: "forbidden" };
  const now = clock.now ?? new Date();
  return deps.db.transaction(async (tx): Promise<{ ok: true } | Refusal<CancelRefusal>> => {
    const locked = await lockBooking(tx, bookingId);
    if (!locked || locked.booking.userId !== actor.id) return { ok: false, reason: "not_found" };
    const { booking, session } = locked;
    if (!from.includes(booking.status)) return { ok: false, reason: "illegal_state" };
    if (booking.status === "confirmed" && now > cancellationDeadline(session)) return { ok: false, reason: "after_deadline" };
    const reason = booking.status === "offered" ? "offer_declined" : "by_you";
    await endBooking(deps, tx, locked, reason, actor.id, now);
    await audit(tx, originOf(actor), { action: "course.cancelled", subjectType: "course_booking", subjectId: booking.id, details: { from: booking.status, reason } });
    return { ok: true };
  });
}

export type AcceptRefusal = "forbidden" | "not_found" | "illegal_state" | "offer_expired";

/** The person accepts the seat held for them, while the offer lasts. */
export async function acceptOffer(deps: CourseDeps, actor: Actor, bookingId: string, clock: Clock = {}): Promise<{ ok: true } | Refusal<AcceptRefusal>> {
  if (!can(actor.role, "update:booking:own")) return { ok: false, reason: "forbidden" };
  const now = clock.now ?? new Date();
  return deps.db.transaction(async (tx): Promise<{ ok: true } | Refusal<AcceptRefusal>> => {
    const locked = await lockBooking(tx, bookingId);
    if (!locked || locked.booking.userId !== actor.id) return { ok: false, reason: "not_found" };
    const { booking, session, course } = locked;
    if (booking.status !== "offered") return { ok: false, reason: "illegal_state" };
    // The expiry job may not have run yet: an offer past its time is not accepted, whatever the row says.
    if (!booking.offerExpiresAt || now >= booking.offerExpiresAt || now >= session.startsAt) return { ok: false, reason: "offer_expired" };
    await tx
      .update(courseBookings)
      .set({ status: "confirmed", confirmedAt: now, offerExpiresAt: null, updatedAt: now })
      .where(eq(courseBookings.id, booking.id));
    await adjustCounts(tx, session.id, { offered: -1, confirmed: 1 });
    await notifyUser(
      deps,
      tx,
      booking.userId,
      "courseBooked",
      (user) => ({
        name: user.name,
        courseTitle: course.title,
        startsAt: session.startsAt.toISOString(),
        endsAt: session.endsAt.toISOString(),
        place: placeOf(session),
        url: sessionUrl(deps.env, session.id),
      }),
      [bookingCalendar(deps.env, course, session, booking)],
    );
    await audit(tx, originOf(actor), { action: "course.offer_accepted", subjectType: "course_booking", subjectId: booking.id, details: { sessionId: session.id } });
    return { ok: true };
  });
}

/**
 * The offer job, at the offer's expiry: an offer still open and past its time expires, the person is told,
 * and the seat passes to the next in line. Running it twice, or for an offer already answered, does nothing.
 */
export async function expireOffer(deps: CourseDeps, bookingId: string, clock: Clock = {}) {
  const now = clock.now ?? new Date();
  return deps.db.transaction(async (tx) => {
    const locked = await lockBooking(tx, bookingId);
    if (!locked || locked.booking.status !== "offered" || !locked.booking.offerExpiresAt || locked.booking.offerExpiresAt > now) return false;
    await endBooking(deps, tx, locked, "offer_expired", null, now);
    await audit(tx, system, { action: "course.offer_expired", subjectType: "course_booking", subjectId: bookingId, details: { sessionId: locked.session.id } });
    return true;
  });
}

/** Ends a booking on a coordinator's word, at any time; exported for the coordinator's commands. */
export function endBookingAs(deps: CourseDeps, tx: Database, locked: { session: CourseSession; course: Course; booking: CourseBooking }, reason: BookingEndReason, actor: Actor, now: Date) {
  return endBooking(deps, tx, locked, reason, actor.id, now);
}

export { place as placeBooking };
