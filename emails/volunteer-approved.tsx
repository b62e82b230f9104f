import { formatDate } from "~/i18n/format";
import { Actions, ActionButton, EmailLayout, Greeting, Paragraph, PlainLink, type EmailBaseProps } from "./layout";
import type { EmailTemplate } from "./template";

export interface VolunteerApprovedProps {
  name: string;
  url: string;
  /** The approval's last day, YYYY-MM-DD. */
  approvedUntil: string;
}

function VolunteerApproved({ t, locale, portalUrl, name, url, approvedUntil }: VolunteerApprovedProps & EmailBaseProps) {
  return (
    <EmailLayout
      t={t}
      locale={locale}
      portalUrl={portalUrl}
      title={t("email.volunteerApproved.subject")}
      preview={t("email.volunteerApproved.preview")}
    >
      <Greeting t={t} name={name} />
      <Paragraph>{t("email.volunteerApproved.body")}</Paragraph>
      <Paragraph>{t("email.volunteerApproved.next")}</Paragraph>
      <Paragraph>{t("email.volunteerApproved.until", { date: formatDate(locale, approvedUntil) })}</Paragraph>
      <Actions>
        <ActionButton href={url} label={t("email.volunteerApproved.action")} />
      </Actions>
      <PlainLink href={url} label={t("email.layout.copyLink")} />
    </EmailLayout>
  );
}

export const volunteerApproved: EmailTemplate<VolunteerApprovedProps> = {
  subject: (t) => t("email.volunteerApproved.subject"),
  Component: VolunteerApproved,
};
