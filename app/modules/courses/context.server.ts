import { eq, sql } from "drizzle-orm";
import type { Database } from "#db/client.server";
import { courseBookings, courseSessions, courses, users, type Course, type CourseBooking, type CourseSession, type EmailAttachment } from "#db/schema";
import type { EmailProps, EmailTemplateName } from "#emails/index";
import type { Env } from "~/env.server";
import type { JobQueue } from "~/jobs.server";
import { isUuid } from "~/modules/volunteers/context.server";
import { queueEmail } from "~/modules/email/queue.server";
import { calendarEvent } from "./ics";

/** What the course commands need besides the actor. */
export interface CourseDeps {
  db: Database;
  jobs: JobQueue;
  env: Pick<Env, "APP_URL">;
}

/** A command's clock: tests pass one, the app uses the real time. */
export type Clock = { now?: Date };

export function sessionUrl(env: Pick<Env, "APP_URL">, sessionId: string) {
  return `${env.APP_URL}/courses/${sessionId}`;
}

/**
 * Every booking command starts here: the session row is locked until the transaction ends, so bookings,
 * cancellations, offers and capacity changes on one session happen one at a time, and its counters are exact.
 */
export async function lockSession(tx: Database, sessionId: string): Promise<{ session: CourseSession; course: Course } | null> {
  if (!isUuid(sessionId)) return null;
  const [session] = await tx.select().from(courseSessions).where(eq(courseSessions.id, sessionId)).for("update");
  if (!session) return null;
  const [course] = await tx.select().from(courses).where(eq(courses.id, session.courseId));
  return { session, course: course! };
}

/** The booking's session locked first (the order every command takes), then the booking itself. */
export async function lockBooking(tx: Database, bookingId: string) {
  if (!isUuid(bookingId)) return null;
  const [found] = await tx.select({ sessionId: courseBookings.sessionId }).from(courseBookings).where(eq(courseBookings.id, bookingId));
  if (!found) return null;
  const locked = await lockSession(tx, found.sessionId);
  const [booking] = await tx.select().from(courseBookings).where(eq(courseBookings.id, bookingId)).for("update");
  return locked && booking ? { ...locked, booking } : null;
}

export type CountChange = Partial<Record<"confirmed" | "offered" | "waitlist", number>>;

/** Moves the session's counters; the check constraint refuses any change that would pass the capacity. */
export async function adjustCounts(tx: Database, sessionId: string, change: CountChange) {
  await tx
    .update(courseSessions)
    .set({
      confirmedCount: sql`${courseSessions.confirmedCount} + ${change.confirmed ?? 0}`,
      offeredCount: sql`${courseSessions.offeredCount} + ${change.offered ?? 0}`,
      waitlistCount: sql`${courseSessions.waitlistCount} + ${change.waitlist ?? 0}`,
      updatedAt: new Date(),
    })
    .where(eq(courseSessions.id, sessionId));
}

/** Where a session is, as the emails and the calendar file say it. */
export function placeOf(session: Pick<CourseSession, "online" | "address" | "town">) {
  if (session.online) return "Online";
  const { address, town } = session;
  // An address usually ends with its postcode and town already: "Torvet 4, 7200 Grindsted".
  if (address && town && address.toLowerCase().includes(town.toLowerCase())) return address;
  return [address, town].filter(Boolean).join(", ");
}

/** The calendar file of a booked seat; a cancelled one replaces it in the calendar with the same UID. */
export function bookingCalendar(env: Pick<Env, "APP_URL">, course: Course, session: CourseSession, booking: Pick<CourseBooking, "id">, cancelled = false): EmailAttachment {
  return {
    filename: "kursus.ics",
    contentType: "text/calendar; charset=utf-8",
    content: calendarEvent({
      uid: `${booking.id}@mentorbro`,
      title: course.title,
      description: course.description,
      startsAt: session.startsAt,
      endsAt: session.endsAt,
      location: session.online ? session.onlineUrl : placeOf(session),
      url: sessionUrl(env, session.id),
      sequence: cancelled ? 1 : 0,
      cancelled,
    }),
  };
}

/** Queues an email to a user in their language, inside the caller's transaction; a disabled account gets none. */
export async function notifyUser<T extends EmailTemplateName>(
  deps: Pick<CourseDeps, "jobs">,
  tx: Database,
  userId: string,
  template: T,
  props: (user: { name: string }) => EmailProps<T>,
  attachments?: EmailAttachment[],
) {
  const [user] = await tx
    .select({ email: users.email, name: users.name, locale: users.locale, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.id, userId));
  if (!user || user.disabledAt) return;
  await queueEmail(deps.jobs, tx, { to: user.email, locale: user.locale, template, props: props(user), attachments });
}
