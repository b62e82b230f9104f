import type { MetaFunction } from "@remix-run/node";
import type { MessageKey } from "~/i18n/catalogue";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import { publicPageHeaders } from "~/http-cache";
import { Section, Items, WithEmail } from "~/components/layout/Prose";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "legal.privacy.title");

export const headers = publicPageHeaders;

const volunteerItems = [
  "legal.privacy.volunteers.item1",
  "legal.privacy.volunteers.item2",
  "legal.privacy.volunteers.item3",
  "legal.privacy.volunteers.item4",
  "legal.privacy.volunteers.item5",
  "legal.privacy.volunteers.item6",
] as const satisfies readonly MessageKey[];

const associationItems = [
  "legal.privacy.associations.item1",
  "legal.privacy.associations.item2",
  "legal.privacy.associations.item3",
] as const satisfies readonly MessageKey[];

const youthItems = [
  "legal.privacy.youths.item1",
  "legal.privacy.youths.item2",
  "legal.privacy.youths.item3",
  "legal.privacy.youths.item4",
] as const satisfies readonly MessageKey[];

const purposeItems = [
  "legal.privacy.purposes.item1",
  "legal.privacy.purposes.item2",
  "legal.privacy.purposes.item3",
  "legal.privacy.purposes.item4",
  "legal.privacy.purposes.item5",
] as const satisfies readonly MessageKey[];

const rightsItems = [
  "legal.privacy.rights.item1",
  "legal.privacy.rights.item2",
  "legal.privacy.rights.item3",
  "legal.privacy.rights.item4",
  "legal.privacy.rights.item5",
] as const satisfies readonly MessageKey[];

const cookieItems = [
  "legal.privacy.cookies.item1",
  "legal.privacy.cookies.item2",
] as const satisfies readonly MessageKey[];

export default function Privacy() {
  const t = useT();
  const email = t("legal.contactEmail");
  return (
    <div className="container">
      <div className="row">
        <div className="col-12 col-lg-8">
          <h1>{t("legal.privacy.title")}</h1>
          <p className="font-lead">{t("legal.privacy.intro")}</p>

          <Section id="dataansvarlig" title={t("legal.privacy.controller.title")}>
            <p>{t("legal.privacy.controller.text1")}</p>
            <p>
              <WithEmail text={t("legal.privacy.controller.text2")} email={email} />
            </p>
          </Section>

          <Section id="frivillige" title={t("legal.privacy.volunteers.title")}>
            <p>{t("legal.privacy.volunteers.intro")}</p>
            <Items keys={volunteerItems} />
          </Section>

          <Section id="foreninger" title={t("legal.privacy.associations.title")}>
            <p>{t("legal.privacy.associations.intro")}</p>
            <Items keys={associationItems} />
          </Section>

          <Section id="unge" title={t("legal.privacy.youths.title")}>
            <p>{t("legal.privacy.youths.intro")}</p>
            <Items keys={youthItems} />
            <p>{t("legal.privacy.youths.sharing")}</p>
          </Section>

          <Section id="formaal" title={t("legal.privacy.purposes.title")}>
            <p>{t("legal.privacy.purposes.intro")}</p>
            <Items keys={purposeItems} />
          </Section>

          <Section id="retsgrundlag" title={t("legal.privacy.legalBasis.title")}>
            <p>{t("legal.privacy.legalBasis.text1")}</p>
            <p>{t("legal.privacy.legalBasis.text2")}</p>
            <p>{t("legal.privacy.legalBasis.text3")}</p>
            <p>{t("legal.privacy.legalBasis.text4")}</p>
          </Section>

          <Section id="modtagere" title={t("legal.privacy.recipients.title")}>
            <p>{t("legal.privacy.recipients.text1")}</p>
            <p>{t("legal.privacy.recipients.text2")}</p>
            <p>{t("legal.privacy.recipients.text3")}</p>
          </Section>

          <Section id="opbevaring" title={t("legal.privacy.retention.title")}>
            <p>{t("legal.privacy.retention.text1")}</p>
            <p>{t("legal.privacy.retention.text2")}</p>
          </Section>

          <Section id="rettigheder" title={t("legal.privacy.rights.title")}>
            <p>
              <WithEmail text={t("legal.privacy.rights.intro")} email={email} />
            </p>
            <Items keys={rightsItems} />
            <p>{t("legal.privacy.rights.complaint")}</p>
          </Section>

          <Section id="cookies" title={t("legal.privacy.cookies.title")}>
            <p>{t("legal.privacy.cookies.intro")}</p>
            <Items keys={cookieItems} />
            <p>{t("legal.privacy.cookies.text")}</p>
          </Section>

          <Section id="databeskyttelsesraadgiver" title={t("legal.privacy.dpo.title")}>
            <p>
              <WithEmail text={t("legal.privacy.dpo.text")} email={email} />
            </p>
          </Section>
        </div>
      </div>
    </div>
  );
}



/** Renders a message containing "{email}" with the address as a mailto link. */
