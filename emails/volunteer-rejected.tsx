import type { RejectionReason } from "~/modules/volunteers/types";
import { Actions, ActionButton, EmailLayout, Greeting, Paragraph, PlainLink, type EmailBaseProps } from "./layout";
import type { EmailTemplate } from "./template";

export interface VolunteerRejectedProps {
  name: string;
  url: string;
  /** The reason's category only: the internal note never leaves the portal. */
  reason: RejectionReason;
}

function VolunteerRejected({ t, locale, portalUrl, name, url, reason }: VolunteerRejectedProps & EmailBaseProps) {
  return (
    <EmailLayout
      t={t}
      locale={locale}
      portalUrl={portalUrl}
      title={t("email.volunteerRejected.subject")}
      preview={t("email.volunteerRejected.preview")}
    >
      <Greeting t={t} name={name} />
      <Paragraph>{t("email.volunteerRejected.body")}</Paragraph>
      <Paragraph>{t("email.volunteerRejected.reason", { reason: t(`email.volunteerRejected.reasons.${reason}`) })}</Paragraph>
      <Paragraph>{t("email.volunteerRejected.questions")}</Paragraph>
      <Actions>
        <ActionButton href={url} label={t("email.volunteerRejected.action")} />
      </Actions>
      <PlainLink href={url} label={t("email.layout.copyLink")} />
    </EmailLayout>
  );
}

export const volunteerRejected: EmailTemplate<VolunteerRejectedProps> = {
  subject: (t) => t("email.volunteerRejected.subject"),
  Component: VolunteerRejected,
};
