import { Body, Button, Container, Head, Hr, Html, Link, Preview, Section, Text } from "@react-email/components";
import type { CSSProperties, ReactNode } from "react";
import type { Translate } from "~/i18n/catalogue";
import type { Locale } from "~/i18n/locales";

/** What every template receives besides its own props. */
export interface EmailBaseProps {
  t: Translate;
  locale: Locale;
  /** The portal's address for the footer link; without it the footer names the portal without a link. */
  portalUrl?: string;
}

// Inline styles only: many mail clients drop <style> blocks. Colours follow Det Fælles Designsystem.
const colours = { text: "#1a1a1a", muted: "#545454", primary: "#0059b3", border: "#bfbfbf", page: "#f5f5f5" };
const font = '"IBM Plex Sans", Arial, Helvetica, sans-serif';

const styles = {
  body: { backgroundColor: colours.page, fontFamily: font, color: colours.text, margin: 0, padding: "24px 0" },
  container: { backgroundColor: "#ffffff", border: `1px solid ${colours.border}`, maxWidth: "560px", padding: "32px" },
  portal: { fontSize: "22px", fontWeight: 600, margin: 0 },
  municipality: { fontSize: "14px", color: colours.muted, margin: "4px 0 0" },
  paragraph: { fontSize: "16px", lineHeight: "24px", margin: "16px 0" },
  button: {
    backgroundColor: colours.primary,
    color: "#ffffff",
    fontSize: "16px",
    fontWeight: 600,
    textDecoration: "none",
    borderRadius: "4px",
    padding: "12px 20px",
    display: "inline-block",
    margin: "0 12px 8px 0",
  },
  secondaryButton: {
    backgroundColor: "#ffffff",
    color: colours.primary,
    border: `2px solid ${colours.primary}`,
    fontSize: "16px",
    fontWeight: 600,
    textDecoration: "none",
    borderRadius: "4px",
    padding: "10px 18px",
    display: "inline-block",
    margin: "0 12px 8px 0",
  },
  actions: { margin: "24px 0" },
  fallback: { fontSize: "14px", lineHeight: "20px", color: colours.muted, margin: "16px 0 4px" },
  url: { fontSize: "14px", lineHeight: "20px", color: colours.primary, wordBreak: "break-all", margin: "0 0 16px" },
  hr: { borderColor: colours.border, margin: "32px 0 16px" },
  footer: { fontSize: "13px", lineHeight: "20px", color: colours.muted, margin: "4px 0" },
} satisfies Record<string, CSSProperties>;

export function EmailLayout({
  t,
  locale,
  portalUrl,
  title,
  preview,
  children,
}: EmailBaseProps & { title: string; preview: string; children: ReactNode }) {
  const portalName = t("common.portalName");
  return (
    <Html lang={locale}>
      <Head>
        <title>{title}</title>
      </Head>
      <Preview>{preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Section>
            <Text style={styles.portal}>{portalName}</Text>
            <Text style={styles.municipality}>{`${t("common.municipality")} · ${t("common.unit")}`}</Text>
          </Section>
          {children}
          <Text style={styles.paragraph}>
            {t("email.layout.signOff")}
            <br />
            {t("email.layout.sender")}
          </Text>
          <Hr style={styles.hr} />
          <Text style={styles.footer}>{t("email.layout.automatic")}</Text>
          <Text style={styles.footer}>{t("email.layout.noSensitive")}</Text>
          {portalUrl ? (
            <Text style={styles.footer}>
              <Link href={portalUrl} style={{ color: colours.primary }}>
                {t("email.layout.portalLink")}
              </Link>
            </Text>
          ) : null}
        </Container>
      </Body>
    </Html>
  );
}

export function Paragraph({ children }: { children: string }) {
  return <Text style={styles.paragraph}>{children}</Text>;
}

export function Greeting({ t, name }: { t: Translate; name: string }) {
  return <Paragraph>{t("email.layout.greeting", { name })}</Paragraph>;
}

/**
 * A clickable button. It is left out of the plain-text version, where `PlainLink` below it carries the
 * address instead (a button label without its address is useless in plain text).
 */
export function ActionButton({
  href,
  label,
  variant = "primary",
}: {
  href: string;
  label: string;
  variant?: "primary" | "secondary";
}) {
  return (
    <Button href={href} style={variant === "primary" ? styles.button : styles.secondaryButton} data-skip-in-text="true">
      {label}
    </Button>
  );
}

export function Actions({ children }: { children: ReactNode }) {
  return <Section style={styles.actions}>{children}</Section>;
}

/** The address written out, for mail clients that block buttons and for the plain-text version. */
export function PlainLink({ href, label }: { href: string; label: string }) {
  return (
    <>
      <Text style={styles.fallback}>{label}</Text>
      <Text style={styles.url}>
        <Link href={href} style={{ color: colours.primary }}>
          {href}
        </Link>
      </Text>
    </>
  );
}
