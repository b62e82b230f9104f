import { Alert, SummaryList, SummaryRow } from "~/components/ui";
import { useFormat, useT } from "~/i18n/react";
import type { YouthRecord } from "~/modules/youths/records.server";
import { sensitiveNoteFields } from "~/modules/youths/types";
import { useMatchingWords } from "./record-text";

type Youth = YouthRecord["youth"];

/** A staff member's name by id; someone whose account is gone, or nobody at all. */
export function useStaffName(names: Record<string, string>) {
  const t = useT();
  return (id: string | null) => (id ? (names[id] ?? t("youths.record.someone")) : t("youths.record.nobody"));
}

/** Everything the intake recorded except the sensitive notes, which have their own section. */
export function RecordSection({ youth, age, names }: { youth: Youth; age: number; names: Record<string, string> }) {
  const t = useT();
  const format = useFormat();
  const words = useMatchingWords();
  const staffName = useStaffName(names);
  const notGiven = t("youths.record.notGiven");
  const listed = (values: string[], word: (value: string) => string, none: string) => (values.length ? words.list(values, word) : none);

  return (
    <section aria-labelledby="overview" className="mt-8">
      <h2 id="overview">{t("youths.record.sections.overview")}</h2>
      <SummaryList>
        <SummaryRow label={t("youths.form.birthYear")}>{t("youths.record.born", { year: String(youth.birthYear), age: format.number(age) })}</SummaryRow>
        <SummaryRow label={t("youths.form.gender")}>{t(`youths.genders.${youth.gender}`)}</SummaryRow>
        <SummaryRow label={t("youths.form.town")}>{youth.town}</SummaryRow>
        <SummaryRow label={t("youths.form.phone")}>{youth.phone ?? notGiven}</SummaryRow>
        <SummaryRow label={t("youths.form.email")}>{youth.email ?? notGiven}</SummaryRow>
        <SummaryRow label={t("youths.record.referral")}>{t(`youths.referralSources.${youth.referralSource}`)}</SummaryRow>
        <SummaryRow label={t("youths.form.coordinator")}>
          {youth.responsibleCoordinatorId ? staffName(youth.responsibleCoordinatorId) : t("youths.list.unassigned")}
        </SummaryRow>
        <SummaryRow label={t("youths.record.consent")}>
          {t("youths.record.consentGiven", { date: format.date(youth.consentDate), name: staffName(youth.consentRecordedBy) })}
          {"\n"}
          {youth.consentScope}
        </SummaryRow>
        <SummaryRow label={t("youths.form.interests")}>{listed(youth.interests, words.interest, t("youths.record.noneChosen"))}</SummaryRow>
        <SummaryRow label={t("youths.form.goals")}>
          {listed(youth.goals, words.goal, t("youths.record.noneChosen"))}
          {youth.goalsOwnWords ? `\n${youth.goalsOwnWords}` : null}
        </SummaryRow>
        <SummaryRow label={t("youths.record.languages")}>{listed(youth.languages, words.language, t("youths.record.noneChosen"))}</SummaryRow>
        <SummaryRow label={t("youths.record.availability")}>{listed(youth.availability, words.slot, t("youths.record.noSlots"))}</SummaryRow>
        <SummaryRow label={t("youths.record.afterHours")}>{t(youth.afterHoursSupport ? "youths.record.afterHoursYes" : "youths.no")}</SummaryRow>
        <SummaryRow label={t("youths.form.preferredMentorGender")}>{t(`youths.mentorGenders.${youth.preferredMentorGender}`)}</SummaryRow>
        <SummaryRow label={t("youths.form.preferredMentorKind")}>
          {youth.preferredMentorKind ? t(`vetting.kinds.${youth.preferredMentorKind}`) : t("youths.form.anyKind")}
        </SummaryRow>
        <SummaryRow label={t("youths.record.created")}>
          {t("youths.record.createdBy", { date: format.dateTime(youth.createdAt), name: staffName(youth.createdBy) })}
        </SummaryRow>
      </SummaryList>

      <h3 id="shared">{t("youths.form.sections.shared")}</h3>
      <p>{t("youths.record.sharedIntro")}</p>
      {youth.sharedSummary ? <blockquote className="preformatted">{youth.sharedSummary}</blockquote> : <p>{t("youths.record.sharedEmpty")}</p>}
    </section>
  );
}

/** Diagnoses, substance use and other sensitive notes: their own section, marked as for coordinators only. */
export function SensitiveNotesSection({ notes }: { notes: Youth["sensitiveNotes"] }) {
  const t = useT();
  const written = sensitiveNoteFields.filter((field) => notes[field]);
  return (
    <section aria-labelledby="sensitive" className="mt-8">
      <h2 id="sensitive">{t("youths.record.sections.sensitive")}</h2>
      <Alert variant="warning">
        <p className="mt-0">{t("youths.sensitive.marker")}</p>
      </Alert>
      {written.length === 0 ? (
        <p>{t("youths.record.sensitiveEmpty")}</p>
      ) : (
        <SummaryList>
          {written.map((field) => (
            <SummaryRow key={field} label={t(`youths.sensitive.${field}`)}>
              {notes[field]}
            </SummaryRow>
          ))}
        </SummaryList>
      )}
    </section>
  );
}
