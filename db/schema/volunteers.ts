import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./auth";

export const mentorKindEnum = pgEnum("mentor_kind", ["business", "civil_society", "company"]);
/** A person's gender where matching needs it; "unspecified" when they would rather not say. */
export const genderEnum = pgEnum("gender", ["female", "male", "other", "unspecified"]);
/** A wish about the other person's gender in a pairing. */
export const genderPreferenceEnum = pgEnum("gender_preference", ["any", "female", "male"]);
export const volunteerStatusEnum = pgEnum("volunteer_status", [
  "draft",
  "submitted",
  "approved",
  "paused",
  "rejected",
  "withdrawn",
  "expired",
]);
/** Declaration order is the checklist's order: `next_step` is the first required step not yet done. */
export const vettingStepEnum = pgEnum("vetting_step", ["interview", "references", "criminal_record", "code_of_conduct", "training"]);
export const checkStateEnum = pgEnum("check_state", ["pending", "passed", "failed", "waived"]);
export const rejectionReasonEnum = pgEnum("rejection_reason", [
  "not_eligible",
  "references",
  "criminal_record",
  "interview",
  "capacity",
  "other",
]);
export const attestResultEnum = pgEnum("attest_result", ["ok", "not_ok", "not_required"]);
export const referenceOutcomeEnum = pgEnum("reference_outcome", ["positive", "negative", "unreachable"]);

/**
 * One row per volunteer (user). The application's answers live in `answers` (validated by the module's
 * zod schema); what lists filter and sort on is copied into real columns. The checklist columns are kept
 * by the module so the pipeline can sort by progress without counting checks per row.
 */
export const volunteers = pgTable(
  "volunteers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: mentorKindEnum("kind").notNull(),
    status: volunteerStatusEnum("status").notNull().default("draft"),
    answers: jsonb("answers").$type<Record<string, unknown>>().notNull().default({}),
    town: text("town"),
    afterHoursReachable: boolean("after_hours_reachable").notNull().default(false),
    capacity: smallint("capacity"),
    /** Matching reads these copies of the answers (interest tags, language codes, availability slots). */
    interests: text("interests").array().notNull().default(sql`'{}'::text[]`),
    languages: text("languages").array().notNull().default(sql`'{}'::text[]`),
    availability: text("availability").array().notNull().default(sql`'{}'::text[]`),
    ageMin: smallint("age_min"),
    ageMax: smallint("age_max"),
    gender: genderEnum("gender").notNull().default("unspecified"),
    youthGenderPreference: genderPreferenceEnum("youth_gender_preference").notNull().default("any"),
    /** Proposals and pairings open now (proposed, accepted, active), kept by the pairing commands under a row lock. */
    openPairings: integer("open_pairings").notNull().default(0),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decidedBy: uuid("decided_by").references(() => users.id, { onDelete: "set null" }),
    rejectionReason: rejectionReasonEnum("rejection_reason"),
    /** AES-256-GCM (app/modules/crypto): the coordinator's internal note on the decision. */
    decisionNoteEncrypted: text("decision_note_encrypted"),
    approvedUntil: date("approved_until", { mode: "string" }),
    renewalNotifiedAt: timestamp("renewal_notified_at", { withTimezone: true }),
    responsibleCoordinatorId: uuid("responsible_coordinator_id").references(() => users.id, { onDelete: "set null" }),
    checksPassed: integer("checks_passed").notNull().default(0),
    checksRequired: integer("checks_required").notNull().default(0),
    nextStep: vettingStepEnum("next_step"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique("volunteers_user_key").on(table.userId),
    check("volunteers_capacity_range", sql`${table.capacity} between 1 and 3`),
    check("volunteers_submitted_at", sql`${table.status} in ('draft', 'withdrawn') or ${table.submittedAt} is not null`),
    check("volunteers_approved_until", sql`${table.status} not in ('approved', 'paused') or ${table.approvedUntil} is not null`),
    check("volunteers_rejection_reason", sql`(${table.status} = 'rejected') = (${table.rejectionReason} is not null)`),
    check("volunteers_checks_range", sql`${table.checksPassed} between 0 and ${table.checksRequired}`),
    // A mentor is never given more young people than they said they can take.
    check("volunteers_open_pairings", sql`${table.openPairings} between 0 and coalesce(${table.capacity}, 0)`),
    index("volunteers_status_submitted_idx").on(table.status, table.submittedAt, table.id),
    index("volunteers_kind_idx").on(table.kind, table.status),
    index("volunteers_town_idx").on(sql`lower(${table.town})`, table.id),
    index("volunteers_coordinator_idx").on(table.responsibleCoordinatorId, table.status),
    index("volunteers_approved_until_idx").on(table.approvedUntil).where(sql`${table.status} in ('approved', 'paused')`),
    index("volunteers_progress_idx").on(table.status, table.checksPassed, table.checksRequired),
    // Covers everything the suggestions rank by (suggestions.server.ts), so ranking every approved mentor reads
    // this index alone instead of the wide rows with their answers (drizzle has no INCLUDE: all are keys).
    index("volunteers_matchable_idx")
      .on(
        table.openPairings,
        table.id,
        table.capacity,
        table.kind,
        table.town,
        table.afterHoursReachable,
        table.ageMin,
        table.ageMax,
        table.youthGenderPreference,
        table.interests,
        table.languages,
        table.availability,
      )
      .where(sql`${table.status} = 'approved'`),
  ],
);

export const volunteerReferences = pgTable(
  "volunteer_references",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    volunteerId: uuid("volunteer_id")
      .notNull()
      .references(() => volunteers.id, { onDelete: "cascade" }),
    position: smallint("position").notNull(),
    name: text("name").notNull(),
    relation: text("relation").notNull(),
    phone: text("phone"),
    email: text("email"),
    outcome: referenceOutcomeEnum("outcome"),
    /** AES-256-GCM: what the reference said. */
    noteEncrypted: text("note_encrypted"),
    checkedBy: uuid("checked_by").references(() => users.id, { onDelete: "set null" }),
    checkedAt: timestamp("checked_at", { withTimezone: true }),
  },
  (table) => [
    unique("volunteer_references_position_key").on(table.volunteerId, table.position),
    check("volunteer_references_position_range", sql`${table.position} >= 1`),
    check("volunteer_references_contact", sql`${table.phone} is not null or ${table.email} is not null`),
    check("volunteer_references_checked", sql`(${table.outcome} is null) = (${table.checkedAt} is null)`),
  ],
);

/** Non-sensitive structure of a check, e.g. the attest's result and renewal date. Never the document. */
export interface CheckDetails {
  attestResult?: (typeof attestResultEnum.enumValues)[number];
  assessedOn?: string;
  renewalDate?: string;
  outcome?: "passed" | "failed";
  /** The training step when course attendance ticked it: which required courses were attended. */
  attendedCourseIds?: string[];
}

export const vettingChecks = pgTable(
  "vetting_checks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    volunteerId: uuid("volunteer_id")
      .notNull()
      .references(() => volunteers.id, { onDelete: "cascade" }),
    step: vettingStepEnum("step").notNull(),
    state: checkStateEnum("state").notNull().default("pending"),
    doneBy: uuid("done_by").references(() => users.id, { onDelete: "set null" }),
    doneAt: timestamp("done_at", { withTimezone: true }),
    /** AES-256-GCM: interview notes (JSON of the structured fields) or the coordinator's note. */
    noteEncrypted: text("note_encrypted"),
    waiverReason: text("waiver_reason"),
    details: jsonb("details").$type<CheckDetails>().notNull().default({}),
  },
  (table) => [
    unique("vetting_checks_step_key").on(table.volunteerId, table.step),
    // Who may be proposed (eligibleMentor): the suggestions test this for every approved mentor.
    index("vetting_checks_trained_idx").on(table.volunteerId).where(sql`${table.step} = 'training' and ${table.state} in ('passed', 'waived')`),
    check(
      "vetting_checks_waiver_reason",
      sql`(${table.state} = 'waived') = (${table.waiverReason} is not null and length(trim(${table.waiverReason})) > 0)`,
    ),
  ],
);

/** The admin's vetting policy, one row per mentor kind (seeded by migration 0006). */
export const vettingPolicies = pgTable(
  "vetting_policies",
  {
    kind: mentorKindEnum("kind").primaryKey(),
    requiredSteps: vettingStepEnum("required_steps").array().notNull(),
    referencesRequired: integer("references_required").notNull().default(2),
    attestRenewalMonths: integer("attest_renewal_months").notNull().default(24),
    /** Courses that tick the training step; no courses table yet, so no foreign key. */
    requiredCourseIds: uuid("required_course_ids").array().notNull().default(sql`'{}'::uuid[]`),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check("vetting_policies_references", sql`${table.referencesRequired} between 0 and 5`),
    check("vetting_policies_renewal", sql`${table.attestRenewalMonths} > 0`),
  ],
);

/** Portal-wide switches an admin may change (seeded by migration 0006). */
export const appSettings = pgTable("app_settings", {
  key: text("key").primaryKey(),
  value: jsonb("value").$type<unknown>().notNull(),
  updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** A coordinator's message to a volunteer; the email only says there is one. */
export const volunteerMessages = pgTable(
  "volunteer_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    volunteerId: uuid("volunteer_id")
      .notNull()
      .references(() => volunteers.id, { onDelete: "cascade" }),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (table) => [index("volunteer_messages_volunteer_idx").on(table.volunteerId, table.createdAt.desc())],
);

export type Volunteer = typeof volunteers.$inferSelect;
export type NewVolunteer = typeof volunteers.$inferInsert;
export type VolunteerReference = typeof volunteerReferences.$inferSelect;
export type VettingCheck = typeof vettingChecks.$inferSelect;
export type VettingPolicy = typeof vettingPolicies.$inferSelect;
export type VolunteerMessage = typeof volunteerMessages.$inferSelect;
export type MentorKind = (typeof mentorKindEnum.enumValues)[number];
export type VolunteerStatus = (typeof volunteerStatusEnum.enumValues)[number];
export type VettingStep = (typeof vettingStepEnum.enumValues)[number];
export type CheckState = (typeof checkStateEnum.enumValues)[number];
export type RejectionReason = (typeof rejectionReasonEnum.enumValues)[number];
export type AttestResult = (typeof attestResultEnum.enumValues)[number];
export type ReferenceOutcome = (typeof referenceOutcomeEnum.enumValues)[number];
