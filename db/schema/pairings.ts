import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, jsonb, pgEnum, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { volunteers } from "./volunteers";
import { youths } from "./youths";

/**
 * proposed → accepted (the mentor said yes) → active (the mentor confirmed the agreement) → closed;
 * a proposal may instead be declined by the mentor or withdrawn by the coordinator.
 */
export const pairingStatusEnum = pgEnum("pairing_status", ["proposed", "accepted", "active", "declined", "withdrawn", "closed"]);
export const closeKindEnum = pgEnum("pairing_close_kind", ["planned", "unplanned"]);
export const closeReasonEnum = pgEnum("pairing_close_reason", ["goal_reached", "youth_moved", "youth_withdrew", "mentor_withdrew", "poor_fit", "other"]);

/** One reason behind a suggestion's score, kept with the proposal as it was when the coordinator chose. */
export interface MatchReason {
  factor: string;
  points: number;
  detail?: Record<string, string | number | string[]>;
}

export const pairings = pgTable(
  "pairings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    youthId: uuid("youth_id")
      .notNull()
      .references(() => youths.id, { onDelete: "cascade" }),
    volunteerId: uuid("volunteer_id")
      .notNull()
      .references(() => volunteers.id, { onDelete: "cascade" }),
    /** The mentor's account: every mentor-side read is scoped by it. */
    mentorUserId: uuid("mentor_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    status: pairingStatusEnum("status").notNull().default("proposed"),
    proposedBy: uuid("proposed_by").references(() => users.id, { onDelete: "set null" }),
    proposedAt: timestamp("proposed_at", { withTimezone: true }).notNull().defaultNow(),
    /** The coordinator's words to the mentor with the proposal. */
    coordinatorNote: text("coordinator_note").notNull().default(""),
    score: integer("score").notNull().default(0),
    reasons: jsonb("reasons").$type<MatchReason[]>().notNull().default([]),
    respondedAt: timestamp("responded_at", { withTimezone: true }),
    declineReason: text("decline_reason"),
    /** The start: a kick-off meeting with the coordinator, and the agreement the mentor confirms. */
    kickoffAt: timestamp("kickoff_at", { withTimezone: true }),
    meetingFrequency: text("meeting_frequency"),
    durationMonths: smallint("duration_months"),
    contactArrangement: text("contact_arrangement"),
    afterHoursArrangement: text("after_hours_arrangement"),
    agreementSetAt: timestamp("agreement_set_at", { withTimezone: true }),
    agreementConfirmedAt: timestamp("agreement_confirmed_at", { withTimezone: true }),
    startedAt: timestamp("started_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    closeKind: closeKindEnum("close_kind"),
    closeReason: closeReasonEnum("close_reason"),
    coordinatorExitNoteEncrypted: text("coordinator_exit_note_encrypted"),
    /** The mentor's own words on the ending, written once the pairing is closed; encrypted like every note on a youth. */
    mentorExitNoteEncrypted: text("mentor_exit_note_encrypted"),
    mentorExitNoteAt: timestamp("mentor_exit_note_at", { withTimezone: true }),
    rematchWanted: boolean("rematch_wanted"),
    /** Since when the mentor's oldest unhandled help request has waited: the pairing is flagged while set. */
    helpRequestedAt: timestamp("help_requested_at", { withTimezone: true }),
    /** The latest check-in raised a safety concern; cleared by a later check-in without one. */
    safetyConcernAt: timestamp("safety_concern_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    // A youth has at most one open proposal or pairing at a time.
    uniqueIndex("pairings_open_youth_key")
      .on(table.youthId)
      .where(sql`${table.status} in ('proposed', 'accepted', 'active')`),
    check("pairings_declined", sql`${table.status} <> 'declined' or ${table.declineReason} is not null`),
    check("pairings_active", sql`${table.status} not in ('active', 'closed') or ${table.agreementConfirmedAt} is null or ${table.startedAt} is not null`),
    check("pairings_closed", sql`(${table.status} = 'closed') = (${table.closedAt} is not null and ${table.closeReason} is not null and ${table.closeKind} is not null)`),
    check("pairings_duration", sql`${table.durationMonths} is null or ${table.durationMonths} between 1 and 36`),
    index("pairings_mentor_idx").on(table.mentorUserId, table.status),
    index("pairings_volunteer_idx").on(table.volunteerId, table.status),
    index("pairings_youth_idx").on(table.youthId, table.createdAt),
  ],
);

export type Pairing = typeof pairings.$inferSelect;
export type PairingStatus = (typeof pairingStatusEnum.enumValues)[number];

export const contactChannelEnum = pgEnum("contact_channel", ["meeting", "phone", "video", "message", "other"]);

/**
 * A contact the mentor logged: when (Copenhagen wall clock, stored as an instant), how long, how, and a short
 * note encrypted at rest. `after_hours` is decided when it is logged — after 17:00, before 07:00 or at a weekend
 * in Copenhagen — so the report counts what the mentor saw marked.
 */
export const pairingContacts = pgTable(
  "pairing_contacts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    pairingId: uuid("pairing_id")
      .notNull()
      .references(() => pairings.id, { onDelete: "cascade" }),
    loggedBy: uuid("logged_by").references(() => users.id, { onDelete: "set null" }),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    durationMinutes: smallint("duration_minutes").notNull(),
    channel: contactChannelEnum("channel").notNull(),
    noteEncrypted: text("note_encrypted"),
    afterHours: boolean("after_hours").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check("pairing_contacts_duration", sql`${table.durationMinutes} between 1 and 1440`),
    index("pairing_contacts_pairing_idx").on(table.pairingId, table.occurredAt),
  ],
);

export const checkInMoodEnum = pgEnum("check_in_mood", ["well", "mixed", "poorly"]);
export const checkInWithEnum = pgEnum("check_in_with", ["mentor", "youth", "both"]);
export const goodFitEnum = pgEnum("good_fit", ["yes", "unsure", "no"]);
export const escalationEnum = pgEnum("safety_escalation", ["team_lead", "social_services", "police", "other"]);

/**
 * A coordinator's check-in on a pairing: whom they spoke to, how it goes, progress on the goals, the safety
 * question (a yes needs where it was escalated and what happened), the next step, and — on the first check-in
 * after the kick-off — whether the pair is a good fit. Free text is encrypted: it is about the youth.
 */
export const pairingCheckIns = pgTable(
  "pairing_check_ins",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    pairingId: uuid("pairing_id")
      .notNull()
      .references(() => pairings.id, { onDelete: "cascade" }),
    recordedBy: uuid("recorded_by").references(() => users.id, { onDelete: "set null" }),
    heldOn: date("held_on", { mode: "string" }).notNull(),
    spokeWith: checkInWithEnum("spoke_with").notNull(),
    mood: checkInMoodEnum("mood").notNull(),
    progressEncrypted: text("progress_encrypted").notNull(),
    safetyConcern: boolean("safety_concern").notNull(),
    escalatedTo: escalationEnum("escalated_to"),
    safetyNoteEncrypted: text("safety_note_encrypted"),
    nextStep: text("next_step").notNull(),
    goodFit: goodFitEnum("good_fit"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check("pairing_check_ins_safety", sql`not ${table.safetyConcern} or (${table.escalatedTo} is not null and ${table.safetyNoteEncrypted} is not null)`),
    index("pairing_check_ins_pairing_idx").on(table.pairingId, table.heldOn),
  ],
);

export type PairingContact = typeof pairingContacts.$inferSelect;
export type PairingCheckIn = typeof pairingCheckIns.$inferSelect;
export type ContactChannel = (typeof contactChannelEnum.enumValues)[number];

/**
 * The mentor asks the coordinator for help: the words (encrypted), and when and by whom it was handled. While
 * any request of a pairing is unhandled, `pairings.help_requested_at` flags the pairing.
 */
export const pairingHelpRequests = pgTable(
  "pairing_help_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    pairingId: uuid("pairing_id")
      .notNull()
      .references(() => pairings.id, { onDelete: "cascade" }),
    requestedBy: uuid("requested_by").references(() => users.id, { onDelete: "set null" }),
    messageEncrypted: text("message_encrypted").notNull(),
    requestedAt: timestamp("requested_at", { withTimezone: true }).notNull().defaultNow(),
    handledAt: timestamp("handled_at", { withTimezone: true }),
    handledBy: uuid("handled_by").references(() => users.id, { onDelete: "set null" }),
  },
  (table) => [index("pairing_help_requests_pairing_idx").on(table.pairingId, table.requestedAt)],
);

export type PairingHelpRequest = typeof pairingHelpRequests.$inferSelect;
