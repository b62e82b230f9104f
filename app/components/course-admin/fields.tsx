import { CheckboxField, CheckboxGroup, RadioGroup, TextArea, TextField } from "~/components/ui";
import { useFieldProps, type FailedForm } from "~/components/vetting/forms";
import { listValue } from "~/forms/validate";
import { courseFormFields, sessionFormFields, type CourseFormValues, type SessionFormValues } from "~/forms/course-admin";
import { useT } from "~/i18n/react";
import { courseKinds } from "~/modules/courses/types";
import { mentorKinds } from "~/modules/volunteers/types";

/**
 * The props of one form's fields: what was typed when this form just failed, else what is saved. Ids carry
 * the form's key, since a page can hold the course form and a session form at once.
 */
export function useFormFields<V extends Record<string, string>>(failed: FailedForm | null, formKey: string, saved: V) {
  const field = useFieldProps(failed, formKey);
  const values: Record<string, string> = failed?.key === formKey ? failed.values : saved;
  return {
    text: (name: keyof V & string) => field(name, saved[name]),
    checkbox: (name: keyof V & string) => {
      const { defaultValue: _value, ...props } = field(name);
      return { ...props, value: "yes", defaultChecked: values[name] === "yes" };
    },
    group: (name: keyof V & string) => {
      const { defaultValue: _value, ...props } = field(name);
      return { ...props, defaultValues: listValue(values, name) };
    },
  };
}

/** A short whole or decimal number typed into a text field (a number input would refuse the decimal comma). */
export const numberInput = { inputMode: "numeric", className: "input-width-xs" } as const;

/** The ids of a form's fields in page order, for the error summary. */
export function fieldIds(formKey: string, fields: readonly string[]) {
  return fields.map((name) => `${formKey}-${name}`);
}

/** A failed form's messages by field id, for the error summary. */
export function failedFieldErrors(failed: FailedForm | null) {
  return failed ? Object.fromEntries(Object.entries(failed.errors).map(([field, message]) => [`${failed.key}-${field}`, message])) : undefined;
}

export const courseFieldIds = (formKey: string) => fieldIds(formKey, courseFormFields);
export const sessionFieldIds = (formKey: string) => fieldIds(formKey, sessionFormFields);

type FieldsProps<V> = { failed: FailedForm | null; formKey: string; saved: V };

/** Title, description, kind, audience, whether the course is required before matching, and its training hours. */
export function CourseFields({ failed, formKey, saved }: FieldsProps<CourseFormValues>) {
  const t = useT();
  const fields = useFormFields(failed, formKey, saved);
  return (
    <>
      <TextField {...fields.text("title")} label={t("courseAdmin.course.title")} maxLength={200} />
      <TextArea {...fields.text("description")} label={t("courseAdmin.course.description")} hint={t("courseAdmin.course.descriptionHint")} rows={6} maxLength={8000} />
      <RadioGroup
        {...fields.text("kind")}
        legend={t("courseAdmin.course.kind")}
        options={courseKinds.map((kind) => ({ value: kind, label: t(`courseAdmin.kinds.${kind}`) }))}
      />
      <CheckboxGroup
        {...fields.group("audience")}
        legend={t("courseAdmin.course.audience")}
        hint={t("courseAdmin.course.audienceHint")}
        optional
        options={mentorKinds.map((kind) => ({ value: kind, label: t(`vetting.kinds.${kind}`) }))}
      />
      <CheckboxField {...fields.checkbox("openToAll")} label={t("courseAdmin.course.openToAll")} hint={t("courseAdmin.course.openToAllHint")} />
      <CheckboxField
        {...fields.checkbox("requiredBeforeMatching")}
        label={t("courseAdmin.course.required")}
        hint={t("courseAdmin.course.requiredHint")}
      />
      <TextField
        {...fields.text("trainingHours")}
        {...numberInput}
        inputMode="decimal"
        label={t("courseAdmin.course.trainingHours")}
        hint={t("courseAdmin.course.trainingHoursHint")}
        maxLength={6}
      />
    </>
  );
}

/** When and where a session is, its seats and waitlist, its cancellation deadline and booking window. */
export function SessionFields({ failed, formKey, saved }: FieldsProps<SessionFormValues>) {
  const t = useT();
  const fields = useFormFields(failed, formKey, saved);
  return (
    <>
      <TextField {...fields.text("date")} type="date" label={t("courseAdmin.session.date")} hint={t("courseAdmin.session.dateHint")} className="input-width-s" />
      <TextField
        {...fields.text("startTime")}
        type="time"
        label={t("courseAdmin.session.startTime")}
        hint={t("courseAdmin.session.timeHint")}
        className="input-width-xs"
      />
      <TextField {...fields.text("endTime")} type="time" label={t("courseAdmin.session.endTime")} className="input-width-xs" />
      <RadioGroup
        {...fields.text("place")}
        legend={t("courseAdmin.session.place")}
        options={(["address", "online"] as const).map((place) => ({ value: place, label: t(`courseAdmin.session.places.${place}`) }))}
      />
      <TextField {...fields.text("address")} label={t("courseAdmin.session.address")} hint={t("courseAdmin.session.addressHint")} maxLength={300} />
      <TextField
        {...fields.text("town")}
        label={t("courseAdmin.session.town")}
        hint={t("courseAdmin.session.townHint")}
        optional
        className="input-width-m"
        maxLength={80}
      />
      <TextField
        {...fields.text("onlineUrl")}
        type="url"
        label={t("courseAdmin.session.onlineUrl")}
        hint={t("courseAdmin.session.onlineUrlHint")}
        optional
        maxLength={500}
      />
      <TextField {...fields.text("capacity")} {...numberInput} label={t("courseAdmin.session.capacity")} hint={t("courseAdmin.session.capacityHint")} maxLength={4} />
      <CheckboxField {...fields.checkbox("waitlist")} label={t("courseAdmin.session.waitlist")} hint={t("courseAdmin.session.waitlistHint")} />
      <TextField
        {...fields.text("cancellationHours")}
        {...numberInput}
        label={t("courseAdmin.session.cancellationHours")}
        hint={t("courseAdmin.session.cancellationHint")}
        maxLength={3}
      />
      {(["opens", "closes"] as const).map((moment) => (
        <fieldset key={moment} className="mt-6" aria-describedby={`${formKey}-${moment}-hint`}>
          <legend className="h5 mb-0">
            {t(`courseAdmin.session.${moment}`)} {t("ui.field.optional")}
          </legend>
          <p className="form-hint mt-2" id={`${formKey}-${moment}-hint`}>
            {t(`courseAdmin.session.${moment}Hint`)}
          </p>
          <TextField {...fields.text(`${moment}Date`)} type="date" label={t("courseAdmin.session.date")} className="input-width-s" />
          <TextField {...fields.text(`${moment}Time`)} type="time" label={t("courseAdmin.session.clock")} className="input-width-xs" />
        </fieldset>
      ))}
    </>
  );
}
