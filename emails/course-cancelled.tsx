import { formatDate, formatLongDateTime } from "~/i18n/format";
import { Actions, ActionButton, EmailLayout, Greeting, Paragraph, PlainLink, type EmailBaseProps } from "./layout";
import type { EmailTemplate } from "./template";

/** Who ended the booking, as the volunteer should hear it: by themselves, a coordinator, or the whole session. */
export type CourseCancellationReason = "by_you" | "by_coordinator" | "session_cancelled";

export interface CourseCancelledProps {
  name: string;
  courseTitle: string;
  /** ISO 8601 instant; shown in Copenhagen time. */
  startsAt: string;
  reason: CourseCancellationReason;
  /** The session's page. */
  url: string;
}

function CourseCancelled(props: CourseCancelledProps & EmailBaseProps) {
  const { t, locale, portalUrl, name, courseTitle, startsAt, reason, url } = props;
  return (
    <EmailLayout
      t={t}
      locale={locale}
      portalUrl={portalUrl}
      title={courseCancelled.subject(t, props, locale)}
      preview={t(`email.courseCancelled.preview.${reason}`)}
    >
      <Greeting t={t} name={name} />
      <Paragraph>
        {t(`email.courseCancelled.body.${reason}`, { courseTitle, time: formatLongDateTime(locale, startsAt) })}
      </Paragraph>
      <Paragraph>{t(`email.courseCancelled.next.${reason}`)}</Paragraph>
      <Actions>
        <ActionButton href={url} label={t("email.courseCancelled.action")} />
      </Actions>
      <PlainLink href={url} label={t("email.layout.copyLink")} />
    </EmailLayout>
  );
}

export const courseCancelled: EmailTemplate<CourseCancelledProps> = {
  subject: (t, { courseTitle, startsAt, reason }, locale) =>
    t(`email.courseCancelled.subject.${reason}`, { courseTitle, date: formatDate(locale, startsAt) }),
  Component: CourseCancelled,
};
