import { Actions, ActionButton, EmailLayout, Greeting, Paragraph, PlainLink, type EmailBaseProps } from "./layout";
import type { EmailTemplate } from "./template";

export interface ApplicationReceivedProps {
  name: string;
  url: string;
}

function ApplicationReceived({ t, locale, portalUrl, name, url }: ApplicationReceivedProps & EmailBaseProps) {
  return (
    <EmailLayout
      t={t}
      locale={locale}
      portalUrl={portalUrl}
      title={t("email.applicationReceived.subject")}
      preview={t("email.applicationReceived.preview")}
    >
      <Greeting t={t} name={name} />
      <Paragraph>{t("email.applicationReceived.body")}</Paragraph>
      <Paragraph>{t("email.applicationReceived.next")}</Paragraph>
      <Actions>
        <ActionButton href={url} label={t("email.applicationReceived.action")} />
      </Actions>
      <PlainLink href={url} label={t("email.layout.copyLink")} />
    </EmailLayout>
  );
}

export const applicationReceived: EmailTemplate<ApplicationReceivedProps> = {
  subject: (t) => t("email.applicationReceived.subject"),
  Component: ApplicationReceived,
};
