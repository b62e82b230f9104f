import { and, asc, count, desc, eq, gt, gte, inArray, isNull, sql, type SQL } from "drizzle-orm";
import { rowsOf, type Database } from "#db/client.server";
import { courseBookings, courseSessions, courses, users } from "#db/schema";
import { audit } from "~/modules/audit/audit.server";
import { can } from "~/modules/auth/permissions";
import { isUuid, originOf } from "~/modules/volunteers/context.server";
import { cancellationDeadline, waitlistPosition } from "./booking.server";
import { catalogueQuery, type CatalogueQuery } from "./schemas";
import { neededCourseIds, trainingMinutes } from "./training.server";
import { activeBookingStatuses, type Actor } from "./types";

const copenhagenMonth = (month: string, offset: number) => {
  const [year, monthNumber] = month.split("-").map(Number) as [number, number];
  const date = new Date(Date.UTC(year, monthNumber - 1 + offset, 1));
  return `${date.toISOString().slice(0, 7)}-01`;
};

const seatsLeft = sql<number>`(${courseSessions.capacity} - ${courseSessions.confirmedCount} - ${courseSessions.offeredCount})`.mapWith(Number);

/**
 * The public catalogue: upcoming, scheduled sessions of current courses, soonest first, filtered and paged
 * in SQL. With `userId`, each row says whether the person already has a booking, and `needed` narrows the
 * list to the courses their vetting still needs.
 */
export async function listCatalogue(db: Database, input: Partial<CatalogueQuery>, options: { now?: Date; userId?: string | null } = {}) {
  const query = catalogueQuery.parse(input);
  const now = options.now ?? new Date();
  const conditions: SQL[] = [eq(courseSessions.status, "scheduled"), gt(courseSessions.startsAt, now), isNull(courses.archivedAt)];
  if (query.kind) conditions.push(eq(courses.kind, query.kind));
  if (query.month) {
    // Months are Danish calendar months: the bounds are midnight in Copenhagen.
    conditions.push(
      sql`${courseSessions.startsAt} >= (${copenhagenMonth(query.month, 0)}::timestamp at time zone 'Europe/Copenhagen')`,
      sql`${courseSessions.startsAt} < (${copenhagenMonth(query.month, 1)}::timestamp at time zone 'Europe/Copenhagen')`,
    );
  }
  if (query.place === "online") conditions.push(eq(courseSessions.online, true));
  else if (query.place) conditions.push(sql`lower(${courseSessions.town}) = ${query.place.toLowerCase()}`);
  let needed: string[] | null = null;
  if (query.needed && options.userId) {
    needed = await neededCourseIds(db, options.userId);
    conditions.push(needed.length ? inArray(courses.id, needed) : sql`false`);
  }
  const where = and(...conditions);
  const mine = options.userId
    ? db
        .select({ sessionId: courseBookings.sessionId, status: courseBookings.status })
        .from(courseBookings)
        .where(and(eq(courseBookings.userId, options.userId), inArray(courseBookings.status, [...activeBookingStatuses])))
        .as("mine")
    : null;

  const rowsQuery = db
    .select({
      sessionId: courseSessions.id,
      courseId: courses.id,
      title: courses.title,
      kind: courses.kind,
      trainingMinutes: courses.trainingMinutes,
      required: courses.requiredBeforeMatching,
      startsAt: courseSessions.startsAt,
      endsAt: courseSessions.endsAt,
      town: courseSessions.town,
      address: courseSessions.address,
      online: courseSessions.online,
      capacity: courseSessions.capacity,
      seatsLeft,
      waitlistEnabled: courseSessions.waitlistEnabled,
      waitlistCount: courseSessions.waitlistCount,
      myStatus: mine ? mine.status : sql<null>`null`,
    })
    .from(courseSessions)
    .innerJoin(courses, eq(courses.id, courseSessions.courseId))
    .$dynamic();
  const rowsWithMine = mine ? rowsQuery.leftJoin(mine, eq(mine.sessionId, courseSessions.id)) : rowsQuery;
  const [rows, [total]] = await Promise.all([
    rowsWithMine
      .where(where)
      .orderBy(asc(courseSessions.startsAt), asc(courseSessions.id))
      .limit(query.size)
      .offset((query.page - 1) * query.size),
    db.select({ value: count() }).from(courseSessions).innerJoin(courses, eq(courses.id, courseSessions.courseId)).where(where),
  ]);
  return { rows, total: Number(total?.value ?? 0), query, needed };
}

/**
 * The towns with upcoming sessions, for the catalogue's place filter, one spelling per town (the filter ignores
 * case). A skip scan over the town index, `lower(town), starts_at`: one probe for each town there has ever
 * been and one for its next session, where a DISTINCT would read every upcoming session on every page view.
 */
export async function listCatalogueTowns(db: Database, options: { now?: Date } = {}) {
  const now = (options.now ?? new Date()).toISOString();
  const result = await db.execute(sql`
    with recursive places (place) as (
      (select lower(town) from course_sessions where town is not null order by lower(town) limit 1)
      union all
      select (select lower(s.town) from course_sessions s where lower(s.town) > places.place order by lower(s.town) limit 1)
      from places where places.place is not null
    )
    select next.town from places cross join lateral (
      select s.town from course_sessions s
      where lower(s.town) = places.place and s.starts_at > ${now}::timestamptz and s.status = 'scheduled'
      order by s.starts_at limit 1
    ) as next
    order by next.town
    limit 100`);
  return rowsOf<{ town: string }>(result).map((row) => row.town);
}

/**
 * A session as its public page shows it, with the logged-in person's own booking: its status, place in line
 * or offer, and until when they may cancel.
 */
export async function getSessionPage(db: Database, sessionId: string, options: { now?: Date; userId?: string | null } = {}) {
  if (!isUuid(sessionId)) return null;
  const [row] = await db
    .select({ session: courseSessions, course: courses })
    .from(courseSessions)
    .innerJoin(courses, eq(courses.id, courseSessions.courseId))
    .where(eq(courseSessions.id, sessionId));
  if (!row) return null;
  const { session, course } = row;
  const now = options.now ?? new Date();
  let booking = null;
  if (options.userId) {
    const [mine] = await db
      .select()
      .from(courseBookings)
      .where(and(eq(courseBookings.sessionId, sessionId), eq(courseBookings.userId, options.userId)))
      .orderBy(desc(courseBookings.createdAt))
      .limit(1);
    if (mine) {
      booking = {
        id: mine.id,
        status: mine.status,
        endReason: mine.endReason,
        attendance: mine.attendance,
        offerExpiresAt: mine.offerExpiresAt,
        position: mine.status === "waitlisted" ? await waitlistPosition(db, sessionId, mine.seq) : null,
      };
    }
  }
  const deadline = cancellationDeadline(session);
  return {
    session: {
      id: session.id,
      startsAt: session.startsAt,
      endsAt: session.endsAt,
      town: session.town,
      address: session.address,
      online: session.online,
      // The link to an online session is for the people with a seat.
      onlineUrl: booking?.status === "confirmed" ? session.onlineUrl : null,
      capacity: session.capacity,
      seatsLeft: session.capacity - session.confirmedCount - session.offeredCount,
      waitlistEnabled: session.waitlistEnabled,
      waitlistCount: session.waitlistCount,
      status: session.status,
      bookingOpensAt: session.bookingOpensAt,
      bookingClosesAt: session.bookingClosesAt,
      cancellationDeadline: deadline,
      started: now >= session.startsAt,
      bookable:
        session.status === "scheduled" &&
        now < session.startsAt &&
        (!session.bookingOpensAt || now >= session.bookingOpensAt) &&
        (!session.bookingClosesAt || now < session.bookingClosesAt),
      canCancelSeat: now <= deadline,
    },
    course: {
      id: course.id,
      title: course.title,
      description: course.description,
      kind: course.kind,
      audience: course.audience,
      openToAll: course.openToAll,
      trainingMinutes: course.trainingMinutes,
      required: course.requiredBeforeMatching,
    },
    booking,
  };
}

/** "My courses": the person's bookings, upcoming and past, and their training hours in total. */
export async function listMyBookings(db: Database, actor: Actor, options: { now?: Date } = {}) {
  if (!can(actor.role, "read:booking:own")) return null;
  const now = options.now ?? new Date();
  const rows = await db
    .select({
      bookingId: courseBookings.id,
      status: courseBookings.status,
      endReason: courseBookings.endReason,
      attendance: courseBookings.attendance,
      offerExpiresAt: courseBookings.offerExpiresAt,
      seq: courseBookings.seq,
      sessionId: courseSessions.id,
      startsAt: courseSessions.startsAt,
      endsAt: courseSessions.endsAt,
      town: courseSessions.town,
      address: courseSessions.address,
      online: courseSessions.online,
      sessionStatus: courseSessions.status,
      title: courses.title,
      trainingMinutes: courses.trainingMinutes,
    })
    .from(courseBookings)
    .innerJoin(courseSessions, eq(courseSessions.id, courseBookings.sessionId))
    .innerJoin(courses, eq(courses.id, courseSessions.courseId))
    .where(eq(courseBookings.userId, actor.id))
    .orderBy(asc(courseSessions.startsAt))
    .limit(500);
  const upcoming = rows.filter((row) => row.endsAt > now && (activeBookingStatuses as readonly string[]).includes(row.status));
  const past = rows.filter((row) => !upcoming.includes(row)).reverse();
  const positions = await Promise.all(upcoming.map((row) => (row.status === "waitlisted" ? waitlistPosition(db, row.sessionId, row.seq) : null)));
  return {
    upcoming: upcoming.map(({ seq: _seq, ...row }, index) => ({ ...row, position: positions[index] ?? null })),
    past: past.map(({ seq: _seq, ...row }) => row),
    trainingMinutes: await trainingMinutes(db, actor.id),
  };
}

/** A confirmed booking of the person's own, with what its calendar file needs. */
export async function getOwnConfirmedBooking(db: Database, actor: Actor, bookingId: string) {
  if (!can(actor.role, "read:booking:own") || !isUuid(bookingId)) return null;
  const [row] = await db
    .select({ booking: courseBookings, session: courseSessions, course: courses })
    .from(courseBookings)
    .innerJoin(courseSessions, eq(courseSessions.id, courseBookings.sessionId))
    .innerJoin(courses, eq(courses.id, courseSessions.courseId))
    .where(and(eq(courseBookings.id, bookingId), eq(courseBookings.userId, actor.id), eq(courseBookings.status, "confirmed")));
  return row ?? null;
}

/** The coordinators' list of courses with their next session and how many sessions lie ahead. */
export async function listCourses(db: Database, actor: Actor, options: { now?: Date; archived?: boolean } = {}) {
  if (!can(actor.role, "read:course:any")) return null;
  const now = options.now ?? new Date();
  const upcoming = db
    .select({
      courseId: courseSessions.courseId,
      sessions: count().as("sessions"),
      // Mapped as the column is: an aggregate comes back from the driver as text.
      next: sql<Date | null>`min(${courseSessions.startsAt})`.mapWith(courseSessions.startsAt).as("next"),
    })
    .from(courseSessions)
    .where(and(eq(courseSessions.status, "scheduled"), gt(courseSessions.startsAt, now)))
    .groupBy(courseSessions.courseId)
    .as("upcoming");
  return db
    .select({
      id: courses.id,
      title: courses.title,
      kind: courses.kind,
      audience: courses.audience,
      openToAll: courses.openToAll,
      required: courses.requiredBeforeMatching,
      trainingMinutes: courses.trainingMinutes,
      archivedAt: courses.archivedAt,
      upcomingSessions: sql<number>`coalesce(${upcoming.sessions}, 0)`.mapWith(Number),
      nextSession: upcoming.next,
    })
    .from(courses)
    .leftJoin(upcoming, eq(upcoming.courseId, courses.id))
    .where(options.archived ? undefined : isNull(courses.archivedAt))
    .orderBy(asc(courses.title))
    .limit(500);
}

/** A course with its sessions, newest last; past sessions of the last year and everything ahead. */
export async function getCourse(db: Database, actor: Actor, courseId: string, options: { now?: Date } = {}) {
  if (!can(actor.role, "read:course:any") || !isUuid(courseId)) return null;
  const now = options.now ?? new Date();
  const [course] = await db.select().from(courses).where(eq(courses.id, courseId));
  if (!course) return null;
  const since = new Date(now.getTime() - 365 * 24 * 60 * 60 * 1000);
  const sessions = await db
    .select()
    .from(courseSessions)
    .where(and(eq(courseSessions.courseId, courseId), gte(courseSessions.startsAt, since)))
    .orderBy(asc(courseSessions.startsAt))
    .limit(500);
  return { course, sessions };
}

/**
 * A session's participants for its coordinator: seats, the line in order, offers, and the ended bookings,
 * with names and addresses. Reading it is not audited; exporting it is (`course.participants_exported`).
 */
export async function listParticipants(db: Database, actor: Actor, sessionId: string) {
  if (!can(actor.role, "read:course:any") || !isUuid(sessionId)) return null;
  const [row] = await db
    .select({ session: courseSessions, course: courses })
    .from(courseSessions)
    .innerJoin(courses, eq(courses.id, courseSessions.courseId))
    .where(eq(courseSessions.id, sessionId));
  if (!row) return null;
  const participants = await db
    .select({
      bookingId: courseBookings.id,
      userId: users.id,
      name: users.name,
      email: users.email,
      status: courseBookings.status,
      seq: courseBookings.seq,
      offerExpiresAt: courseBookings.offerExpiresAt,
      endReason: courseBookings.endReason,
      attendance: courseBookings.attendance,
      createdAt: courseBookings.createdAt,
    })
    .from(courseBookings)
    .innerJoin(users, eq(users.id, courseBookings.userId))
    .where(eq(courseBookings.sessionId, sessionId))
    .orderBy(asc(courseBookings.seq))
    .limit(5000);
  const otherSessions = await db
    .select({ id: courseSessions.id, startsAt: courseSessions.startsAt, town: courseSessions.town, online: courseSessions.online })
    .from(courseSessions)
    .where(
      and(
        eq(courseSessions.courseId, row.course.id),
        eq(courseSessions.status, "scheduled"),
        gt(courseSessions.startsAt, new Date()),
        sql`${courseSessions.id} <> ${sessionId}`,
      ),
    )
    .orderBy(asc(courseSessions.startsAt))
    .limit(50);
  return { ...row, participants, otherSessions };
}

/** The participant list as the CSV export has it; the export itself is audited here. */
export async function exportParticipants(db: Database, actor: Actor, sessionId: string) {
  const list = await listParticipants(db, actor, sessionId);
  if (!list) return null;
  await audit(db, originOf(actor), {
    action: "course.participants_exported",
    subjectType: "course_session",
    subjectId: sessionId,
    details: { rows: list.participants.length },
  });
  return list;
}
