import { useT } from "~/i18n/react";
import { dayparts, weekdays, type ApplicationAnswers as Answers } from "~/modules/volunteers/schemas";
import { SummaryRow } from "./OverviewSection";

const days = [...weekdays, "weekend"] as const;
const knownLanguages = ["da", "en", "de", "uk", "ar", "pl", "ro", "tr", "so", "fa"] as const;

/** The application as the volunteer answered it, read-only. */
export function ApplicationAnswers({ answers }: { answers: Answers }) {
  const t = useT();
  const { about, interests, availability, preferences, consents } = answers;
  const missing = t("vetting.record.answers.missing");
  const yesNo = (value: boolean) => t(value ? "vetting.record.answers.yes" : "vetting.record.answers.no");
  const language = (code: string) => {
    const known = knownLanguages.find((candidate) => candidate === code);
    return known ? t(`application.interests.languageNames.${known}`) : code;
  };
  // "Mandag: aften · Weekend: dagtimer, aften": one entry per day that has any time.
  const when = availability
    ? days
        .map((day) => {
          const parts = dayparts.filter((part) => availability.slots.includes(`${day}:${part}`));
          return parts.length ? `${t(`application.availability.days.${day}`)}: ${parts.map((part) => t(`application.availability.parts.${part}`).toLowerCase()).join(", ")}` : null;
        })
        .filter(Boolean)
        .join(" · ")
    : missing;

  return (
    <section aria-labelledby="answers" className="mt-8">
      <h2 id="answers">{t("vetting.record.answersHeading")}</h2>
      <dl className="summary-list">
        <SummaryRow label={t("vetting.record.answers.motivation")}>{about?.motivation ?? missing}</SummaryRow>
        <SummaryRow label={t("vetting.record.answers.experience")}>{about?.experience ?? missing}</SummaryRow>
        <SummaryRow label={t("vetting.record.answers.occupation")}>{about?.occupation ?? missing}</SummaryRow>
        {about?.employer ? <SummaryRow label={t("vetting.record.answers.employer")}>{about.employer}</SummaryRow> : null}
        <SummaryRow label={t("vetting.record.answers.interests")}>
          {interests?.interests.length ? interests.interests.map((tag) => t(`application.interests.tags.${tag}`)).join(", ") : missing}
        </SummaryRow>
        {interests?.ownWords ? <SummaryRow label={t("vetting.record.answers.ownWords")}>{interests.ownWords}</SummaryRow> : null}
        <SummaryRow label={t("vetting.record.answers.languages")}>{interests ? interests.languages.map(language).join(", ") : missing}</SummaryRow>
        <SummaryRow label={t("vetting.record.answers.town")}>{availability?.town ?? missing}</SummaryRow>
        <SummaryRow label={t("vetting.record.answers.availability")}>{when}</SummaryRow>
        <SummaryRow label={t("vetting.record.answers.afterHours")}>{availability ? yesNo(availability.afterHoursReachable) : missing}</SummaryRow>
        <SummaryRow label={t("vetting.record.answers.capacity")}>{preferences?.capacity ?? missing}</SummaryRow>
        <SummaryRow label={t("vetting.record.answers.ageRange")}>
          {preferences ? t("vetting.record.answers.ageRangeValue", { min: preferences.ageMin, max: preferences.ageMax }) : missing}
        </SummaryRow>
        <SummaryRow label={t("vetting.record.answers.gender")}>{preferences ? t(`application.preferences.${preferences.genderPreference}`) : missing}</SummaryRow>
        <SummaryRow label={t("vetting.record.answers.criminalRecordConsent")}>{consents ? t("vetting.record.answers.given") : missing}</SummaryRow>
        <SummaryRow label={t("vetting.record.answers.privacy")}>{consents ? yesNo(consents.privacyAcknowledged) : missing}</SummaryRow>
      </dl>
    </section>
  );
}
