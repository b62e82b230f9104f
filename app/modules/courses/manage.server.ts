import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Database } from "#db/client.server";
import { courseBookings, courseSessions, courses, trainingCredits } from "#db/schema";
import { audit } from "~/modules/audit/audit.server";
import { can, type Permission } from "~/modules/auth/permissions";
import { originOf } from "~/modules/volunteers/context.server";
import { endBookingAs, offerFreeSeats, placeBooking } from "./booking.server";
import { lockBooking, lockSession, type Clock, type CourseDeps } from "./context.server";
import { courseInput, sessionInput, type CourseInput, type SessionInput } from "./schemas";
import { syncTraining } from "./training.server";
import { activeBookingStatuses, type Actor, type Attendance, type Result } from "./types";

type Common = "forbidden" | "not_found" | "invalid";

function allowed(actor: Actor, permission: Permission = "update:course:any") {
  return can(actor.role, permission);
}

function courseAudit(tx: Database, actor: Actor, action: string, subjectType: string, subjectId: string, details: Record<string, unknown> = {}) {
  return audit(tx, originOf(actor), { action, subjectType, subjectId, details });
}

export async function createCourse(db: Database, actor: Actor, input: CourseInput): Promise<Result<{ courseId: string }, Common>> {
  if (!allowed(actor)) return { ok: false, reason: "forbidden" };
  const parsed = courseInput.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  return db.transaction(async (tx) => {
    const [course] = await tx
      .insert(courses)
      .values({ ...parsed.data, createdBy: actor.id })
      .returning({ id: courses.id });
    await courseAudit(tx, actor, "course.created", "course", course!.id, { title: parsed.data.title, kind: parsed.data.kind });
    return { ok: true as const, courseId: course!.id };
  });
}

/** Changing whether a course is required re-judges the training step of everyone who attended it. */
export async function updateCourse(db: Database, actor: Actor, courseId: string, input: CourseInput): Promise<Result<object, Common>> {
  if (!allowed(actor)) return { ok: false, reason: "forbidden" };
  const parsed = courseInput.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(courses).where(eq(courses.id, courseId)).for("update");
    if (!before) return { ok: false as const, reason: "not_found" as const };
    await tx
      .update(courses)
      .set({ ...parsed.data, updatedAt: new Date() })
      .where(eq(courses.id, courseId));
    await courseAudit(tx, actor, "course.updated", "course", courseId, { fields: changedFields(before, parsed.data) });
    if (before.requiredBeforeMatching !== parsed.data.requiredBeforeMatching || String(before.audience) !== String(parsed.data.audience)) {
      const attendees = await tx.selectDistinct({ userId: trainingCredits.userId }).from(trainingCredits).where(eq(trainingCredits.courseId, courseId));
      for (const { userId } of attendees) await syncTraining(tx, actor, userId);
    }
    return { ok: true as const };
  });
}

function changedFields(before: Record<string, unknown>, after: Record<string, unknown>) {
  return Object.keys(after).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
}

function sessionValues(data: ReturnType<typeof sessionInput.parse>) {
  return {
    startsAt: data.startsAt,
    endsAt: data.endsAt,
    online: data.online,
    town: data.online ? null : data.town,
    address: data.online ? null : data.address,
    onlineUrl: data.online ? data.onlineUrl : null,
    capacity: data.capacity,
    bookingOpensAt: data.bookingOpensAt,
    bookingClosesAt: data.bookingClosesAt,
    cancellationHours: data.cancellationHours,
    waitlistEnabled: data.waitlistEnabled,
  };
}

export async function createSession(db: Database, actor: Actor, courseId: string, input: SessionInput): Promise<Result<{ sessionId: string }, Common>> {
  if (!allowed(actor)) return { ok: false, reason: "forbidden" };
  const parsed = sessionInput.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  return db.transaction(async (tx) => {
    const [course] = await tx.select({ id: courses.id }).from(courses).where(and(eq(courses.id, courseId), isNull(courses.archivedAt)));
    if (!course) return { ok: false as const, reason: "not_found" as const };
    const [session] = await tx
      .insert(courseSessions)
      .values({ courseId, ...sessionValues(parsed.data), createdBy: actor.id })
      .returning({ id: courseSessions.id });
    await courseAudit(tx, actor, "course.session_created", "course_session", session!.id, { courseId, startsAt: parsed.data.startsAt, capacity: parsed.data.capacity });
    return { ok: true as const, sessionId: session!.id };
  });
}

export type UpdateSessionRefusal = Common | "illegal_state" | "capacity_below_booked";

/**
 * Changes a session. The capacity cannot go below the seats already taken or held (`booked`); a higher one
 * offers the new seats to the line at once. A cancelled session cannot be changed.
 */
export async function updateSession(
  deps: CourseDeps,
  actor: Actor,
  sessionId: string,
  input: SessionInput,
  clock: Clock = {},
): Promise<Result<object, Exclude<UpdateSessionRefusal, "capacity_below_booked">> | { ok: false; reason: "capacity_below_booked"; booked: number }> {
  if (!allowed(actor)) return { ok: false, reason: "forbidden" };
  const parsed = sessionInput.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const now = clock.now ?? new Date();
  return deps.db.transaction(async (tx) => {
    const locked = await lockSession(tx, sessionId);
    if (!locked) return { ok: false as const, reason: "not_found" as const };
    const { session } = locked;
    if (session.status === "cancelled") return { ok: false as const, reason: "illegal_state" as const };
    const booked = session.confirmedCount + session.offeredCount;
    if (parsed.data.capacity < booked) return { ok: false as const, reason: "capacity_below_booked" as const, booked };
    const values = sessionValues(parsed.data);
    await tx
      .update(courseSessions)
      .set({ ...values, updatedAt: now })
      .where(eq(courseSessions.id, sessionId));
    await courseAudit(tx, actor, "course.session_updated", "course_session", sessionId, { fields: changedFields(session, values) });
    if (parsed.data.capacity > session.capacity || (parsed.data.waitlistEnabled && !session.waitlistEnabled)) {
      await offerFreeSeats(deps, tx, sessionId, now);
    }
    return { ok: true as const };
  });
}

/**
 * Once attendance is marked on a booking the seat was used (or missed): ending it would leave a mark, and a
 * training credit, on a booking that no longer is. The coordinator clears the mark first.
 */
const marked = (booking: { attendance: Attendance | null }) => booking.attendance !== null;

/** Cancels a session: every active booking ends and every participant is told. Not once attendance is marked. */
export async function cancelSession(
  deps: CourseDeps,
  actor: Actor,
  sessionId: string,
  clock: Clock = {},
): Promise<Result<{ told: number }, Common | "illegal_state" | "attendance_marked">> {
  if (!allowed(actor)) return { ok: false, reason: "forbidden" };
  const now = clock.now ?? new Date();
  return deps.db.transaction(async (tx) => {
    const locked = await lockSession(tx, sessionId);
    if (!locked) return { ok: false as const, reason: "not_found" as const };
    if (locked.session.status === "cancelled") return { ok: false as const, reason: "illegal_state" as const };
    const active = await tx
      .select()
      .from(courseBookings)
      .where(and(eq(courseBookings.sessionId, sessionId), inArray(courseBookings.status, [...activeBookingStatuses])))
      .orderBy(asc(courseBookings.seq))
      .for("update");
    if (active.some(marked)) return { ok: false as const, reason: "attendance_marked" as const };
    await tx.update(courseSessions).set({ status: "cancelled", cancelledAt: now, cancelledBy: actor.id, updatedAt: now }).where(eq(courseSessions.id, sessionId));
    const session = { ...locked.session, status: "cancelled" as const };
    for (const booking of active) await endBookingAs(deps, tx, { session, course: locked.course, booking }, "session_cancelled", actor, now);
    await courseAudit(tx, actor, "course.session_cancelled", "course_session", sessionId, { bookings: active.length });
    return { ok: true as const, told: active.length };
  });
}

/**
 * A coordinator takes someone off a session (a seat, a place in line or an offer), whatever the deadline;
 * not once their attendance is marked.
 */
export async function removeBooking(
  deps: CourseDeps,
  actor: Actor,
  bookingId: string,
  clock: Clock = {},
): Promise<Result<object, Common | "illegal_state" | "attendance_marked">> {
  if (!allowed(actor)) return { ok: false, reason: "forbidden" };
  const now = clock.now ?? new Date();
  return deps.db.transaction(async (tx) => {
    const locked = await lockBooking(tx, bookingId);
    if (!locked) return { ok: false as const, reason: "not_found" as const };
    if (!(activeBookingStatuses as readonly string[]).includes(locked.booking.status)) return { ok: false as const, reason: "illegal_state" as const };
    if (marked(locked.booking)) return { ok: false as const, reason: "attendance_marked" as const };
    await endBookingAs(deps, tx, locked, "by_coordinator", actor, now);
    await courseAudit(tx, actor, "course.booking_removed", "course_booking", bookingId, { from: locked.booking.status });
    return { ok: true as const };
  });
}

export type MoveRefusal = Common | "illegal_state" | "attendance_marked" | "same_session" | "other_course" | "target_closed" | "already_booked" | "full";

/**
 * Moves a participant to another session of the same course: a seat there if one is free, else a place in
 * its line. Both sessions are locked, in id order so two moves in opposite directions cannot deadlock; the
 * seat left behind goes to the old session's line.
 */
export async function moveBooking(
  deps: CourseDeps,
  actor: Actor,
  bookingId: string,
  targetSessionId: string,
  clock: Clock = {},
): Promise<Result<{ bookingId: string; status: "confirmed" | "waitlisted" }, MoveRefusal>> {
  if (!allowed(actor)) return { ok: false, reason: "forbidden" };
  const now = clock.now ?? new Date();
  return deps.db.transaction(async (tx) => {
    const [found] = await tx.select({ sessionId: courseBookings.sessionId }).from(courseBookings).where(eq(courseBookings.id, bookingId));
    if (!found) return { ok: false as const, reason: "not_found" as const };
    if (found.sessionId === targetSessionId) return { ok: false as const, reason: "same_session" as const };
    const [first, second] = [found.sessionId, targetSessionId].sort();
    await lockSession(tx, first!);
    await lockSession(tx, second!);
    const locked = await lockBooking(tx, bookingId);
    const target = await lockSession(tx, targetSessionId);
    if (!locked || !target) return { ok: false as const, reason: "not_found" as const };
    if (!(activeBookingStatuses as readonly string[]).includes(locked.booking.status)) return { ok: false as const, reason: "illegal_state" as const };
    if (marked(locked.booking)) return { ok: false as const, reason: "attendance_marked" as const };
    if (target.session.courseId !== locked.session.courseId) return { ok: false as const, reason: "other_course" as const };
    if (target.session.status !== "scheduled" || now >= target.session.startsAt) return { ok: false as const, reason: "target_closed" as const };
    const [existing] = await tx
      .select({ id: courseBookings.id })
      .from(courseBookings)
      .where(and(eq(courseBookings.sessionId, targetSessionId), eq(courseBookings.userId, locked.booking.userId), inArray(courseBookings.status, [...activeBookingStatuses])));
    if (existing) return { ok: false as const, reason: "already_booked" as const };

    const placed = await placeBooking(deps, tx, target.session, target.course, locked.booking.userId, now);
    if (!placed) return { ok: false as const, reason: "full" as const };
    await endBookingAs(deps, tx, locked, "moved", actor, now);
    await courseAudit(tx, actor, "course.booking_moved", "course_booking", bookingId, { to: targetSessionId, newBookingId: placed.booking.id, status: placed.booking.status });
    return { ok: true as const, bookingId: placed.booking.id, status: placed.booking.status as "confirmed" | "waitlisted" };
  });
}

export type AttendanceRefusal = Common | "illegal_state" | "not_started";

/** People arrive before the start: the check-in list opens this long before it. */
const checkInLeadMs = 2 * 60 * 60 * 1000;

export function checkInOpens(session: { startsAt: Date }) {
  return new Date(session.startsAt.getTime() - checkInLeadMs);
}

/**
 * Marks a participant as attended or not (or clears the mark), from two hours before the start on. Attending
 * credits the course's training hours to the ledger once; a correction takes the credit back. The vetting
 * checklist's training step follows.
 */
export async function markAttendance(
  deps: CourseDeps,
  actor: Actor,
  bookingId: string,
  attendance: Attendance | null,
  clock: Clock = {},
): Promise<Result<object, AttendanceRefusal>> {
  if (!allowed(actor)) return { ok: false, reason: "forbidden" };
  const now = clock.now ?? new Date();
  return deps.db.transaction(async (tx) => {
    const locked = await lockBooking(tx, bookingId);
    if (!locked) return { ok: false as const, reason: "not_found" as const };
    const { booking, session, course } = locked;
    if (booking.status !== "confirmed" || session.status !== "scheduled") return { ok: false as const, reason: "illegal_state" as const };
    if (now < checkInOpens(session)) return { ok: false as const, reason: "not_started" as const };
    await tx
      .update(courseBookings)
      .set({ attendance, attendanceBy: attendance ? actor.id : null, attendanceAt: attendance ? now : null, updatedAt: now })
      .where(eq(courseBookings.id, booking.id));
    if (attendance === "attended") {
      await tx
        .insert(trainingCredits)
        .values({ userId: booking.userId, bookingId: booking.id, courseId: course.id, minutes: course.trainingMinutes, creditedBy: actor.id })
        .onConflictDoNothing({ target: trainingCredits.bookingId });
    } else {
      await tx.delete(trainingCredits).where(eq(trainingCredits.bookingId, booking.id));
    }
    await syncTraining(tx, actor, booking.userId);
    await courseAudit(tx, actor, "course.attendance_marked", "course_booking", booking.id, { from: booking.attendance, to: attendance });
    return { ok: true as const };
  });
}
