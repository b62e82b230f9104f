import { and, eq, gt, isNull, lte, sql } from "drizzle-orm";
import { courseBookings, courseSessions, courses } from "#db/schema";
import { getSetting } from "~/modules/settings/settings.server";
import { addDays, copenhagenToday } from "~/modules/volunteers/dates";
import { expireOffer } from "./booking.server";
import { notifyUser, placeOf, sessionUrl, type CourseDeps } from "./context.server";

/** The morning reminder goes out from this hour, Copenhagen time, on the day of the session. */
const morningHour = 7;

const copenhagenHour = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Copenhagen", hour: "2-digit", hourCycle: "h23" });

/**
 * Every quarter of an hour (the `courses` job): a reminder N days before a session (the setting), and one on
 * the morning of the day. Each booking is claimed by a conditional update in the same transaction as its
 * email, so a rerun, or two workers at once, send nothing twice.
 */
export async function runCourseReminders(deps: CourseDeps, now = new Date()) {
  const days = await getSetting(deps.db, "course_reminder_days");
  const today = copenhagenToday(now);
  const sessionDay = sql`(${courseSessions.startsAt} at time zone 'Europe/Copenhagen')::date`;
  let sent = 0;

  await deps.db.transaction(async (tx) => {
    const soon = await tx
      .update(courseBookings)
      .set({ remindedSoonAt: now })
      .from(courseSessions)
      .where(
        and(
          eq(courseSessions.id, courseBookings.sessionId),
          eq(courseBookings.status, "confirmed"),
          isNull(courseBookings.remindedSoonAt),
          eq(courseSessions.status, "scheduled"),
          sql`${sessionDay} = ${addDays(today, days)}::date`,
        ),
      )
      .returning({ userId: courseBookings.userId, sessionId: courseSessions.id });
    const morning =
      Number(copenhagenHour.format(now)) >= morningHour
        ? await tx
            .update(courseBookings)
            .set({ remindedTodayAt: now })
            .from(courseSessions)
            .where(
              and(
                eq(courseSessions.id, courseBookings.sessionId),
                eq(courseBookings.status, "confirmed"),
                isNull(courseBookings.remindedTodayAt),
                eq(courseSessions.status, "scheduled"),
                sql`${sessionDay} = ${today}::date`,
                gt(courseSessions.startsAt, now),
              ),
            )
            .returning({ userId: courseBookings.userId, sessionId: courseSessions.id })
        : [];

    for (const [when, bookings] of [["soon", soon], ["today", morning]] as const) {
      for (const booking of bookings) {
        const [row] = await tx
          .select({ session: courseSessions, title: courses.title })
          .from(courseSessions)
          .innerJoin(courses, eq(courses.id, courseSessions.courseId))
          .where(eq(courseSessions.id, booking.sessionId));
        if (!row) continue;
        await notifyUser(deps, tx, booking.userId, "courseReminder", (user) => ({
          name: user.name,
          courseTitle: row.title,
          startsAt: row.session.startsAt.toISOString(),
          endsAt: row.session.endsAt.toISOString(),
          place: placeOf(row.session),
          url: sessionUrl(deps.env, row.session.id),
          when,
        }));
        sent++;
      }
    }
  });
  return sent;
}

/**
 * A safety net for the offer expiry jobs (one is queued with every offer): any offer past its time that is
 * still open expires now and passes its seat on.
 */
export async function expireLapsedOffers(deps: CourseDeps, now = new Date()) {
  const lapsed = await deps.db
    .select({ id: courseBookings.id })
    .from(courseBookings)
    .where(and(eq(courseBookings.status, "offered"), lte(courseBookings.offerExpiresAt, now)))
    .limit(500);
  let expired = 0;
  for (const { id } of lapsed) if (await expireOffer(deps, id, { now })) expired++;
  return expired;
}

export type CourseJob = { type: "offer_expiry"; bookingId: string } | { type: "tick" };

/** The `courses` queue's handler. */
export async function runCourseJob(deps: CourseDeps, job: CourseJob, now = new Date()) {
  if (job.type === "offer_expiry") {
    await expireOffer(deps, job.bookingId, { now });
    return;
  }
  await expireLapsedOffers(deps, now);
  await runCourseReminders(deps, now);
}
