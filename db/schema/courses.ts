import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgEnum, pgTable, text, timestamp, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { mentorKindEnum } from "./volunteers";

export const courseKindEnum = pgEnum("course_kind", ["introduction", "jobcenter", "network_meeting", "other"]);
export const sessionStatusEnum = pgEnum("course_session_status", ["scheduled", "cancelled"]);
/** Active: confirmed (a seat), waitlisted (in line), offered (a seat held until the offer expires). */
export const bookingStatusEnum = pgEnum("course_booking_status", ["confirmed", "waitlisted", "offered", "cancelled", "expired"]);
export const bookingEndReasonEnum = pgEnum("course_booking_end_reason", [
  "by_you",
  "by_coordinator",
  "session_cancelled",
  "offer_declined",
  "offer_expired",
  "moved",
]);
export const attendanceEnum = pgEnum("course_attendance", ["attended", "no_show"]);

export const courses = pgTable(
  "courses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    title: text("title").notNull(),
    description: text("description").notNull(),
    kind: courseKindEnum("kind").notNull(),
    /** The mentor kinds the course is for; empty means every kind. */
    audience: mentorKindEnum("audience").array().notNull().default(sql`'{}'::mentor_kind[]`),
    /** Network meetings are open to company contacts too: anyone with a volunteer account may book. */
    openToAll: boolean("open_to_all").notNull().default(false),
    /** Credited to the volunteer's training ledger when they attend. */
    trainingMinutes: integer("training_minutes").notNull().default(0),
    /** Attending it is part of the vetting's training step (unless the kind's policy names its own courses). */
    requiredBeforeMatching: boolean("required_before_matching").notNull().default(false),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [check("courses_training_minutes", sql`${table.trainingMinutes} between 0 and 6000`)],
);

export const courseSessions = pgTable(
  "course_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    courseId: uuid("course_id")
      .notNull()
      .references(() => courses.id, { onDelete: "restrict" }),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    /** Where it is: a town for the catalogue's filter and an address, or online with a link sent on booking. */
    town: text("town"),
    address: text("address"),
    online: boolean("online").notNull().default(false),
    onlineUrl: text("online_url"),
    capacity: integer("capacity").notNull(),
    /** Null: bookable from now, and until the start. */
    bookingOpensAt: timestamp("booking_opens_at", { withTimezone: true }),
    bookingClosesAt: timestamp("booking_closes_at", { withTimezone: true }),
    /** A participant may cancel themselves until this many hours before the start. */
    cancellationHours: integer("cancellation_hours").notNull().default(24),
    waitlistEnabled: boolean("waitlist_enabled").notNull().default(true),
    status: sessionStatusEnum("status").notNull().default("scheduled"),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    cancelledBy: uuid("cancelled_by").references(() => users.id, { onDelete: "set null" }),
    /**
     * Kept by the booking commands while the session row is locked: seats taken (confirmed), seats held
     * (offered), people in line, and the last number handed out, which orders the line.
     */
    confirmedCount: integer("confirmed_count").notNull().default(0),
    offeredCount: integer("offered_count").notNull().default(0),
    waitlistCount: integer("waitlist_count").notNull().default(0),
    lastSeq: integer("last_seq").notNull().default(0),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check("course_sessions_times", sql`${table.endsAt} > ${table.startsAt}`),
    check("course_sessions_capacity", sql`${table.capacity} between 1 and 1000`),
    // The last line of defence against a double-booked seat: the counters can never pass the capacity.
    check("course_sessions_seats", sql`${table.confirmedCount} + ${table.offeredCount} <= ${table.capacity}`),
    check("course_sessions_counts", sql`${table.confirmedCount} >= 0 and ${table.offeredCount} >= 0 and ${table.waitlistCount} >= 0`),
    check("course_sessions_cancellation_hours", sql`${table.cancellationHours} between 0 and 720`),
    check("course_sessions_place", sql`${table.online} or ${table.address} is not null`),
    check("course_sessions_cancelled", sql`(${table.status} = 'cancelled') = (${table.cancelledAt} is not null)`),
    index("course_sessions_catalogue_idx").on(table.status, table.startsAt, table.id),
    index("course_sessions_course_idx").on(table.courseId, table.startsAt),
    index("course_sessions_town_idx").on(sql`lower(${table.town})`, table.startsAt),
  ],
);

export const courseBookings = pgTable(
  "course_bookings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => courseSessions.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    status: bookingStatusEnum("status").notNull(),
    /** Handed out in lock order from the session's `last_seq`: the waitlist is served by it. */
    seq: integer("seq").notNull(),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    offeredAt: timestamp("offered_at", { withTimezone: true }),
    offerExpiresAt: timestamp("offer_expires_at", { withTimezone: true }),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    endReason: bookingEndReasonEnum("end_reason"),
    endedBy: uuid("ended_by").references(() => users.id, { onDelete: "set null" }),
    attendance: attendanceEnum("attendance"),
    attendanceBy: uuid("attendance_by").references(() => users.id, { onDelete: "set null" }),
    attendanceAt: timestamp("attendance_at", { withTimezone: true }),
    /** When the reminders went out, so a rerun of the reminder job sends none twice. */
    remindedSoonAt: timestamp("reminded_soon_at", { withTimezone: true }),
    remindedTodayAt: timestamp("reminded_today_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    // One active booking per person and session: a double-submitted form cannot make a second.
    uniqueIndex("course_bookings_active_key")
      .on(table.sessionId, table.userId)
      .where(sql`${table.status} in ('confirmed', 'waitlisted', 'offered')`),
    unique("course_bookings_seq_key").on(table.sessionId, table.seq),
    check("course_bookings_offer", sql`(${table.status} = 'offered') = (${table.offerExpiresAt} is not null)`),
    check("course_bookings_ended", sql`(${table.status} in ('cancelled', 'expired')) = (${table.endedAt} is not null and ${table.endReason} is not null)`),
    check("course_bookings_attendance", sql`${table.attendance} is null or ${table.status} = 'confirmed'`),
    index("course_bookings_user_idx").on(table.userId, table.status),
    index("course_bookings_session_idx").on(table.sessionId, table.status, table.seq),
    index("course_bookings_offers_idx").on(table.offerExpiresAt).where(sql`${table.status} = 'offered'`),
  ],
);

/** The training-hours ledger: one credit per attended booking, removed again if the attendance is corrected. */
export const trainingCredits = pgTable(
  "training_credits",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    bookingId: uuid("booking_id")
      .notNull()
      .references(() => courseBookings.id, { onDelete: "cascade" }),
    courseId: uuid("course_id")
      .notNull()
      .references(() => courses.id, { onDelete: "restrict" }),
    minutes: integer("minutes").notNull(),
    creditedBy: uuid("credited_by").references(() => users.id, { onDelete: "set null" }),
    creditedAt: timestamp("credited_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [unique("training_credits_booking_key").on(table.bookingId), index("training_credits_user_idx").on(table.userId, table.creditedAt)],
);

export type Course = typeof courses.$inferSelect;
export type CourseSession = typeof courseSessions.$inferSelect;
export type CourseBooking = typeof courseBookings.$inferSelect;
export type CourseKind = (typeof courseKindEnum.enumValues)[number];
export type BookingStatus = (typeof bookingStatusEnum.enumValues)[number];
export type BookingEndReason = (typeof bookingEndReasonEnum.enumValues)[number];
