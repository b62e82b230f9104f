import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import type { MessageKey } from "~/i18n/catalogue";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import { publicPageHeaders } from "~/http-cache";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "landing.title");

export const headers = publicPageHeaders;

const stepsId = "saadan-foregaar-det";

export default function Index() {
  return (
    <div className="container">
      <Hero />
      <Need />
      <BecomeMentor />
      <HowItWorks />
      <div className="row mt-7">
        <div className="col-12 col-lg-6">
          <ForAssociations />
        </div>
        <div className="col-12 col-lg-6">
          <ForStaff />
        </div>
      </div>
    </div>
  );
}

function Hero() {
  const t = useT();
  return (
    <div className="row">
      <div className="col-12 col-lg-8">
        <h1>{t("landing.hero.title")}</h1>
        <p className="font-lead">{t("landing.hero.lead")}</p>
        <div className="button-group mt-5">
          <Link className="button button-primary" to="/apply">
            {t("landing.hero.primaryAction")}
          </Link>
          <a className="button button-secondary" href={`#${stepsId}`}>
            {t("landing.hero.secondaryAction")}
          </a>
        </div>
      </div>
    </div>
  );
}

function Need() {
  const t = useT();
  return (
    <section className="row mt-7" aria-labelledby="hvorfor">
      <div className="col-12 col-lg-8">
        <h2 id="hvorfor">{t("landing.hero.needTitle")}</h2>
        <p>{t("landing.hero.need1")}</p>
        <p>{t("landing.hero.need2")}</p>
        <p>{t("landing.hero.need3")}</p>
      </div>
    </section>
  );
}

const mentorKinds = [
  { title: "landing.mentor.business.title", text: "landing.mentor.business.text", to: "/mentor/business" },
  { title: "landing.mentor.civilSociety.title", text: "landing.mentor.civilSociety.text", to: "/mentor/civil-society" },
  { title: "landing.mentor.company.title", text: "landing.mentor.company.text", to: "/mentor/company" },
] as const satisfies readonly { title: MessageKey; text: MessageKey; to: string }[];

const requirements = [
  "landing.mentor.requirement1",
  "landing.mentor.requirement2",
  "landing.mentor.requirement3",
  "landing.mentor.requirement4",
  "landing.mentor.requirement5",
] as const satisfies readonly MessageKey[];

function BecomeMentor() {
  const t = useT();
  return (
    <section className="mt-7" aria-labelledby="bliv-mentor">
      <h2 id="bliv-mentor">{t("landing.mentor.title")}</h2>
      <p>{t("landing.mentor.intro")}</p>
      <ul className="card-row row mt-5">
        {mentorKinds.map((kind) => (
          <li key={kind.title} className="col-12 col-lg-4">
            <div className="card">
              <div className="card-content">
                <h3 className="card-heading">
                  <Link to={kind.to}>{t(kind.title)}</Link>
                </h3>
                <p>{t(kind.text)}</p>
              </div>
            </div>
          </li>
        ))}
      </ul>
      <div className="row">
        <div className="col-12 col-lg-8">
          <h3>{t("landing.mentor.requirementsTitle")}</h3>
          <ul>
            {requirements.map((key) => (
              <li key={key}>{t(key)}</li>
            ))}
          </ul>
          <p>{t("landing.mentor.honest")}</p>
          <p>
            <Link className="button button-primary" to="/apply">
              {t("landing.mentor.action")}
            </Link>
          </p>
        </div>
      </div>
    </section>
  );
}

const steps = [
  { title: "landing.steps.step1.title", text: "landing.steps.step1.text" },
  { title: "landing.steps.step2.title", text: "landing.steps.step2.text" },
  { title: "landing.steps.step3.title", text: "landing.steps.step3.text" },
  { title: "landing.steps.step4.title", text: "landing.steps.step4.text" },
  { title: "landing.steps.step5.title", text: "landing.steps.step5.text" },
] as const satisfies readonly { title: MessageKey; text: MessageKey }[];

function HowItWorks() {
  const t = useT();
  return (
    <section className="row mt-7" aria-labelledby={stepsId}>
      <div className="col-12 col-lg-8">
        <h2 id={stepsId}>{t("landing.steps.title")}</h2>
        <p>{t("landing.steps.intro")}</p>
        <ol>
          {steps.map((step) => (
            <li key={step.title}>
              <strong>{t(step.title)}</strong> {t(step.text)}
            </li>
          ))}
        </ol>
      </div>
    </section>
  );
}

function ForAssociations() {
  const t = useT();
  return (
    <section className="card" aria-labelledby="for-foreninger">
      <div className="card-content">
        <h2 className="card-heading" id="for-foreninger">
          {t("landing.associations.title")}
        </h2>
        <p>{t("landing.associations.text1")}</p>
        <p>{t("landing.associations.text2")}</p>
        <p>{t("landing.associations.text3")}</p>
        <div className="card-actions">
          <Link className="button button-secondary" to="/associations/register">
            {t("landing.associations.action")}
          </Link>
        </div>
      </div>
    </section>
  );
}

function ForStaff() {
  const t = useT();
  return (
    <section className="card" aria-labelledby="for-medarbejdere">
      <div className="card-content">
        <h2 className="card-heading" id="for-medarbejdere">
          {t("landing.staff.title")}
        </h2>
        <p>{t("landing.staff.text")}</p>
        <div className="card-actions">
          <Link className="button button-secondary" to="/login">
            {t("landing.staff.action")}
          </Link>
        </div>
      </div>
    </section>
  );
}
