import type { Database } from "#db/client.server";
import type { EmailProps, EmailTemplateName } from "#emails/index";
import type { Locale } from "~/i18n/locales";
import type { JobQueue } from "~/jobs.server";

export interface EmailJob<T extends EmailTemplateName = EmailTemplateName> {
  to: string;
  locale: Locale;
  template: T;
  props: EmailProps<T>;
}

/**
 * Queues an email inside the caller's transaction: it is sent if, and only if, the write it belongs to
 * commits. Pass the transaction as `db`.
 */
export async function queueEmail<T extends EmailTemplateName>(jobs: JobQueue, db: Database, job: EmailJob<T>) {
  await jobs.send(db, "email", job);
}
