import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { MessageKey } from "~/i18n/catalogue";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import { publicPageHeaders } from "~/http-cache";
import { Section } from "~/components/layout/Prose";
import { mentorKinds, type MentorKind } from "~/modules/volunteers/types";

/** Each kind's URL segment and the branch of the `mentorKinds` catalogue that holds its copy. */
const pages = {
  business: { segment: "business", messages: "business" },
  civil_society: { segment: "civil-society", messages: "civilSociety" },
  company: { segment: "company", messages: "company" },
} as const satisfies Record<MentorKind, { segment: string; messages: string }>;

export function loader({ params }: Pick<LoaderFunctionArgs, "params">) {
  const kind = mentorKinds.find((candidate) => pages[candidate].segment === params.kind);
  if (!kind) throw new Response("Not found", { status: 404 });
  return { kind };
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  data
    ? pageTitle(matches, `mentorKinds.${pages[data.kind].messages}.title`)
    : pageTitle(matches, "errors.notFound.title");

export const headers = publicPageHeaders;

const roleParagraphs = ["p1", "p2", "p3"] as const;
const timeParagraphs = ["p1", "p2", "p3"] as const;

const hardItems = [
  "mentorKinds.common.hard.item1",
  "mentorKinds.common.hard.item2",
  "mentorKinds.common.hard.item3",
  "mentorKinds.common.hard.item4",
] as const satisfies readonly MessageKey[];

const supportItems = [
  "mentorKinds.common.support.item1",
  "mentorKinds.common.support.item2",
  "mentorKinds.common.support.item3",
  "mentorKinds.common.support.item4",
] as const satisfies readonly MessageKey[];

const eligibilityItems = [
  "mentorKinds.common.eligibility.item1",
  "mentorKinds.common.eligibility.item2",
  "mentorKinds.common.eligibility.item3",
  "mentorKinds.common.eligibility.item4",
  "mentorKinds.common.eligibility.item5",
] as const satisfies readonly MessageKey[];

const applySteps = [
  { title: "mentorKinds.common.apply.step1.title", text: "mentorKinds.common.apply.step1.text" },
  { title: "mentorKinds.common.apply.step2.title", text: "mentorKinds.common.apply.step2.text" },
  { title: "mentorKinds.common.apply.step3.title", text: "mentorKinds.common.apply.step3.text" },
  { title: "mentorKinds.common.apply.step4.title", text: "mentorKinds.common.apply.step4.text" },
  { title: "mentorKinds.common.apply.step5.title", text: "mentorKinds.common.apply.step5.text" },
  { title: "mentorKinds.common.apply.step6.title", text: "mentorKinds.common.apply.step6.text" },
] as const satisfies readonly { title: MessageKey; text: MessageKey }[];

export default function MentorKindPage() {
  const { kind } = useLoaderData<typeof loader>();
  const t = useT();
  const m = pages[kind].messages;
  return (
    <div className="container">
      <div className="row">
        <div className="col-12 col-lg-8">
          <h1>{t(`mentorKinds.${m}.title`)}</h1>
          <p className="font-lead">{t(`mentorKinds.${m}.lead`)}</p>

          <Section id="rollen" title={t(`mentorKinds.${m}.role.title`)}>
            {roleParagraphs.map((p) => (
              <p key={p}>{t(`mentorKinds.${m}.role.${p}`)}</p>
            ))}
          </Section>

          <Section id="tid" title={t("mentorKinds.common.time.title")}>
            {timeParagraphs.map((p) => (
              <p key={p}>{t(`mentorKinds.${m}.time.${p}`)}</p>
            ))}
          </Section>

          <Section id="det-kan-vaere-svaert" title={t("mentorKinds.common.hard.title")}>
            <p>{t("mentorKinds.common.hard.intro")}</p>
            <ul>
              {hardItems.map((key) => (
                <li key={key}>{t(key)}</li>
              ))}
              <li>{t(`mentorKinds.${m}.hard.kind1`)}</li>
              <li>{t(`mentorKinds.${m}.hard.kind2`)}</li>
            </ul>
            <p>{t("mentorKinds.common.hard.outro")}</p>
          </Section>

          <Section id="det-faar-du" title={t("mentorKinds.common.support.title")}>
            <p>{t("mentorKinds.common.support.intro")}</p>
            <ul>
              {supportItems.map((key) => (
                <li key={key}>{t(key)}</li>
              ))}
            </ul>
            <p>{t(`mentorKinds.${m}.support.text`)}</p>
          </Section>

          <Section id="hvem-kan-soege" title={t("mentorKinds.common.eligibility.title")}>
            <p>{t(`mentorKinds.${m}.eligibility.intro`)}</p>
            <p>{t("mentorKinds.common.eligibility.listIntro")}</p>
            <ul>
              <li>{t(`mentorKinds.${m}.eligibility.requirement`)}</li>
              {eligibilityItems.map((key) => (
                <li key={key}>{t(key)}</li>
              ))}
            </ul>
          </Section>

          <Section id="saadan-soeger-du" title={t("mentorKinds.common.apply.title")}>
            <p>{t(`mentorKinds.${m}.apply.intro`)}</p>
            <ol>
              {applySteps.map((step) => (
                <li key={step.title}>
                  <strong>{t(step.title)}</strong> {t(step.text)}
                </li>
              ))}
            </ol>
            <p>
              <Link className="button button-primary" to={`/apply?kind=${kind}`}>
                {t(`mentorKinds.${m}.apply.action`)}
              </Link>
            </p>
          </Section>

          <Section id="andre-maader" title={t("mentorKinds.common.others.title")}>
            <p>{t("mentorKinds.common.others.intro")}</p>
            <ul className="card-row row mt-5">
              {mentorKinds
                .filter((other) => other !== kind)
                .map((other) => (
                  <li key={other} className="col-12 col-md-6">
                    <div className="card">
                      <div className="card-content">
                        <h3 className="card-heading">
                          <Link to={`/mentor/${pages[other].segment}`}>{t(`mentorKinds.${pages[other].messages}.name`)}</Link>
                        </h3>
                        <p>{t(`mentorKinds.${pages[other].messages}.summary`)}</p>
                      </div>
                    </div>
                  </li>
                ))}
            </ul>
          </Section>
        </div>
      </div>
    </div>
  );
}
