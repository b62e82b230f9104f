import { sql } from "drizzle-orm";
import { boolean, check, date, index, pgEnum, pgTable, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { genderEnum, genderPreferenceEnum, mentorKindEnum } from "./volunteers";

export const youthStatusEnum = pgEnum("youth_status", ["intake", "ready", "matched", "closed"]);
export const referralSourceEnum = pgEnum("referral_source", ["job_centre", "youth_unit", "self", "other"]);
export const youthGoalEnum = pgEnum("youth_goal", ["job", "education", "everyday_life", "social"]);
/** How a youth's course ended: the categories of the evaluation report's table 2.2. Open while null. */
export const youthOutcomeEnum = pgEnum("youth_outcome", [
  "ordinary_employment",
  "flex_job",
  "early_retirement",
  "education_fgu",
  "education_stu",
  "education_eud",
  "education_hf",
  "education_other",
  "public_support",
  "other",
]);

/**
 * A young person's record, kept by coordinators only (the youth does not log in). What a mentor may see is
 * `shared_summary`, which the youth approved; the sensitive notes are encrypted at rest and for staff only.
 */
export const youths = pgTable(
  "youths",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    firstName: text("first_name").notNull(),
    lastName: text("last_name").notNull(),
    birthYear: smallint("birth_year").notNull(),
    /** For a mentor's wish about whom they mentor; "unspecified" when the youth would rather not say. */
    gender: genderEnum("gender").notNull().default("unspecified"),
    town: text("town").notNull(),
    phone: text("phone"),
    email: text("email"),
    referralSource: referralSourceEnum("referral_source").notNull(),
    responsibleCoordinatorId: uuid("responsible_coordinator_id").references(() => users.id, { onDelete: "set null" }),
    /** The legal basis or consent the record rests on: when, what it covers, who recorded it. */
    consentDate: date("consent_date", { mode: "string" }).notNull(),
    consentScope: text("consent_scope").notNull(),
    consentRecordedBy: uuid("consent_recorded_by").references(() => users.id, { onDelete: "set null" }),
    interests: text("interests").array().notNull().default(sql`'{}'::text[]`),
    goals: youthGoalEnum("goals").array().notNull().default(sql`'{}'::youth_goal[]`),
    goalsOwnWords: text("goals_own_words"),
    languages: text("languages").array().notNull().default(sql`'{}'::text[]`),
    /** The same weekly grid as mentors': `mon:evening`, `weekend:daytime`, … */
    availability: text("availability").array().notNull().default(sql`'{}'::text[]`),
    afterHoursSupport: boolean("after_hours_support").notNull().default(false),
    preferredMentorGender: genderPreferenceEnum("preferred_mentor_gender").notNull().default("any"),
    preferredMentorKind: mentorKindEnum("preferred_mentor_kind"),
    /** What the youth agreed to share with a mentor, in their own approved words. */
    sharedSummary: text("shared_summary").notNull().default(""),
    /** Diagnoses, substance use and other sensitive notes: one AES-256-GCM value, coordinators only. */
    sensitiveNotesEncrypted: text("sensitive_notes_encrypted"),
    status: youthStatusEnum("status").notNull().default("intake"),
    /** Since when the youth has waited for a mentor (ready for matching), for the list's waiting time. */
    readySince: timestamp("ready_since", { withTimezone: true }),
    outcome: youthOutcomeEnum("outcome"),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check("youths_birth_year", sql`${table.birthYear} between 1900 and 2100`),
    check("youths_ready_since", sql`${table.status} <> 'ready' or ${table.readySince} is not null`),
    check("youths_closed", sql`(${table.status} = 'closed') = (${table.closedAt} is not null and ${table.outcome} is not null)`),
    index("youths_status_idx").on(table.status, table.readySince, table.id),
    // The list's default order across every status: longest waiting first, then the rest.
    index("youths_waiting_idx").on(table.readySince, table.id),
    index("youths_coordinator_idx").on(table.responsibleCoordinatorId, table.status),
    index("youths_after_hours_idx").on(table.afterHoursSupport, table.status),
    index("youths_name_idx").using("gin", sql`(lower(${table.firstName} || ' ' || ${table.lastName})) gin_trgm_ops`),
  ],
);

export type Youth = typeof youths.$inferSelect;
export type YouthStatus = (typeof youthStatusEnum.enumValues)[number];
export type YouthOutcome = (typeof youthOutcomeEnum.enumValues)[number];
export type YouthGoal = (typeof youthGoalEnum.enumValues)[number];
