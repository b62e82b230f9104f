import { Actions, ActionButton, EmailLayout, Greeting, Paragraph, PlainLink, type EmailBaseProps } from "./layout";
import type { EmailTemplate } from "./template";

export interface ApprovalExpiredProps {
  name: string;
  url: string;
}

function ApprovalExpired({ t, locale, portalUrl, name, url }: ApprovalExpiredProps & EmailBaseProps) {
  return (
    <EmailLayout
      t={t}
      locale={locale}
      portalUrl={portalUrl}
      title={t("email.approvalExpired.subject")}
      preview={t("email.approvalExpired.preview")}
    >
      <Greeting t={t} name={name} />
      <Paragraph>{t("email.approvalExpired.body")}</Paragraph>
      <Paragraph>{t("email.approvalExpired.next")}</Paragraph>
      <Actions>
        <ActionButton href={url} label={t("email.approvalExpired.action")} />
      </Actions>
      <PlainLink href={url} label={t("email.layout.copyLink")} />
    </EmailLayout>
  );
}

export const approvalExpired: EmailTemplate<ApprovalExpiredProps> = {
  subject: (t) => t("email.approvalExpired.subject"),
  Component: ApprovalExpired,
};
