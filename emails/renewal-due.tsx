import { formatDate } from "~/i18n/format";
import { Actions, ActionButton, EmailLayout, Greeting, Paragraph, PlainLink, type EmailBaseProps } from "./layout";
import type { EmailTemplate } from "./template";

export interface RenewalDueProps {
  name: string;
  url: string;
  /** The approval's last day, YYYY-MM-DD. */
  approvedUntil: string;
}

function RenewalDue({ t, locale, portalUrl, name, url, approvedUntil }: RenewalDueProps & EmailBaseProps) {
  return (
    <EmailLayout
      t={t}
      locale={locale}
      portalUrl={portalUrl}
      title={t("email.renewalDue.subject")}
      preview={t("email.renewalDue.preview")}
    >
      <Greeting t={t} name={name} />
      <Paragraph>{t("email.renewalDue.body", { date: formatDate(locale, approvedUntil) })}</Paragraph>
      <Paragraph>{t("email.renewalDue.next")}</Paragraph>
      <Actions>
        <ActionButton href={url} label={t("email.renewalDue.action")} />
      </Actions>
      <PlainLink href={url} label={t("email.layout.copyLink")} />
    </EmailLayout>
  );
}

export const renewalDue: EmailTemplate<RenewalDueProps> = {
  subject: (t) => t("email.renewalDue.subject"),
  Component: RenewalDue,
};
