import { Actions, ActionButton, EmailLayout, Greeting, Paragraph, PlainLink, type EmailBaseProps } from "./layout";
import type { EmailTemplate } from "./template";

export interface AssociationRegisteredProps {
  name: string;
  associationName: string;
  url: string;
}

/** To the contact person who registered an association: it is received, and what happens before it can post tasks. */
function AssociationRegistered({ t, locale, portalUrl, name, associationName, url }: AssociationRegisteredProps & EmailBaseProps) {
  return (
    <EmailLayout t={t} locale={locale} portalUrl={portalUrl} title={t("email.associationRegistered.subject")} preview={t("email.associationRegistered.preview")}>
      <Greeting t={t} name={name} />
      <Paragraph>{t("email.associationRegistered.body", { association: associationName })}</Paragraph>
      <Paragraph>{t("email.associationRegistered.verify")}</Paragraph>
      <Paragraph>{t("email.associationRegistered.next")}</Paragraph>
      <Actions>
        <ActionButton href={url} label={t("email.associationRegistered.action")} />
      </Actions>
      <PlainLink href={url} label={t("email.layout.copyLink")} />
    </EmailLayout>
  );
}

export const associationRegistered: EmailTemplate<AssociationRegisteredProps> = {
  subject: (t) => t("email.associationRegistered.subject"),
  Component: AssociationRegistered,
};

export interface AssociationInviteProps {
  /** The invited person's name, as the inviter wrote it. */
  name: string;
  associationName: string;
  inviterName: string;
  url: string;
}

/** An invitation to become the association's second contact person: a link to create a user, valid for 7 days. */
function AssociationInvite({ t, locale, portalUrl, name, associationName, inviterName, url }: AssociationInviteProps & EmailBaseProps) {
  return (
    <EmailLayout
      t={t}
      locale={locale}
      portalUrl={portalUrl}
      title={t("email.associationInvite.subject", { association: associationName })}
      preview={t("email.associationInvite.preview", { inviter: inviterName })}
    >
      <Greeting t={t} name={name} />
      <Paragraph>{t("email.associationInvite.body", { inviter: inviterName, association: associationName })}</Paragraph>
      <Paragraph>{t("email.associationInvite.next")}</Paragraph>
      <Actions>
        <ActionButton href={url} label={t("email.associationInvite.action")} />
      </Actions>
      <PlainLink href={url} label={t("email.layout.copyLink")} />
      <Paragraph>{t("email.associationInvite.expiry")}</Paragraph>
      <Paragraph>{t("email.associationInvite.ignore")}</Paragraph>
    </EmailLayout>
  );
}

export const associationInvite: EmailTemplate<AssociationInviteProps> = {
  subject: (t, props) => t("email.associationInvite.subject", { association: props.associationName }),
  Component: AssociationInvite,
};

export type AssociationDecision = "approved" | "rejected" | "suspended" | "reinstated";

export interface AssociationDecisionProps {
  name: string;
  associationName: string;
  decision: AssociationDecision;
  /** The coordinator's words to the association; always given for a rejection or suspension. */
  note: string | null;
  url: string;
}

/** A coordinator's decision on the association, to each of its contact people, with the coordinator's note. */
function AssociationDecisionNotice({ t, locale, portalUrl, name, associationName, decision, note, url }: AssociationDecisionProps & EmailBaseProps) {
  return (
    <EmailLayout
      t={t}
      locale={locale}
      portalUrl={portalUrl}
      title={t(`email.associationDecision.subject.${decision}`, { association: associationName })}
      preview={t(`email.associationDecision.preview.${decision}`)}
    >
      <Greeting t={t} name={name} />
      <Paragraph>{t(`email.associationDecision.body.${decision}`, { association: associationName })}</Paragraph>
      {note ? <Paragraph>{t("email.associationDecision.note", { note })}</Paragraph> : null}
      <Paragraph>{t(`email.associationDecision.next.${decision}`)}</Paragraph>
      <Actions>
        <ActionButton href={url} label={t("email.associationDecision.action")} />
      </Actions>
      <PlainLink href={url} label={t("email.layout.copyLink")} />
    </EmailLayout>
  );
}

export const associationDecision: EmailTemplate<AssociationDecisionProps> = {
  subject: (t, props) => t(`email.associationDecision.subject.${props.decision}`, { association: props.associationName }),
  Component: AssociationDecisionNotice,
};
