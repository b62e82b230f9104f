import { Resend, type Attachment } from "resend";
import type { Database } from "#db/client.server";
import { mailboxMessages, type EmailAttachment } from "#db/schema";
import { isEmailTemplateName, renderEmail } from "#emails/index";
import type { Env } from "~/env.server";
import type { Logger } from "~/logger.server";
import type { EmailJob } from "./queue.server";

/** Resend reads a string as base64, so the UTF-8 text is encoded here rather than sent as it is. */
function toResendAttachment({ filename, contentType, content }: EmailAttachment): Attachment {
  return { filename, contentType, content: Buffer.from(content, "utf8").toString("base64") };
}

export interface DeliverEmailDeps {
  db: Database;
  env: Env;
  log: Logger;
}

/**
 * Sends one queued email: through Resend when an API key is configured, otherwise into the local mailbox.
 * Both paths are keyed by the job id, so a job that pg-boss retries never produces a second email.
 * Throws on any failure so that pg-boss retries the job.
 */
export async function deliverEmail(deps: DeliverEmailDeps, jobId: string, job: EmailJob): Promise<void> {
  const { db, env, log } = deps;
  // The job arrived as JSON from the queue: an unknown template is a programming error worth failing loudly.
  if (!isEmailTemplateName(job.template)) throw new Error(`Email job ${jobId} names an unknown template`);
  const idempotencyKey = `mentorbro-email/${jobId}`;
  const { subject, html, text } = await renderEmail(job.template, job.props, job.locale, { portalUrl: env.APP_URL });
  // Only the template and job id are logged: addresses, bodies and their links (tokens) stay out of logs.
  const context = { template: job.template, jobId };
  const attachments = job.attachments ?? [];

  if (env.RESEND_API_KEY) {
    // An undefined baseUrl lets the SDK fall back to process.env.RESEND_BASE_URL, then api.resend.com.
    const resend = new Resend(env.RESEND_API_KEY, { baseUrl: env.RESEND_BASE_URL });
    const { data, error } = await resend.emails.send(
      {
        from: env.EMAIL_FROM,
        to: job.to,
        subject,
        html,
        text,
        attachments: attachments.length > 0 ? attachments.map(toResendAttachment) : undefined,
      },
      { idempotencyKey },
    );
    if (error) {
      // Resend's message can quote the recipient, so only its name and status travel on.
      const status = error.statusCode ?? "no response";
      log.warn({ ...context, resendError: error.name, status }, "email provider refused the message");
      throw new Error(`Resend did not accept email job ${jobId}: ${error.name} (${status})`);
    }
    log.info({ ...context, providerId: data.id }, "email sent");
    return;
  }

  const stored = await db
    .insert(mailboxMessages)
    .values({ idempotencyKey, to: job.to, subject, html, text, template: job.template, attachments })
    .onConflictDoNothing({ target: mailboxMessages.idempotencyKey })
    .returning({ id: mailboxMessages.id });
  log.info({ ...context, duplicate: stored.length === 0 }, "email stored in local mailbox");
}
