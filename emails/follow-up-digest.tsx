import { Link, Section, Text } from "@react-email/components";
import type { Translate } from "~/i18n/catalogue";
import { formatDate } from "~/i18n/format";
import type { Locale } from "~/i18n/locales";
import { Actions, ActionButton, EmailLayout, Greeting, Paragraph, PlainLink, type EmailBaseProps } from "./layout";
import type { EmailTemplate } from "./template";

/** What the digest says about one pairing: never more than the schedule's facts; the rest waits in the portal. */
export type DigestReason = { kind: "check_in"; due: string; overdueDays: number } | { kind: "quiet"; days: number } | { kind: "flagged" };

export interface DigestItem {
  /** The youth's first name and last initial ("Sara N."). */
  youth: string;
  /** The mentor's first name. */
  mentor: string;
  reasons: DigestReason[];
  /** The pairing's follow-up page in the portal. */
  url: string;
}

export interface FollowUpDigestProps {
  name: string;
  /** The Copenhagen date of the digest, YYYY-MM-DD. */
  date: string;
  items: DigestItem[];
  /** Pairings that need follow-up but are left out of the list to keep the email short. */
  more: number;
  /** The coordinator's start page, which lists them all. */
  startUrl: string;
}

const item = { margin: "0 0 16px", paddingLeft: "12px", borderLeft: "4px solid #0059b3" };
const line = { fontSize: "16px", lineHeight: "24px", margin: "0" };

function reasonText(t: Translate, locale: Locale, reason: DigestReason) {
  if (reason.kind === "flagged") return t("followUp.email.flagged");
  if (reason.kind === "quiet") return t("followUp.reasons.quiet", { days: reason.days });
  return t(reason.overdueDays === 1 ? "followUp.reasons.checkInOverdueOne" : "followUp.reasons.checkInOverdue", {
    date: formatDate(locale, reason.due),
    days: reason.overdueDays,
  });
}

function count(props: Pick<FollowUpDigestProps, "items" | "more">) {
  return props.items.length + props.more;
}

function FollowUpDigest(props: FollowUpDigestProps & EmailBaseProps) {
  const { t, locale, portalUrl, name, items, more, startUrl } = props;
  return (
    <EmailLayout t={t} locale={locale} portalUrl={portalUrl} title={followUpDigest.subject(t, props, locale)} preview={t("followUp.email.preview")}>
      <Greeting t={t} name={name} />
      <Paragraph>{t("followUp.email.intro")}</Paragraph>
      <Section>
        {items.map((pairing) => (
          <Section key={pairing.url} style={item}>
            <Text style={line}>
              <Link href={pairing.url} style={{ color: "#0059b3", fontWeight: 600 }}>
                {t("followUp.email.pairing", { youth: pairing.youth, mentor: pairing.mentor })}
              </Link>
            </Text>
            {pairing.reasons.map((reason) => (
              <Text key={reason.kind} style={line}>
                {reasonText(t, locale, reason)}
              </Text>
            ))}
          </Section>
        ))}
      </Section>
      {more > 0 ? <Paragraph>{t(more === 1 ? "followUp.email.moreOne" : "followUp.email.more", { count: more })}</Paragraph> : null}
      <Paragraph>{t("followUp.email.why")}</Paragraph>
      <Actions>
        <ActionButton href={startUrl} label={t("followUp.email.action")} />
      </Actions>
      <PlainLink href={startUrl} label={t("email.layout.copyLink")} />
    </EmailLayout>
  );
}

export const followUpDigest: EmailTemplate<FollowUpDigestProps> = {
  subject: (t, props) => (count(props) === 1 ? t("followUp.email.subjectOne") : t("followUp.email.subject", { count: count(props) })),
  Component: FollowUpDigest,
};
