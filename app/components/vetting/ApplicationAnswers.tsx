import { useProfileRows } from "~/components/application/ProfileSummary";
import { SummaryList, SummaryRow } from "~/components/ui";
import { useT } from "~/i18n/react";
import { profileSections, type ApplicationAnswers as Answers } from "~/modules/volunteers/schemas";

/** The application as the volunteer answered it, read-only: the matching answers as the volunteer sees them. */
export function ApplicationAnswers({ answers }: { answers: Answers }) {
  const t = useT();
  const { about, consents } = answers;
  const profile = useProfileRows(answers);
  const missing = t("vetting.record.answers.missing");

  return (
    <section aria-labelledby="answers" className="mt-8">
      <h2 id="answers">{t("vetting.record.answersHeading")}</h2>
      <SummaryList>
        <SummaryRow label={t("vetting.record.answers.motivation")}>{about?.motivation ?? missing}</SummaryRow>
        <SummaryRow label={t("vetting.record.answers.experience")}>{about?.experience ?? missing}</SummaryRow>
        <SummaryRow label={t("vetting.record.answers.occupation")}>{about?.occupation ?? missing}</SummaryRow>
        {about?.employer ? <SummaryRow label={t("vetting.record.answers.employer")}>{about.employer}</SummaryRow> : null}
        {profileSections
          .flatMap((section) => profile[section])
          .map(([label, value]) => (
            <SummaryRow key={label} label={label}>
              {value}
            </SummaryRow>
          ))}
        <SummaryRow label={t("vetting.record.answers.criminalRecordConsent")}>{consents ? t("vetting.record.answers.given") : missing}</SummaryRow>
        <SummaryRow label={t("vetting.record.answers.privacy")}>
          {consents?.privacyAcknowledged ? t("vetting.record.answers.given") : missing}
        </SummaryRow>
      </SummaryList>
    </section>
  );
}
