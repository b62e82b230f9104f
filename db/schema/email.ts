import { index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

/** Where email goes when no provider is configured (development, demo): readable by admins in the portal. */
export const mailboxMessages = pgTable(
  "mailbox_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    idempotencyKey: text("idempotency_key").notNull(),
    to: text("to").notNull(),
    subject: text("subject").notNull(),
    html: text("html").notNull(),
    text: text("text").notNull(),
    template: text("template").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("mailbox_messages_idempotency_key").on(table.idempotencyKey),
    index("mailbox_messages_created_idx").on(table.createdAt.desc()),
    index("mailbox_messages_to_idx").on(table.to, table.createdAt.desc()),
  ],
);

export type MailboxMessage = typeof mailboxMessages.$inferSelect;
