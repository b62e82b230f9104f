import { Actions, ActionButton, EmailLayout, Greeting, Paragraph, PlainLink, type EmailBaseProps } from "./layout";
import type { EmailTemplate } from "./template";

export interface AccountExistsProps {
  name: string;
  loginUrl: string;
  resetUrl: string;
}

// Sent instead of a verification email when the address already has an account, so that the sign-up form
// itself never reveals which addresses are registered.
function AccountExists({ t, locale, portalUrl, name, loginUrl, resetUrl }: AccountExistsProps & EmailBaseProps) {
  return (
    <EmailLayout
      t={t}
      locale={locale}
      portalUrl={portalUrl}
      title={t("email.accountExists.subject")}
      preview={t("email.accountExists.preview")}
    >
      <Greeting t={t} name={name} />
      <Paragraph>{t("email.accountExists.body")}</Paragraph>
      <Paragraph>{t("email.accountExists.ifYou")}</Paragraph>
      <Actions>
        <ActionButton href={loginUrl} label={t("email.accountExists.login")} />
        <ActionButton href={resetUrl} label={t("email.accountExists.reset")} variant="secondary" />
      </Actions>
      <PlainLink href={loginUrl} label={t("email.accountExists.loginLink")} />
      <PlainLink href={resetUrl} label={t("email.accountExists.resetLink")} />
      <Paragraph>{t("email.accountExists.ignore")}</Paragraph>
    </EmailLayout>
  );
}

export const accountExists: EmailTemplate<AccountExistsProps> = {
  subject: (t) => t("email.accountExists.subject"),
  Component: AccountExists,
};
