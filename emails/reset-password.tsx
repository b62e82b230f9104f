import { Actions, ActionButton, EmailLayout, Greeting, Paragraph, PlainLink, type EmailBaseProps } from "./layout";
import type { EmailTemplate } from "./template";

export interface ResetPasswordProps {
  name: string;
  url: string;
}

function ResetPassword({ t, locale, portalUrl, name, url }: ResetPasswordProps & EmailBaseProps) {
  return (
    <EmailLayout
      t={t}
      locale={locale}
      portalUrl={portalUrl}
      title={t("email.resetPassword.subject")}
      preview={t("email.resetPassword.preview")}
    >
      <Greeting t={t} name={name} />
      <Paragraph>{t("email.resetPassword.body")}</Paragraph>
      <Actions>
        <ActionButton href={url} label={t("email.resetPassword.action")} />
      </Actions>
      <Paragraph>{t("email.resetPassword.expiry")}</Paragraph>
      <PlainLink href={url} label={t("email.layout.copyLink")} />
      <Paragraph>{t("email.resetPassword.ignore")}</Paragraph>
    </EmailLayout>
  );
}

export const resetPassword: EmailTemplate<ResetPasswordProps> = {
  subject: (t) => t("email.resetPassword.subject"),
  Component: ResetPassword,
};
