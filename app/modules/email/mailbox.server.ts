import { count, desc, eq } from "drizzle-orm";
import type { Database } from "#db/client.server";
import { mailboxMessages, type EmailAttachment, type MailboxMessage } from "#db/schema";

export interface MailboxQuery {
  /** 1-based. */
  page: number;
  size: number;
  /** Exact recipient address. */
  to?: string;
}

export type MailboxRow = Pick<MailboxMessage, "id" | "to" | "subject" | "template" | "createdAt">;

const maxPageSize = 100;

/** The local mailbox (no email provider configured), newest first, one page at a time. */
export async function listMailbox(db: Database, query: MailboxQuery): Promise<{ rows: MailboxRow[]; total: number }> {
  // Callers validate the URL; clamping again keeps a bad caller from asking for the whole table.
  const size = Math.min(Math.max(Math.trunc(query.size) || 1, 1), maxPageSize);
  const page = Math.max(Math.trunc(query.page) || 1, 1);
  const to = query.to?.trim();
  const where = to ? eq(mailboxMessages.to, to) : undefined;

  const [rows, totals] = await Promise.all([
    db
      .select({
        id: mailboxMessages.id,
        to: mailboxMessages.to,
        subject: mailboxMessages.subject,
        template: mailboxMessages.template,
        createdAt: mailboxMessages.createdAt,
      })
      .from(mailboxMessages)
      .where(where)
      // The id breaks ties between messages stored in the same transaction, so pages never overlap.
      .orderBy(desc(mailboxMessages.createdAt), desc(mailboxMessages.id))
      .limit(size)
      .offset((page - 1) * size),
    db.select({ total: count() }).from(mailboxMessages).where(where),
  ]);
  return { rows, total: totals[0]?.total ?? 0 };
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One message with its body; null for an unknown or malformed id (PostgreSQL would reject a non-uuid). */
export async function getMailboxMessage(db: Database, id: string): Promise<MailboxMessage | null> {
  if (!uuidPattern.test(id)) return null;
  const [message] = await db.select().from(mailboxMessages).where(eq(mailboxMessages.id, id)).limit(1);
  return message ?? null;
}

/**
 * One file sent with a stored message, by its position in the message's list; null for an unknown message
 * or position. Positions are stable: a stored message is never changed.
 */
export async function getMailboxAttachment(
  db: Database,
  messageId: string,
  index: number,
): Promise<EmailAttachment | null> {
  if (!uuidPattern.test(messageId) || !Number.isSafeInteger(index) || index < 0) return null;
  const [message] = await db
    .select({ attachments: mailboxMessages.attachments })
    .from(mailboxMessages)
    .where(eq(mailboxMessages.id, messageId))
    .limit(1);
  return message?.attachments[index] ?? null;
}
