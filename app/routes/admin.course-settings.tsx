import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { NumberSettingsForm } from "~/components/settings/NumberSettingsForm";
import { BackLink } from "~/components/ui";
import { validateForm, wholeNumber, type FieldErrors } from "~/forms/validate";
import { refusal } from "~/http-refusal";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import { requirePermission } from "~/modules/auth/guards.server";
import { getSetting, saveChangedSettings } from "~/modules/settings/settings.server";
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
  const saved = await saveChangedSettings(args.context.db, actorOf(args, user), [
    ["course_offer_hours", form.data.offerHours],
    ["course_reminder_days", form.data.reminderDays],
  ]);
  if (!saved.ok) throw refusal(saved.reason);
  return redirectWithToast("/admin/course-settings", { key: "courseAdmin.settings.saved", variant: "success" });
}

export default function CourseSettings() {
  const t = useT();
  const saved = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  return (
    <>
      <BackLink to="/coordinator/courses">{t("courseAdmin.course.back")}</BackLink>
      <h1>{t("courseAdmin.settings.title")}</h1>
      <p className="font-lead">{t("courseAdmin.settings.intro")}</p>
      <NumberSettingsForm
        fields={fields}
        saved={saved}
        failed={failed}
        label={(field) => ({ label: t(`courseAdmin.settings.${field}`), hint: t(`courseAdmin.settings.${field}Hint`) })}
        maxLength={3}
        submitLabel={t("courseAdmin.settings.save")}
      />
    </>
  );
}
