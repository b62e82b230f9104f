import { Actions, ActionButton, EmailLayout, Greeting, Paragraph, PlainLink, type EmailBaseProps } from "./layout";
import type { EmailTemplate } from "./template";

export interface ApplicationNoticeProps {
  name: string;
  url: string;
}

/** Emails that tell a volunteer what happened and what comes next, with a link to "Min ansøgning"; only the texts differ. */
type Notice = "applicationReceived" | "approvalExpired";

export function applicationNotice(notice: Notice): EmailTemplate<ApplicationNoticeProps> {
  function ApplicationNotice({ t, locale, portalUrl, name, url }: ApplicationNoticeProps & EmailBaseProps) {
    return (
      <EmailLayout
        t={t}
        locale={locale}
        portalUrl={portalUrl}
        title={t(`email.${notice}.subject`)}
        preview={t(`email.${notice}.preview`)}
      >
        <Greeting t={t} name={name} />
        <Paragraph>{t(`email.${notice}.body`)}</Paragraph>
        <Paragraph>{t(`email.${notice}.next`)}</Paragraph>
        <Actions>
          <ActionButton href={url} label={t(`email.${notice}.action`)} />
        </Actions>
        <PlainLink href={url} label={t("email.layout.copyLink")} />
      </EmailLayout>
    );
  }
  return { subject: (t) => t(`email.${notice}.subject`), Component: ApplicationNotice };
}
