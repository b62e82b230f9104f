import { formatDate, formatLongDateTimeRange, formatTime } from "~/i18n/format";
import { Actions, ActionButton, EmailLayout, Greeting, Paragraph, PlainLink, type EmailBaseProps } from "./layout";
import type { EmailTemplate } from "./template";

export interface CourseReminderProps {
  name: string;
  courseTitle: string;
  /** ISO 8601 instants; shown in Copenhagen time. */
  startsAt: string;
  endsAt: string;
  /** The address, or the caller's wording for an online session. */
  place: string;
  /** The session's page. */
  url: string;
  /** "today" on the morning of the session (the subject then names the time), "soon" a few days before. */
  when: "soon" | "today";
}

function CourseReminder(props: CourseReminderProps & EmailBaseProps) {
  const { t, locale, portalUrl, name, courseTitle, startsAt, endsAt, place, url, when } = props;
  return (
    <EmailLayout
      t={t}
      locale={locale}
      portalUrl={portalUrl}
      title={courseReminder.subject(t, props, locale)}
      preview={t(`email.courseReminder.preview.${when}`)}
    >
      <Greeting t={t} name={name} />
      <Paragraph>{t(`email.courseReminder.body.${when}`, { courseTitle })}</Paragraph>
      <Paragraph>{t("email.course.when", { time: formatLongDateTimeRange(locale, startsAt, endsAt) })}</Paragraph>
      <Paragraph>{t("email.course.where", { place })}</Paragraph>
      <Paragraph>{t("email.courseReminder.cancel")}</Paragraph>
      <Actions>
        <ActionButton href={url} label={t("email.courseReminder.action")} />
      </Actions>
      <PlainLink href={url} label={t("email.layout.copyLink")} />
    </EmailLayout>
  );
}

export const courseReminder: EmailTemplate<CourseReminderProps> = {
  subject: (t, { courseTitle, startsAt, when }, locale) =>
    when === "today"
      ? t("email.courseReminder.subject.today", { courseTitle, time: formatTime(locale, startsAt) })
      : t("email.courseReminder.subject.soon", { courseTitle, date: formatDate(locale, startsAt) }),
  Component: CourseReminder,
};
