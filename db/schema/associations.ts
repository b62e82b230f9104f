import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, pgEnum, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { pairings } from "./pairings";
import { youths } from "./youths";

export const associationKindEnum = pgEnum("association_kind", ["sports", "culture", "humanitarian", "scouting", "church", "other"]);
/** pending → approved, or rejected; an approved association can be suspended (and approved again). */
export const associationStatusEnum = pgEnum("association_status", ["pending", "approved", "rejected", "suspended"]);

/**
 * A local association in Ungenetværket. Its contact people are users with the association role, linked in
 * `association_members`; a coordinator approves it before its tasks can be published.
 */
export const associations = pgTable(
  "associations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    kind: associationKindEnum("kind").notNull(),
    /** The Danish business register number, eight digits, when the association has one. */
    cvr: text("cvr"),
    town: text("town").notNull(),
    address: text("address").notNull(),
    website: text("website"),
    description: text("description").notNull(),
    status: associationStatusEnum("status").notNull().default("pending"),
    /** A coordinator lets a trusted association publish its tasks without approving each one. */
    publishesDirectly: boolean("publishes_directly").notNull().default(false),
    decisionNote: text("decision_note"),
    decidedBy: uuid("decided_by").references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check("associations_cvr", sql`${table.cvr} is null or ${table.cvr} ~ '^[0-9]{8}$'`),
    index("associations_status_idx").on(table.status, table.createdAt),
  ],
);

/** The association's contact people: a user belongs to at most one association. */
export const associationMembers = pgTable(
  "association_members",
  {
    associationId: uuid("association_id")
      .notNull()
      .references(() => associations.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.associationId, table.userId] }), uniqueIndex("association_members_user_key").on(table.userId)],
);

/** An invitation to a second contact person: a link with a token (only its hash is kept), used once. */
export const associationInvites = pgTable(
  "association_invites",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: uuid("association_id")
      .notNull()
      .references(() => associations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    email: text("email").notNull(),
    tokenHash: text("token_hash").notNull(),
    invitedBy: uuid("invited_by").references(() => users.id, { onDelete: "set null" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    acceptedBy: uuid("accepted_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex("association_invites_token_key").on(table.tokenHash), index("association_invites_association_idx").on(table.associationId)],
);

export const taskCategoryEnum = pgEnum("task_category", ["sport", "culture", "shop", "nature", "children", "practical", "social", "other"]);
/** draft → awaiting approval → open → filled / closed / expired; a trusted association skips the approval. */
export const taskStatusEnum = pgEnum("task_status", ["draft", "awaiting_approval", "open", "filled", "closed", "expired"]);
export const taskScheduleEnum = pgEnum("task_schedule", ["one_off", "recurring", "flexible"]);

/**
 * A volunteer task an association offers young people. `places_taken` counts the active participations (a
 * completed or cancelled one frees its place); it is kept under a lock on the task's row and cannot pass `places`.
 */
export const associationTasks = pgTable(
  "association_tasks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: uuid("association_id")
      .notNull()
      .references(() => associations.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    description: text("description").notNull(),
    category: taskCategoryEnum("category").notNull(),
    town: text("town").notNull(),
    address: text("address").notNull(),
    schedule: taskScheduleEnum("schedule").notNull(),
    /** A one-off task's start and end. */
    startsAt: timestamp("starts_at", { withTimezone: true }),
    endsAt: timestamp("ends_at", { withTimezone: true }),
    /** A recurring task's rhythm in words, e.g. "tirsdage kl. 17–19". */
    recurrence: text("recurrence"),
    /** Whether the task happens in the day, the evening, or both: for the list's filter. */
    daytime: boolean("daytime").notNull().default(false),
    evening: boolean("evening").notNull().default(false),
    places: smallint("places").notNull(),
    placesTaken: smallint("places_taken").notNull().default(0),
    minutesPerOccasion: smallint("minutes_per_occasion").notNull(),
    minimumAge: smallint("minimum_age").notNull(),
    contactName: text("contact_name").notNull(),
    contactPhone: text("contact_phone"),
    contactEmail: text("contact_email"),
    expiresOn: date("expires_on", { mode: "string" }).notNull(),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    /** The task involves children under 15: the association must obtain a børneattest for participants aged 15+. */
    involvesChildren: boolean("involves_children").notNull().default(false),
    status: taskStatusEnum("status").notNull().default("draft"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    approvedBy: uuid("approved_by").references(() => users.id, { onDelete: "set null" }),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check("association_tasks_places", sql`${table.places} between 1 and 500 and ${table.placesTaken} between 0 and ${table.places}`),
    check("association_tasks_schedule", sql`${table.schedule} <> 'one_off' or (${table.startsAt} is not null and ${table.endsAt} is not null and ${table.endsAt} > ${table.startsAt})`),
    check("association_tasks_recurrence", sql`${table.schedule} <> 'recurring' or ${table.recurrence} is not null`),
    check("association_tasks_minutes", sql`${table.minutesPerOccasion} between 5 and 1440`),
    check("association_tasks_age", sql`${table.minimumAge} between 13 and 30`),
    index("association_tasks_association_idx").on(table.associationId, table.status),
    // The public list: open and full tasks, by town or all, newest first.
    index("association_tasks_visible_idx")
      .on(table.town, table.publishedAt, table.id)
      .where(sql`${table.status} in ('open', 'filled')`),
    index("association_tasks_visible_recent_idx")
      .on(table.publishedAt, table.id)
      .where(sql`${table.status} in ('open', 'filled')`),
    index("association_tasks_tags_idx").using("gin", table.tags),
  ],
);

/**
 * proposed (by a coordinator, or by the youth's mentor for their own pairing) → accepted by the association
 * (active; it takes a place) → completed with the hours the association confirms; or declined by the
 * association, withdrawn by the proposer, or cancelled after it started.
 */
export const participationStatusEnum = pgEnum("participation_status", ["proposed", "active", "completed", "declined", "withdrawn", "cancelled"]);

export const taskParticipations = pgTable(
  "task_participations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    taskId: uuid("task_id")
      .notNull()
      .references(() => associationTasks.id, { onDelete: "cascade" }),
    youthId: uuid("youth_id")
      .notNull()
      .references(() => youths.id, { onDelete: "cascade" }),
    /** Set when the youth's mentor proposed, for their own pairing. */
    pairingId: uuid("pairing_id").references(() => pairings.id, { onDelete: "set null" }),
    proposedBy: uuid("proposed_by").references(() => users.id, { onDelete: "set null" }),
    proposedAt: timestamp("proposed_at", { withTimezone: true }).notNull().defaultNow(),
    /** The proposer's words to the association: what the association may know about the youth. */
    note: text("note").notNull(),
    /** How the association reaches the youth: through the coordinator or the mentor, unless a coordinator adds more. */
    contactArrangement: text("contact_arrangement").notNull(),
    status: participationStatusEnum("status").notNull().default("proposed"),
    answeredBy: uuid("answered_by").references(() => users.id, { onDelete: "set null" }),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    declineReason: text("decline_reason"),
    /** Hours the association confirms, in quarter hours. */
    confirmedMinutes: integer("confirmed_minutes"),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    completedBy: uuid("completed_by").references(() => users.id, { onDelete: "set null" }),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    // One open proposal or participation per youth and task.
    uniqueIndex("task_participations_open_key")
      .on(table.taskId, table.youthId)
      .where(sql`${table.status} in ('proposed', 'active')`),
    check("task_participations_declined", sql`${table.status} <> 'declined' or ${table.declineReason} is not null`),
    check("task_participations_completed", sql`(${table.status} = 'completed') = (${table.confirmedMinutes} is not null)`),
    check("task_participations_minutes", sql`${table.confirmedMinutes} is null or ${table.confirmedMinutes} between 0 and 100000`),
    index("task_participations_task_idx").on(table.taskId, table.status),
    index("task_participations_youth_idx").on(table.youthId, table.proposedAt),
  ],
);

export type Association = typeof associations.$inferSelect;
export type AssociationTask = typeof associationTasks.$inferSelect;
export type TaskParticipation = typeof taskParticipations.$inferSelect;
export type AssociationStatus = (typeof associationStatusEnum.enumValues)[number];
export type TaskStatus = (typeof taskStatusEnum.enumValues)[number];
export type ParticipationStatus = (typeof participationStatusEnum.enumValues)[number];
