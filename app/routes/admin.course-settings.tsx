import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { numberInput } from "~/components/course-admin/fields";
import { BackLink, Button, ErrorSummary, TextField } from "~/components/ui";
import { errorList, validateForm, wholeNumber, type FieldErrors } from "~/forms/validate";
import { refusal } from "~/http-refusal";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import { requirePermission } from "~/modules/auth/guards.server";
import { getSetting, setSetting } from "~/modules/settings/settings.server";
import { actorOf } from "~/request.server";
import { redirectWithToast } from "~/toast.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "courseAdmin.settings.title");

const permission = "update:course-settings:any";

export async function loader(args: LoaderFunctionArgs) {
  await requirePermission(args, permission);
  const { db } = args.context;
  const [offerHours, reminderDays] = await Promise.all([getSetting(db, "course_offer_hours"), getSetting(db, "course_reminder_days")]);
  return { offerHours, reminderDays };
}

const settingsForm = z.object({
  offerHours: wholeNumber(1, 168, "courseAdmin.settings.offerHoursRange"),
  reminderDays: wholeNumber(1, 14, "courseAdmin.settings.reminderDaysRange"),
});
const fields = ["offerHours", "reminderDays"] as const;

export async function action(args: ActionFunctionArgs) {
  const user = await requirePermission(args, permission);
  const form = validateForm(await args.request.formData(), settingsForm);
  if (!form.ok) return data<{ errors: FieldErrors; values: Record<string, string> }>({ errors: form.errors, values: form.values }, { status: 400 });
  const { db } = args.context;
  const actor = actorOf(args, user);
  // Only what changed is written: every write is an audit event (`settings.updated`, before and after).
  const changes = [
    ["course_offer_hours", form.data.offerHours],
    ["course_reminder_days", form.data.reminderDays],
  ] as const;
  for (const [key, value] of changes) {
    if ((await getSetting(db, key)) === value) continue;
    const saved = await setSetting(db, actor, key, value);
    if (!saved.ok) throw refusal(saved.reason);
  }
  return redirectWithToast("/admin/course-settings", { key: "courseAdmin.settings.saved", variant: "success" });
}

export default function CourseSettings() {
  const t = useT();
  const saved = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const navigation = useNavigation();
  const value = (field: (typeof fields)[number]) => (failed ? (failed.values[field] ?? "") : String(saved[field]));
  const error = (field: (typeof fields)[number]) => (failed?.errors[field] ? t(failed.errors[field]) : undefined);

  return (
    <>
      <BackLink to="/coordinator/courses">{t("courseAdmin.course.back")}</BackLink>
      <h1>{t("courseAdmin.settings.title")}</h1>
      <p className="font-lead">{t("courseAdmin.settings.intro")}</p>
      <ErrorSummary errors={errorList(failed?.errors, fields, t)} />
      {/* Keyed by the saved values, so the fields show them again after a change. */}
      <Form method="post" noValidate key={`${saved.offerHours}-${saved.reminderDays}`}>
        {fields.map((field) => (
          <TextField
            key={field}
            name={field}
            {...numberInput}
            label={t(`courseAdmin.settings.${field}`)}
            hint={t(`courseAdmin.settings.${field}Hint`)}
            maxLength={3}
            defaultValue={value(field)}
            error={error(field)}
          />
        ))}
        <Button pending={navigation.state === "submitting"}>{t("courseAdmin.settings.save")}</Button>
      </Form>
    </>
  );
}
