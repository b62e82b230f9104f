import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgEnum, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
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
    mentorExitNote: text("mentor_exit_note"),
    rematchWanted: boolean("rematch_wanted"),
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
