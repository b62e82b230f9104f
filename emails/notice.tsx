import { Actions, ActionButton, EmailLayout, Greeting, Paragraph, PlainLink, type EmailBaseProps } from "./layout";
import type { EmailTemplate } from "./template";

export interface NoticeProps {
  name: string;
  url: string;
}

/**
 * Emails that tell someone what happened and what comes next, with a link into the portal; only the texts
 * differ. They say nothing about a young person: the details wait behind the login.
 */
type Notice = "applicationReceived" | "approvalExpired" | "pairingProposed" | "pairingAgreement" | "pairingAccepted" | "pairingDeclined" | "pairingHelpRequested" | "pairingClosed" | "taskProposalReceived" | "taskProposalAccepted" | "taskProposalDeclined" | "taskParticipationCompleted" | "taskParticipationCancelled" | "taskApproved" | "taskReturned" | "taskClosed" | "taskExpired";

export function notice(notice: Notice): EmailTemplate<NoticeProps> {
  function Notice({ t, locale, portalUrl, name, url }: NoticeProps & EmailBaseProps) {
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
  return { subject: (t) => t(`email.${notice}.subject`), Component: Notice };
}
