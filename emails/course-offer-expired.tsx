import { formatDate, formatLongDateTime } from "~/i18n/format";
import { Actions, ActionButton, EmailLayout, Greeting, Paragraph, PlainLink, type EmailBaseProps } from "./layout";
import type { EmailTemplate } from "./template";

export interface CourseOfferExpiredProps {
  name: string;
  courseTitle: string;
  /** ISO 8601 instant; shown in Copenhagen time. */
  startsAt: string;
  /** The session's page. */
  url: string;
}

function CourseOfferExpired(props: CourseOfferExpiredProps & EmailBaseProps) {
  const { t, locale, portalUrl, name, courseTitle, startsAt, url } = props;
  return (
    <EmailLayout
      t={t}
      locale={locale}
      portalUrl={portalUrl}
      title={courseOfferExpired.subject(t, props, locale)}
      preview={t("email.courseOfferExpired.preview")}
    >
      <Greeting t={t} name={name} />
      <Paragraph>
        {t("email.courseOfferExpired.body", { courseTitle, time: formatLongDateTime(locale, startsAt) })}
      </Paragraph>
      <Paragraph>{t("email.courseOfferExpired.next")}</Paragraph>
      <Actions>
        <ActionButton href={url} label={t("email.courseOfferExpired.action")} />
      </Actions>
      <PlainLink href={url} label={t("email.layout.copyLink")} />
    </EmailLayout>
  );
}

export const courseOfferExpired: EmailTemplate<CourseOfferExpiredProps> = {
  subject: (t, { courseTitle, startsAt }, locale) =>
    t("email.courseOfferExpired.subject", { courseTitle, date: formatDate(locale, startsAt) }),
  Component: CourseOfferExpired,
};
