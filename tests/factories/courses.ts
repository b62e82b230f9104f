import { eq } from "drizzle-orm";
import type { Database } from "#db/client.server";
import { courseBookings, courseSessions } from "#db/schema";
import { createCourse, createSession } from "~/modules/courses/manage.server";
import type { CourseInput, SessionInput } from "~/modules/courses/schemas";
import type { Actor } from "~/modules/courses/types";

const hour = 60 * 60 * 1000;

/** A valid course; `overrides` replaces fields. */
export function courseSpec(overrides: Partial<CourseInput> = {}): CourseInput {
  return {
    title: "Introduktion til mentorrollen",
    description: "Hvad en mentor gør og ikke gør, tavshedspligt, og hvornår man går til koordinatoren.",
    kind: "introduction",
    audience: [],
    openToAll: false,
    trainingMinutes: 180,
    requiredBeforeMatching: true,
    ...overrides,
  };
}

/** A valid session in Billund, starting `startsInHours` after `now`, three hours long. */
export function sessionSpec(now: Date, overrides: Partial<SessionInput> & { startsInHours?: number } = {}): SessionInput {
  const { startsInHours = 7 * 24, ...rest } = overrides;
  const startsAt = new Date(now.getTime() + startsInHours * hour);
  return {
    startsAt,
    endsAt: new Date(startsAt.getTime() + 3 * hour),
    online: false,
    town: "Billund",
    address: "Jorden Rundt 1, 7190 Billund",
    capacity: 10,
    cancellationHours: 24,
    waitlistEnabled: true,
    ...rest,
  };
}

/** A course with one session, created by `coordinator` through the module. */
export async function createCourseWithSession(
  db: Database,
  coordinator: Actor,
  options: { now?: Date; course?: Partial<CourseInput>; session?: Partial<SessionInput> & { startsInHours?: number } } = {},
) {
  const course = await createCourse(db, coordinator, courseSpec(options.course));
  if (!course.ok) throw new Error(`Factory course failed: ${JSON.stringify(course)}`);
  const session = await createSession(db, coordinator, course.courseId, sessionSpec(options.now ?? new Date(), options.session));
  if (!session.ok) throw new Error(`Factory session failed: ${JSON.stringify(session)}`);
  return { courseId: course.courseId, sessionId: session.sessionId };
}

/** A session's row as it is now. */
export async function readSession(db: Database, sessionId: string) {
  const [row] = await db.select().from(courseSessions).where(eq(courseSessions.id, sessionId));
  if (!row) throw new Error(`no session ${sessionId}`);
  return row;
}

/** A booking's row as it is now. */
export async function readBooking(db: Database, bookingId: string) {
  const [row] = await db.select().from(courseBookings).where(eq(courseBookings.id, bookingId));
  if (!row) throw new Error(`no booking ${bookingId}`);
  return row;
}
