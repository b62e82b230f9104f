import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** Append-only: a trigger (migration 0001) refuses UPDATE and DELETE. */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
    /** No foreign key: the trail must outlive the accounts it mentions. */
    actorId: uuid("actor_id"),
    action: text("action").notNull(),
    subjectType: text("subject_type"),
    subjectId: text("subject_id"),
    requestId: text("request_id"),
    ip: text("ip"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
  },
  (table) => [
    index("audit_events_occurred_idx").on(table.occurredAt.desc(), table.id.desc()),
    index("audit_events_actor_idx").on(table.actorId, table.occurredAt.desc()),
    index("audit_events_subject_idx").on(table.subjectType, table.subjectId, table.occurredAt.desc()),
  ],
);

export type AuditEvent = typeof auditEvents.$inferSelect;
