import { formatDate, formatLongDateTime } from "~/i18n/format";
import { Actions, ActionButton, EmailLayout, Greeting, Paragraph, PlainLink, type EmailBaseProps } from "./layout";
import type { EmailTemplate } from "./template";

export interface CourseOfferedProps {
  name: string;
  courseTitle: string;
  /** ISO 8601 instants; shown in Copenhagen time. */
  startsAt: string;
  /** When the held seat passes to the next person on the waiting list. */
  expiresAt: string;
  /** The session's page, where the offer is accepted. */
  url: string;
}

function CourseOffered(props: CourseOfferedProps & EmailBaseProps) {
  const { t, locale, portalUrl, name, courseTitle, startsAt, expiresAt, url } = props;
  const expires = formatLongDateTime(locale, expiresAt);
  return (
    <EmailLayout
      t={t}
      locale={locale}
      portalUrl={portalUrl}
      title={courseOffered.subject(t, props, locale)}
      preview={t("email.courseOffered.preview", { expires })}
    >
      <Greeting t={t} name={name} />
      <Paragraph>
        {t("email.courseOffered.body", { courseTitle, time: formatLongDateTime(locale, startsAt) })}
      </Paragraph>
      <Paragraph>{t("email.courseOffered.held", { expires })}</Paragraph>
      <Paragraph>{t("email.courseOffered.accept")}</Paragraph>
      <Actions>
        <ActionButton href={url} label={t("email.courseOffered.action")} />
      </Actions>
      <PlainLink href={url} label={t("email.layout.copyLink")} />
    </EmailLayout>
  );
}

export const courseOffered: EmailTemplate<CourseOfferedProps> = {
  subject: (t, { courseTitle, startsAt }, locale) =>
    t("email.courseOffered.subject", { courseTitle, date: formatDate(locale, startsAt) }),
  Component: CourseOffered,
};
