import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Fragment } from "react";
import { pageTitle } from "~/i18n/meta";
import { useFormat, useT } from "~/i18n/react";
import { requirePermission } from "~/modules/auth/guards.server";
import { getMailboxMessage } from "~/modules/email/mailbox.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  data ? pageTitle(matches, "admin.mailbox.messageTitle", { subject: data.subject }) : pageTitle(matches, "admin.mailbox.title");

export async function loader(args: LoaderFunctionArgs) {
  await requirePermission(args, "read:mailbox:any");
  const message = await getMailboxMessage(args.context.db, args.params.messageId ?? "");
  if (!message) throw new Response("Not found", { status: 404 });
  // The HTML stays behind its own route with its own CSP; this page shows the plain text only.
  const { id, to, subject, template, text, createdAt } = message;
  // Names and types only: the files themselves are downloaded one at a time through their own route.
  const attachments = message.attachments.map(({ filename, contentType }) => ({ filename, contentType }));
  return { id, to, subject, template, text, createdAt, attachments };
}

type Part = { link: boolean; value: string };

// A candidate URL runs to the next whitespace or character that cannot end one in running text.
const urlPattern = /(https?:\/\/[^\s<>"']+)/i;
// Sentence punctuation after a link ("… her: https://x.dk/a.") belongs to the sentence, not the link.
const trailing = /[.,;:!?)\]}]+$/;

/** The text split into plain runs and http(s) links; anything else (javascript:, data:) stays plain text. */
function linkify(text: string): Part[] {
  const parts: Part[] = [];
  const push = (link: boolean, value: string) => {
    if (!value) return;
    const last = parts.at(-1);
    if (last && !last.link && !link) last.value += value;
    else parts.push({ link, value });
  };
  text.split(urlPattern).forEach((piece, index) => {
    if (index % 2 === 0) return push(false, piece);
    const tail = trailing.exec(piece)?.[0] ?? "";
    const candidate = piece.slice(0, piece.length - tail.length);
    push(isHttpUrl(candidate), candidate);
    push(false, tail);
  });
  return parts;
}

function isHttpUrl(value: string) {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

export default function AdminMailboxMessage() {
  const t = useT();
  const format = useFormat();
  const message = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to="/admin/mailbox" className="back-link">
          {t("admin.mailbox.back")}
        </Link>
      </p>
      <h1>{message.subject}</h1>
      <dl>
        <dt>{t("admin.mailbox.columns.to")}</dt>
        <dd>{message.to}</dd>
        <dt>{t("admin.mailbox.columns.time")}</dt>
        <dd>{format.dateTime(message.createdAt)}</dd>
        <dt>{t("admin.mailbox.columns.template")}</dt>
        <dd>
          <code>{message.template}</code>
        </dd>
      </dl>
      <p>
        {/* A resource route: a full page load, not a client-side navigation. */}
        <Link to={`/admin/mailbox/${message.id}/html`} reloadDocument>
          {t("admin.mailbox.viewHtml")}
        </Link>
      </p>
      {message.attachments.length > 0 ? (
        <>
          <h2>{t("admin.mailbox.attachmentsHeading")}</h2>
          <ul>
            {message.attachments.map((attachment, index) => (
              <li key={index}>
                <Link to={`/admin/mailbox/${message.id}/attachments/${index}`} reloadDocument download>
                  {t("admin.mailbox.downloadAttachment", { filename: attachment.filename })}
                </Link>{" "}
                <code>{attachment.contentType}</code>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>{t("admin.mailbox.textHeading")}</h2>
      <pre className="preformatted">
        {linkify(message.text).map((part, index) =>
          part.link ? (
            <a key={index} href={part.value} rel="noreferrer noopener">
              {part.value}
            </a>
          ) : (
            <Fragment key={index}>{part.value}</Fragment>
          ),
        )}
      </pre>
    </>
  );
}
