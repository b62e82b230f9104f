import { formatDate, formatLongDateTime, formatNumber } from "~/i18n/format";
import { Actions, ActionButton, EmailLayout, Greeting, Paragraph, PlainLink, type EmailBaseProps } from "./layout";
import type { EmailTemplate } from "./template";

export interface CourseWaitlistedProps {
  name: string;
  courseTitle: string;
  /** ISO 8601 instant; shown in Copenhagen time. */
  startsAt: string;
  /** 1 is next in line. */
  position: number;
  /** The session's page. */
  url: string;
}

function CourseWaitlisted(props: CourseWaitlistedProps & EmailBaseProps) {
  const { t, locale, portalUrl, name, courseTitle, startsAt, url } = props;
  const position = formatNumber(locale, props.position);
  return (
    <EmailLayout
      t={t}
      locale={locale}
      portalUrl={portalUrl}
      title={courseWaitlisted.subject(t, props, locale)}
      preview={t("email.courseWaitlisted.preview", { position })}
    >
      <Greeting t={t} name={name} />
      <Paragraph>
        {t("email.courseWaitlisted.body", { courseTitle, time: formatLongDateTime(locale, startsAt) })}
      </Paragraph>
      <Paragraph>{t("email.courseWaitlisted.position", { position })}</Paragraph>
      <Paragraph>{t("email.courseWaitlisted.next")}</Paragraph>
      <Actions>
        <ActionButton href={url} label={t("email.courseWaitlisted.action")} />
      </Actions>
      <PlainLink href={url} label={t("email.layout.copyLink")} />
    </EmailLayout>
  );
}

export const courseWaitlisted: EmailTemplate<CourseWaitlistedProps> = {
  subject: (t, { courseTitle, startsAt }, locale) =>
    t("email.courseWaitlisted.subject", { courseTitle, date: formatDate(locale, startsAt) }),
  Component: CourseWaitlisted,
};
