import { formatDate, formatLongDateTimeRange } from "~/i18n/format";
import { Actions, ActionButton, EmailLayout, Greeting, Paragraph, PlainLink, type EmailBaseProps } from "./layout";
import type { EmailTemplate } from "./template";

export interface CourseBookedProps {
  name: string;
  courseTitle: string;
  /** ISO 8601 instants; shown in Copenhagen time. */
  startsAt: string;
  endsAt: string;
  /** The address, or the caller's wording for an online session. */
  place: string;
  /** The session's page, where the booking can be cancelled. */
  url: string;
}

// The caller attaches the session's calendar file (~/modules/courses/ics), which the body mentions.
function CourseBooked(props: CourseBookedProps & EmailBaseProps) {
  const { t, locale, portalUrl, name, courseTitle, startsAt, endsAt, place, url } = props;
  return (
    <EmailLayout
      t={t}
      locale={locale}
      portalUrl={portalUrl}
      title={courseBooked.subject(t, props, locale)}
      preview={t("email.courseBooked.preview", { courseTitle })}
    >
      <Greeting t={t} name={name} />
      <Paragraph>{t("email.courseBooked.body", { courseTitle })}</Paragraph>
      <Paragraph>{t("email.course.when", { time: formatLongDateTimeRange(locale, startsAt, endsAt) })}</Paragraph>
      <Paragraph>{t("email.course.where", { place })}</Paragraph>
      <Paragraph>{t("email.courseBooked.calendar")}</Paragraph>
      <Paragraph>{t("email.courseBooked.cancel")}</Paragraph>
      <Actions>
        <ActionButton href={url} label={t("email.courseBooked.action")} />
      </Actions>
      <PlainLink href={url} label={t("email.layout.copyLink")} />
    </EmailLayout>
  );
}

export const courseBooked: EmailTemplate<CourseBookedProps> = {
  subject: (t, { courseTitle, startsAt }, locale) =>
    t("email.courseBooked.subject", { courseTitle, date: formatDate(locale, startsAt) }),
  Component: CourseBooked,
};
