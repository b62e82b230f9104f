import { EmailLayout, Greeting, Paragraph, type EmailBaseProps } from "./layout";
import type { EmailTemplate } from "./template";

export interface EmailChangeRequestedProps {
  name: string;
  newEmail: string;
}

// Goes to the old address, so that a hijacked session cannot move the account away unnoticed.
function EmailChangeRequested({ t, locale, portalUrl, name, newEmail }: EmailChangeRequestedProps & EmailBaseProps) {
  return (
    <EmailLayout
      t={t}
      locale={locale}
      portalUrl={portalUrl}
      title={t("email.emailChangeRequested.subject")}
      preview={t("email.emailChangeRequested.preview")}
    >
      <Greeting t={t} name={name} />
      <Paragraph>{t("email.emailChangeRequested.body", { newEmail })}</Paragraph>
      <Paragraph>{t("email.emailChangeRequested.pending")}</Paragraph>
      <Paragraph>{t("email.emailChangeRequested.notYou")}</Paragraph>
    </EmailLayout>
  );
}

export const emailChangeRequested: EmailTemplate<EmailChangeRequestedProps> = {
  subject: (t) => t("email.emailChangeRequested.subject"),
  Component: EmailChangeRequested,
};
