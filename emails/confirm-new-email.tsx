import { Actions, ActionButton, EmailLayout, Greeting, Paragraph, PlainLink, type EmailBaseProps } from "./layout";
import type { EmailTemplate } from "./template";

export interface ConfirmNewEmailProps {
  name: string;
  url: string;
}

function ConfirmNewEmail({ t, locale, portalUrl, name, url }: ConfirmNewEmailProps & EmailBaseProps) {
  return (
    <EmailLayout
      t={t}
      locale={locale}
      portalUrl={portalUrl}
      title={t("email.confirmNewEmail.subject")}
      preview={t("email.confirmNewEmail.preview")}
    >
      <Greeting t={t} name={name} />
      <Paragraph>{t("email.confirmNewEmail.body")}</Paragraph>
      <Actions>
        <ActionButton href={url} label={t("email.confirmNewEmail.action")} />
      </Actions>
      <Paragraph>{t("email.confirmNewEmail.expiry")}</Paragraph>
      <PlainLink href={url} label={t("email.layout.copyLink")} />
      <Paragraph>{t("email.confirmNewEmail.ignore")}</Paragraph>
    </EmailLayout>
  );
}

export const confirmNewEmail: EmailTemplate<ConfirmNewEmailProps> = {
  subject: (t) => t("email.confirmNewEmail.subject"),
  Component: ConfirmNewEmail,
};
