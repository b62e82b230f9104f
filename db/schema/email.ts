import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

/**
 * A file sent with an email. Only small text files (calendar invitations) are sent, so the content is kept
 * as UTF-8 text: readable in the database, and no base64 round trip until the provider needs one.
 */
export interface EmailAttachment {
  filename: string;
  contentType: string;
  content: string;
}

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
    attachments: jsonb("attachments").$type<EmailAttachment[]>().notNull().default([]),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("mailbox_messages_idempotency_key").on(table.idempotencyKey),
    index("mailbox_messages_created_idx").on(table.createdAt.desc()),
    index("mailbox_messages_to_idx").on(table.to, table.createdAt.desc()),
  ],
);

export type MailboxMessage = typeof mailboxMessages.$inferSelect;
