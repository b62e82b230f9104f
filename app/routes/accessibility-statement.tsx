import type { MetaFunction } from "@remix-run/node";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import { publicPageHeaders } from "~/http-cache";
import { Section, WithEmail } from "~/components/layout/Prose";

export const meta: MetaFunction = ({ matches }) =>
  pageTitle(matches, "legal.accessibility.title");

export const headers = publicPageHeaders;

export default function AccessibilityStatement() {
  const t = useT();
  const email = t("legal.contactEmail");
  return (
    <div className="container">
      <div className="row">
        <div className="col-12 col-lg-8">
          <h1>{t("legal.accessibility.title")}</h1>
          <p className="font-lead">{t("legal.accessibility.intro1")}</p>
          <p>{t("legal.accessibility.intro2")}</p>

          <Section id="erklaeringens-omfang" title={t("legal.accessibility.scope.title")}>
            <p>{t("legal.accessibility.scope.text")}</p>
          </Section>

          <Section id="overensstemmelsesstatus" title={t("legal.accessibility.status.title")}>
            <p>{t("legal.accessibility.status.text")}</p>
          </Section>

          <Section id="saadan-tester-vi" title={t("legal.accessibility.method.title")}>
            <p>{t("legal.accessibility.method.intro")}</p>
            <ul>
              <li>{t("legal.accessibility.method.item1")}</li>
              <li>{t("legal.accessibility.method.item2")}</li>
            </ul>
          </Section>

          <Section id="kendte-problemer" title={t("legal.accessibility.known.title")}>
            <p>{t("legal.accessibility.known.text")}</p>
          </Section>

          <Section id="feedback" title={t("legal.accessibility.feedback.title")}>
            <p>
              <WithEmail text={t("legal.accessibility.feedback.text1")} email={email} />
            </p>
            <p>{t("legal.accessibility.feedback.text2")}</p>
          </Section>

          <Section id="haandhaevelse" title={t("legal.accessibility.enforcement.title")}>
            <p>{t("legal.accessibility.enforcement.text1")}</p>
            <p>{t("legal.accessibility.enforcement.text2")}</p>
          </Section>

          <p className="mt-7">{t("legal.accessibility.date")}</p>
        </div>
      </div>
    </div>
  );
}


/** Renders a message containing "{email}" with the address as a mailto link. */
