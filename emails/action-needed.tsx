import { Actions, ActionButton, EmailLayout, Greeting, Paragraph, PlainLink, type EmailBaseProps } from "./layout";
import type { EmailTemplate } from "./template";

export interface ActionNeededProps {
  name: string;
  url: string;
}

function ActionNeeded({ t, locale, portalUrl, name, url }: ActionNeededProps & EmailBaseProps) {
  return (
    <EmailLayout
      t={t}
      locale={locale}
      portalUrl={portalUrl}
      title={t("email.actionNeeded.subject")}
      preview={t("email.actionNeeded.preview")}
    >
      <Greeting t={t} name={name} />
      <Paragraph>{t("email.actionNeeded.body")}</Paragraph>
      <Actions>
        <ActionButton href={url} label={t("email.actionNeeded.action")} />
      </Actions>
      <PlainLink href={url} label={t("email.layout.copyLink")} />
    </EmailLayout>
  );
}

export const actionNeeded: EmailTemplate<ActionNeededProps> = {
  subject: (t) => t("email.actionNeeded.subject"),
  Component: ActionNeeded,
};
