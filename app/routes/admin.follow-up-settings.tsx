import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { NumberSettingsForm } from "~/components/settings/NumberSettingsForm";
import { validateForm, wholeNumber, type FieldErrors } from "~/forms/validate";
import { refusal } from "~/http-refusal";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import { requirePermission } from "~/modules/auth/guards.server";
import { checkInSchedule } from "~/modules/pairings/follow-up.server";
import { saveChangedSettings } from "~/modules/settings/settings.server";
import { actorOf } from "~/request.server";
import { redirectWithToast } from "~/toast.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "followUp.settings.title");

const permission = "update:follow-up-settings:any";

export async function loader(args: LoaderFunctionArgs) {
  await requirePermission(args, permission);
  return checkInSchedule(args.context.db);
}

// The same bounds as the settings module's, said in the admin's words.
const settingsForm = z.object({
  firstMonth: wholeNumber(1, 4, "followUp.settings.firstMonthRange"),
  intervalDays: wholeNumber(7, 90, "followUp.settings.intervalDaysRange"),
});
const fields = ["firstMonth", "intervalDays"] as const;

export async function action(args: ActionFunctionArgs) {
  const user = await requirePermission(args, permission);
  const form = validateForm(await args.request.formData(), settingsForm);
  if (!form.ok) return data<{ errors: FieldErrors; values: Record<string, string> }>({ errors: form.errors, values: form.values }, { status: 400 });
  const saved = await saveChangedSettings(args.context.db, actorOf(args, user), [
    ["check_ins_first_month", form.data.firstMonth],
    ["check_in_interval_days", form.data.intervalDays],
  ]);
  if (!saved.ok) throw refusal(saved.reason);
  return redirectWithToast("/admin/follow-up-settings", { key: "followUp.settings.saved", variant: "success" });
}

export default function FollowUpSettings() {
  const t = useT();
  const saved = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  return (
    <>
      <h1>{t("followUp.settings.title")}</h1>
      <p className="font-lead">{t("followUp.settings.intro")}</p>
      <NumberSettingsForm
        fields={fields}
        saved={saved}
        failed={failed}
        label={(field) => ({ label: t(`followUp.settings.${field}`), hint: t(`followUp.settings.${field}Hint`) })}
        maxLength={2}
        submitLabel={t("followUp.settings.save")}
      />
    </>
  );
}
