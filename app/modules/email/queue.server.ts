import type { Database } from "#db/client.server";
import type { EmailAttachment } from "#db/schema";
import type { EmailProps, EmailTemplateName } from "#emails/index";
import type { Locale } from "~/i18n/locales";
import type { JobQueue } from "~/jobs.server";

export interface EmailJob<T extends EmailTemplateName = EmailTemplateName> {
  to: string;
  locale: Locale;
  template: T;
  props: EmailProps<T>;
  /**
   * Files sent with the email, e.g. a course's calendar invitation. The job travels through the queue as
   * JSON, so the content is text; keep it small (pg-boss stores the whole job in a row).
   */
  attachments?: EmailAttachment[];
}

/**
 * Queues an email inside the caller's transaction: it is sent if, and only if, the write it belongs to
 * commits. Pass the transaction as `db`.
 */
export async function queueEmail<T extends EmailTemplateName>(jobs: JobQueue, db: Database, job: EmailJob<T>) {
  await jobs.send(db, "email", job);
}
