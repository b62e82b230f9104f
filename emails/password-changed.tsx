import { EmailLayout, Greeting, Paragraph, type EmailBaseProps } from "./layout";
import type { EmailTemplate } from "./template";

export interface PasswordChangedProps {
  name: string;
}

function PasswordChanged({ t, locale, portalUrl, name }: PasswordChangedProps & EmailBaseProps) {
  return (
    <EmailLayout
      t={t}
      locale={locale}
      portalUrl={portalUrl}
      title={t("email.passwordChanged.subject")}
      preview={t("email.passwordChanged.preview")}
    >
      <Greeting t={t} name={name} />
      <Paragraph>{t("email.passwordChanged.body")}</Paragraph>
      <Paragraph>{t("email.passwordChanged.sessions")}</Paragraph>
      <Paragraph>{t("email.passwordChanged.notYou")}</Paragraph>
    </EmailLayout>
  );
}

export const passwordChanged: EmailTemplate<PasswordChangedProps> = {
  subject: (t) => t("email.passwordChanged.subject"),
  Component: PasswordChanged,
};
