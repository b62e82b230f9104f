import { useState, type ReactNode } from "react";
import { AvailabilityGrid } from "~/components/application/AvailabilityGrid";
import { numberInput, useFormFields } from "~/components/course-admin/fields";
import { Alert, CheckboxField, CheckboxGroup, RadioGroup, Select, TextArea, TextField } from "~/components/ui";
import type { FailedForm } from "~/components/vetting/forms";
import { languages, towns } from "~/forms/application";
import type { YouthFormValues } from "~/forms/youth";
import { useFormat, useT } from "~/i18n/react";
import { interestTags } from "~/modules/volunteers/schemas";
import { mentorKinds } from "~/modules/volunteers/types";
import { ageOf } from "~/modules/youths/age";
import { mentorGenderPreferences, referralSources, youthGenders, youthGoals } from "~/modules/youths/types";

type YouthFieldsProps = {
  failed: FailedForm | null;
  formKey: string;
  saved: YouthFormValues;
  /** Coordinators and admins who can be responsible for the youth. */
  staff: { id: string; name: string }[];
  /** Who recorded the consent: the coordinator writing a new record, or whoever did on an existing one. */
  consentRecordedBy: string;
  /** The level of the section headings: 2 on its own page, 3 inside a section of the youth's page. */
  headingLevel?: 2 | 3;
};

/**
 * Every field of a youth's record, in the order of an intake conversation. The interests, languages, towns
 * and availability grid are the mentors' own, so that the two sides match on the same terms.
 */
export function YouthFields({ failed, formKey, saved, staff, consentRecordedBy, headingLevel = 2 }: YouthFieldsProps) {
  const t = useT();
  const fields = useFormFields(failed, formKey, saved);

  return (
    <>
      <SectionHeading level={headingLevel}>{t("youths.form.sections.person")}</SectionHeading>
      <TextField {...fields.text("firstName")} autoComplete="off" label={t("youths.form.firstName")} maxLength={100} />
      <TextField {...fields.text("lastName")} autoComplete="off" label={t("youths.form.lastName")} maxLength={100} />
      <BirthYearField {...fields.text("birthYear")} />
      <RadioGroup
        {...fields.text("gender")}
        legend={t("youths.form.gender")}
        hint={t("youths.form.genderHint")}
        options={youthGenders.map((gender) => ({ value: gender, label: t(`youths.genders.${gender}`) }))}
      />
      <Select
        {...fields.text("town")}
        label={t("youths.form.town")}
        hint={t("youths.form.townHint")}
        placeholder={t("application.availability.townPlaceholder")}
        options={[...towns.map((town) => ({ value: town, label: town })), { value: "other", label: t("application.availability.townOtherOption") }]}
      />
      <TextField {...fields.text("townOther")} label={t("youths.form.townOther")} optional maxLength={80} className="input-width-m" />
      <TextField {...fields.text("phone")} type="tel" autoComplete="off" label={t("youths.form.phone")} optional maxLength={20} className="input-width-m" />
      <TextField {...fields.text("email")} type="email" autoComplete="off" label={t("youths.form.email")} optional maxLength={254} />

      <SectionHeading level={headingLevel}>{t("youths.form.sections.referral")}</SectionHeading>
      <RadioGroup
        {...fields.text("referralSource")}
        legend={t("youths.form.referralSource")}
        options={referralSources.map((source) => ({ value: source, label: t(`youths.referralSources.${source}`) }))}
      />
      <Select
        {...fields.text("responsibleCoordinatorId")}
        label={t("youths.form.coordinator")}
        hint={t("youths.form.coordinatorHint")}
        placeholder={t("youths.form.coordinatorNone")}
        options={staff.map((person) => ({ value: person.id, label: person.name }))}
      />

      <SectionHeading level={headingLevel}>{t("youths.form.sections.consent")}</SectionHeading>
      <p>{t("youths.form.consentIntro", { name: consentRecordedBy })}</p>
      <TextField {...fields.text("consentDate")} type="date" label={t("youths.form.consentDate")} hint={t("youths.form.consentDateHint")} className="input-width-s" />
      <TextArea {...fields.text("consentScope")} label={t("youths.form.consentScope")} hint={t("youths.form.consentScopeHint")} rows={3} maxLength={2000} />

      <SectionHeading level={headingLevel}>{t("youths.form.sections.interests")}</SectionHeading>
      <CheckboxGroup
        {...fields.group("interests")}
        legend={t("youths.form.interests")}
        hint={t("youths.form.interestsHint")}
        optional
        options={interestTags.map((tag) => ({ value: tag, label: t(`application.interests.tags.${tag}`) }))}
      />
      <CheckboxGroup
        {...fields.group("goals")}
        legend={t("youths.form.goals")}
        hint={t("youths.form.goalsHint")}
        options={youthGoals.map((goal) => ({ value: goal, label: t(`youths.goals.${goal}`) }))}
      />
      <TextArea {...fields.text("goalsOwnWords")} label={t("youths.form.goalsOwnWords")} hint={t("youths.form.goalsOwnWordsHint")} optional rows={3} maxLength={2000} />
      <CheckboxGroup
        {...fields.group("languages")}
        legend={t("youths.form.languages")}
        options={languages.map((language) => ({ value: language, label: t(`application.interests.languageNames.${language}`) }))}
      />
      <TextField {...fields.text("otherLanguages")} label={t("youths.form.otherLanguages")} hint={t("application.interests.otherLanguagesHint")} optional maxLength={200} />

      <SectionHeading level={headingLevel}>{t("youths.form.sections.availability")}</SectionHeading>
      <AvailabilityGrid {...fields.group("availability")} legend={t("youths.form.gridCaption")} hint={t("youths.form.gridHint")} />
      <CheckboxField {...fields.checkbox("afterHoursSupport")} label={t("youths.form.afterHoursSupport")} hint={t("youths.form.afterHoursSupportHint")} />

      <SectionHeading level={headingLevel}>{t("youths.form.sections.preferences")}</SectionHeading>
      <RadioGroup
        {...fields.text("preferredMentorGender")}
        legend={t("youths.form.preferredMentorGender")}
        options={mentorGenderPreferences.map((value) => ({ value, label: t(`youths.mentorGenders.${value}`) }))}
      />
      <RadioGroup
        {...fields.text("preferredMentorKind")}
        legend={t("youths.form.preferredMentorKind")}
        hint={t("youths.form.preferredMentorKindHint")}
        options={[{ value: "", label: t("youths.form.anyKind") }, ...mentorKinds.map((kind) => ({ value: kind, label: t(`vetting.kinds.${kind}`) }))]}
      />

      <SectionHeading level={headingLevel}>{t("youths.form.sections.shared")}</SectionHeading>
      <Alert variant="info">
        <p className="mt-0">{t("youths.form.sharedIntro")}</p>
      </Alert>
      <TextArea {...fields.text("sharedSummary")} label={t("youths.form.sharedSummary")} hint={t("youths.form.sharedSummaryHint")} optional rows={5} maxLength={2000} />

      <SectionHeading level={headingLevel}>{t("youths.form.sections.sensitive")}</SectionHeading>
      <Alert variant="warning" heading={t("youths.sensitive.marker")} headingLevel={headingLevel === 2 ? 3 : 4}>
        <p className="mt-0">{t("youths.form.sensitiveIntro")}</p>
      </Alert>
      <TextArea {...fields.text("notesDiagnoses")} label={t("youths.sensitive.diagnoses")} optional rows={3} maxLength={8000} />
      <TextArea {...fields.text("notesSubstanceUse")} label={t("youths.sensitive.substanceUse")} optional rows={3} maxLength={8000} />
      <TextArea {...fields.text("notesOther")} label={t("youths.sensitive.other")} optional rows={3} maxLength={8000} />
    </>
  );
}

function SectionHeading({ level, children }: { level: 2 | 3; children: ReactNode }) {
  const Tag = `h${level}` as const;
  return <Tag className="mt-8">{children}</Tag>;
}

/** The birth year with the age it gives this year, said again as the coordinator types. */
function BirthYearField(props: { id: string; name: string; error?: string; defaultValue: string }) {
  const t = useT();
  const format = useFormat();
  const [typed, setTyped] = useState(props.defaultValue);
  const year = /^\d{4}$/.test(typed.trim()) ? Number(typed.trim()) : null;
  const now = new Date();
  const age = year !== null ? ageOf(year, now) : null;
  const hint =
    age !== null && age > 0 && age < 100
      ? `${t("youths.form.birthYearHint")} ${t("youths.form.ageThisYear", { age: format.number(age), year: String(now.getUTCFullYear()) })}`
      : t("youths.form.birthYearHint");
  return (
    <TextField
      {...props}
      {...numberInput}
      label={t("youths.form.birthYear")}
      hint={hint}
      maxLength={4}
      onChange={(event) => setTyped(event.currentTarget.value)}
    />
  );
}
