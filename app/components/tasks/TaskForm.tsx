import { Form, useNavigation } from "@remix-run/react";
import { fieldIds, numberInput, useFormFields } from "~/components/course-admin/fields";
import { Button, CheckboxField, CheckboxGroup, RadioGroup, Select, TextArea, TextField } from "~/components/ui";
import type { FailedForm } from "~/components/vetting/forms";
import { partsOfDay, taskFormFields, type TaskFormValues } from "~/forms/task";
import { useT } from "~/i18n/react";
import { taskCategories, taskSchedules, taskTags } from "~/modules/associations/types";

export const taskFormKey = "task";
export const taskFieldIds = fieldIds(taskFormKey, taskFormFields);

/** The form's buttons: each posts its own `intent`, so one form saves as a draft or saves and submits. */
export type TaskFormButton = { intent: string; label: string; variant?: "primary" | "secondary" };

/**
 * An association's task: what, where, when, who and how many, the contact person and the expiry. Without
 * JavaScript every field shows; the hints say which ones go with which kind of schedule.
 */
export function TaskForm({ failed, saved, buttons }: { failed: FailedForm | null; saved: TaskFormValues; buttons: TaskFormButton[] }) {
  const t = useT();
  const fields = useFormFields(failed, taskFormKey, saved);
  const navigation = useNavigation();
  const sending = navigation.state === "submitting" ? navigation.formData?.get("intent") : null;
  return (
    <Form method="post" noValidate>
      <fieldset>
        <legend className="h3">{t("tasks.form.what")}</legend>
        <TextField {...fields.text("title")} label={t("tasks.form.title")} hint={t("tasks.form.titleHint")} maxLength={200} />
        <TextArea {...fields.text("description")} label={t("tasks.form.description")} hint={t("tasks.form.descriptionHint")} rows={6} maxLength={4000} />
        <Select
          {...fields.text("category")}
          label={t("tasks.form.category")}
          placeholder={t("tasks.form.chooseCategory")}
          options={taskCategories.map((category) => ({ value: category, label: t(`tasks.categories.${category}`) }))}
          className="input-width-l"
        />
      </fieldset>

      <fieldset className="mt-7">
        <legend className="h3">{t("tasks.form.whereHeading")}</legend>
        <TextField {...fields.text("address")} label={t("tasks.form.address")} hint={t("tasks.form.addressHint")} maxLength={300} autoComplete="street-address" />
        <TextField {...fields.text("town")} label={t("tasks.form.town")} hint={t("tasks.form.townHint")} maxLength={80} className="input-width-m" />
      </fieldset>

      <fieldset className="mt-7">
        <legend className="h3">{t("tasks.form.whenHeading")}</legend>
        <RadioGroup
          {...fields.text("schedule")}
          legend={t("tasks.form.schedule")}
          options={taskSchedules.map((schedule) => ({ value: schedule, label: t(`tasks.schedules.${schedule}`) }))}
        />
        <p className="form-hint">{t("tasks.form.oneOffHint")}</p>
        <TextField {...fields.text("date")} type="date" label={t("tasks.form.date")} hint={t("tasks.form.dateHint")} className="input-width-s" optional />
        <TextField {...fields.text("startTime")} type="time" label={t("tasks.form.startTime")} hint={t("tasks.form.timeHint")} className="input-width-xs" optional />
        <TextField {...fields.text("endTime")} type="time" label={t("tasks.form.endTime")} className="input-width-xs" optional />
        <TextField {...fields.text("recurrence")} label={t("tasks.form.recurrence")} hint={t("tasks.form.recurrenceHint")} maxLength={200} optional />
        <CheckboxGroup
          {...fields.group("partsOfDay")}
          legend={t("tasks.form.partsOfDay")}
          hint={t("tasks.form.partsOfDayHint")}
          optional
          options={partsOfDay.map((part) => ({ value: part, label: t(`tasks.partsOfDay.${part}`) }))}
        />
        <TextField {...fields.text("minutesPerOccasion")} {...numberInput} label={t("tasks.form.minutes")} hint={t("tasks.form.minutesHint")} maxLength={4} />
        <TextField {...fields.text("expiresOn")} type="date" label={t("tasks.form.expiresOn")} hint={t("tasks.form.expiresOnHint")} className="input-width-s" />
      </fieldset>

      <fieldset className="mt-7">
        <legend className="h3">{t("tasks.form.whoHeading")}</legend>
        <TextField {...fields.text("places")} {...numberInput} label={t("tasks.form.places")} hint={t("tasks.form.placesHint")} maxLength={3} />
        <TextField {...fields.text("minimumAge")} {...numberInput} label={t("tasks.form.minimumAge")} hint={t("tasks.form.minimumAgeHint")} maxLength={2} />
        <CheckboxGroup
          {...fields.group("tags")}
          legend={t("tasks.form.tags")}
          hint={t("tasks.form.tagsHint")}
          optional
          options={taskTags.map((tag) => ({ value: tag, label: t(`tasks.tags.${tag}`) }))}
        />
        <CheckboxField {...fields.checkbox("involvesChildren")} label={t("tasks.form.involvesChildren")} hint={t("tasks.childCertificate.hint")} />
      </fieldset>

      <fieldset className="mt-7">
        <legend className="h3">{t("tasks.form.contactHeading")}</legend>
        <p className="form-hint">{t("tasks.form.contactPrivate")}</p>
        <TextField {...fields.text("contactName")} label={t("tasks.form.contactName")} hint={t("tasks.form.contactNameHint")} maxLength={200} />
        <TextField {...fields.text("contactPhone")} type="tel" label={t("tasks.form.contactPhone")} maxLength={30} optional className="input-width-m" autoComplete="off" />
        <TextField {...fields.text("contactEmail")} type="email" label={t("tasks.form.contactEmail")} maxLength={254} optional autoComplete="off" />
      </fieldset>

      <div className="form-actions mt-7">
        {buttons.map((button) => (
          <Button key={button.intent} name="intent" value={button.intent} variant={button.variant ?? "primary"} pending={sending === button.intent}>
            {button.label}
          </Button>
        ))}
      </div>
    </Form>
  );
}
