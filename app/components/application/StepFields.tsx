import { Link } from "@remix-run/react";
import { CheckboxField, CheckboxGroup, RadioGroup, Select, TextArea, TextField } from "~/components/ui";
import { languages, referenceField, referenceSlots, towns, type FormValues } from "~/forms/application";
import type { FieldErrors } from "~/forms/validate";
import { useT } from "~/i18n/react";
import { interestTags, type ApplicationStepName } from "~/modules/volunteers/schemas";
import { CODE_OF_CONDUCT_VERSION, mentorKinds } from "~/modules/volunteers/types";
import { AvailabilityGrid } from "./AvailabilityGrid";

export type StepFieldsProps = {
  step: ApplicationStepName;
  /** What to show: the saved answers, or what was posted when it failed validation. */
  values: FormValues;
  errors: FieldErrors;
  /** The applicant's address, named on the first step so a person on a shared computer notices the wrong account. */
  email?: string;
};

/**
 * The fields of one step of the application form. The form itself and the volunteer's edits after submitting
 * show the same fields, so the answers read and validate alike in both places.
 */
export function StepFields({ step, values, errors, email }: StepFieldsProps) {
  const t = useT();
  const one = (name: string) => values[name]?.[0] ?? "";
  const all = (name: string) => values[name] ?? [];
  const error = (name: string) => {
    const key = errors[name];
    return key ? t(key) : undefined;
  };
  switch (step) {
    case "kind":
      return (
        <>
          {email ? <p>{t("application.kind.account", { email })}</p> : null}
          <RadioGroup
            name="kind"
            legend={t("application.kind.legend")}
            hint={t("application.kind.hint")}
            defaultValue={one("kind")}
            error={error("kind")}
            required
            options={mentorKinds.map((kind) => ({
              value: kind,
              label: t(`application.kind.${kind}`),
              hint: t(`application.kind.${kind}Hint`),
            }))}
          />
        </>
      );
    case "about":
      return (
        <>
          <TextArea name="motivation" label={t("application.about.motivation")} hint={t("application.about.motivationHint")} defaultValue={one("motivation")} error={error("motivation")} maxLength={4000} required />
          <TextArea name="experience" label={t("application.about.experience")} hint={t("application.about.experienceHint")} defaultValue={one("experience")} error={error("experience")} maxLength={4000} required />
          <TextField name="occupation" label={t("application.about.occupation")} hint={t("application.about.occupationHint")} defaultValue={one("occupation")} error={error("occupation")} maxLength={200} required />
          <TextField name="employer" autoComplete="organization" label={t("application.about.employer")} hint={t("application.about.employerHint")} defaultValue={one("employer")} error={error("employer")} maxLength={200} optional />
        </>
      );
    case "interests":
      return (
        <>
          <CheckboxGroup
            name="interests"
            legend={t("application.interests.legend")}
            hint={t("application.interests.hint")}
            defaultValues={all("interests")}
            error={error("interests")}
            optional
            options={interestTags.map((tag) => ({ value: tag, label: t(`application.interests.tags.${tag}`) }))}
          />
          <TextArea name="ownWords" rows={3} label={t("application.interests.ownWords")} defaultValue={one("ownWords")} error={error("ownWords")} maxLength={500} optional />
          <CheckboxGroup
            name="languages"
            legend={t("application.interests.languagesLegend")}
            defaultValues={all("languages")}
            error={error("languages")}
            options={languages.map((language) => ({ value: language, label: t(`application.interests.languageNames.${language}`) }))}
          />
          <TextField name="otherLanguages" label={t("application.interests.otherLanguages")} hint={t("application.interests.otherLanguagesHint")} defaultValue={one("otherLanguages")} error={error("otherLanguages")} optional />
        </>
      );
    case "availability":
      return (
        <>
          <Select
            name="town"
            autoComplete="address-level2"
            label={t("application.availability.town")}
            hint={t("application.availability.townHint")}
            placeholder={t("application.availability.townPlaceholder")}
            defaultValue={one("town")}
            error={error("town")}
            options={[...towns.map((town) => ({ value: town, label: town })), { value: "other", label: t("application.availability.townOtherOption") }]}
            required
          />
          <TextField name="townOther" label={t("application.availability.townOther")} defaultValue={one("townOther")} error={error("townOther")} maxLength={80} optional />
          <AvailabilityGrid name="slots" defaultValues={all("slots")} error={error("slots")} />
          <RadioGroup
            name="afterHoursReachable"
            legend={t("application.availability.afterHoursLegend")}
            hint={t("application.availability.afterHoursHint")}
            defaultValue={one("afterHoursReachable")}
            error={error("afterHoursReachable")}
            required
            options={[
              { value: "yes", label: t("application.availability.yes") },
              { value: "no", label: t("application.availability.no") },
            ]}
          />
        </>
      );
    case "preferences":
      return (
        <>
          <RadioGroup
            name="capacity"
            legend={t("application.preferences.capacityLegend")}
            defaultValue={one("capacity")}
            error={error("capacity")}
            required
            options={(["1", "2", "3"] as const).map((n) => ({ value: n, label: t(`application.preferences.capacity${n}`) }))}
          />
          <TextField name="ageMin" type="number" inputMode="numeric" min={15} max={30} className="input-width-xs" label={t("application.preferences.ageMin")} hint={t("application.preferences.ageHint")} defaultValue={one("ageMin")} error={error("ageMin")} required />
          <TextField name="ageMax" type="number" inputMode="numeric" min={15} max={30} className="input-width-xs" label={t("application.preferences.ageMax")} hint={t("application.preferences.ageHint")} defaultValue={one("ageMax")} error={error("ageMax")} required />
          <RadioGroup
            name="genderPreference"
            legend={t("application.preferences.genderLegend")}
            defaultValue={one("genderPreference")}
            error={error("genderPreference")}
            required
            options={(["any", "female", "male"] as const).map((value) => ({ value, label: t(`application.preferences.${value}`) }))}
          />
          <RadioGroup
            name="ownGender"
            legend={t("application.preferences.ownGenderLegend")}
            hint={t("application.preferences.ownGenderHint")}
            defaultValue={one("ownGender")}
            error={error("ownGender")}
            options={(["female", "male", "other", "unspecified"] as const).map((value) => ({ value, label: t(`application.preferences.ownGender.${value}`) }))}
          />
        </>
      );
    case "references":
      return (
        <>
          <p>{t("application.references.intro")}</p>
          {referenceSlots.map((n) => (
            <fieldset key={n} className="mt-6">
              <legend className="h3">{t("application.references.legend", { n })}</legend>
              <TextField name={referenceField(n, "name")} label={t("application.references.name")} defaultValue={one(referenceField(n, "name"))} error={error(referenceField(n, "name"))} maxLength={120} required />
              <TextField name={referenceField(n, "relation")} label={t("application.references.relation")} defaultValue={one(referenceField(n, "relation"))} error={error(referenceField(n, "relation"))} maxLength={120} required />
              <TextField name={referenceField(n, "phone")} type="tel" label={t("application.references.phone")} hint={t("application.references.contactHint")} defaultValue={one(referenceField(n, "phone"))} error={error(referenceField(n, "phone"))} />
              <TextField name={referenceField(n, "email")} type="email" label={t("application.references.email")} defaultValue={one(referenceField(n, "email"))} error={error(referenceField(n, "email"))} />
            </fieldset>
          ))}
        </>
      );
    case "consents":
      return (
        <>
          <h3>{t("application.consents.criminalRecordHeading")}</h3>
          <p>{t("application.consents.criminalRecordText")}</p>
          <CheckboxField name="criminalRecordConsent" value="yes" label={t("application.consents.criminalRecordConsent")} defaultChecked={one("criminalRecordConsent") === "yes"} error={error("criminalRecordConsent")} />
          <h3>{t("application.consents.codeOfConductHeading")}</h3>
          <p className="font-lead-small">{t("application.consents.codeOfConductVersion", { version: CODE_OF_CONDUCT_VERSION })}</p>
          <p>{t("application.consents.codeOfConductIntro")}</p>
          <ul>
            {(["rule1", "rule2", "rule3", "rule4", "rule5"] as const).map((rule) => (
              <li key={rule}>{t(`application.consents.${rule}`)}</li>
            ))}
          </ul>
          <input type="hidden" name="codeOfConductVersion" value={CODE_OF_CONDUCT_VERSION} />
          <CheckboxField name="codeOfConduct" value="yes" label={t("application.consents.codeOfConductSign")} hint={t("application.consents.codeOfConductSigned")} defaultChecked={one("codeOfConduct") === "yes"} error={error("codeOfConduct")} />
          <h3>{t("application.consents.privacyHeading")}</h3>
          <p>
            {t("application.consents.privacyText")} <Link to="/privacy">{t("application.consents.privacyLink")}</Link>.
          </p>
          <CheckboxField name="privacyAcknowledged" value="yes" label={t("application.consents.privacyAcknowledged")} defaultChecked={one("privacyAcknowledged") === "yes"} error={error("privacyAcknowledged")} />
        </>
      );
  }
}
