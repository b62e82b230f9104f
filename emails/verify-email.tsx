import { Actions, ActionButton, EmailLayout, Greeting, Paragraph, PlainLink, type EmailBaseProps } from "./layout";
import type { EmailTemplate } from "./template";

export interface VerifyEmailProps {
  name: string;
  url: string;
}

function VerifyEmail({ t, locale, portalUrl, name, url }: VerifyEmailProps & EmailBaseProps) {
  return (
    <EmailLayout
      t={t}
      locale={locale}
      portalUrl={portalUrl}
      title={t("email.verifyEmail.subject")}
      preview={t("email.verifyEmail.preview")}
    >
      <Greeting t={t} name={name} />
      <Paragraph>{t("email.verifyEmail.body")}</Paragraph>
      <Actions>
        <ActionButton href={url} label={t("email.verifyEmail.action")} />
      </Actions>
      <Paragraph>{t("email.verifyEmail.expiry")}</Paragraph>
      <PlainLink href={url} label={t("email.layout.copyLink")} />
      <Paragraph>{t("email.verifyEmail.ignore")}</Paragraph>
    </EmailLayout>
  );
}

export const verifyEmail: EmailTemplate<VerifyEmailProps> = {
  subject: (t) => t("email.verifyEmail.subject"),
  Component: VerifyEmail,
};
