import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { numberInput } from "~/components/course-admin/fields";
import { Button, ErrorSummary, TextField } from "~/components/ui";
import { errorList, validateForm, wholeNumber, type FieldErrors } from "~/forms/validate";
import { refusal } from "~/http-refusal";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import { requirePermission } from "~/modules/auth/guards.server";
import { checkInSchedule } from "~/modules/pairings/follow-up.server";
import { setSetting } from "~/modules/settings/settings.server";
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
  const { db } = args.context;
  const actor = actorOf(args, user);
  const saved = await checkInSchedule(db);
  // Only what changed is written: every write is an audit event (`settings.updated`, before and after).
  const changes = [
    ["check_ins_first_month", saved.firstMonth, form.data.firstMonth],
    ["check_in_interval_days", saved.intervalDays, form.data.intervalDays],
  ] as const;
  for (const [key, before, after] of changes) {
    if (before === after) continue;
    const result = await setSetting(db, actor, key, after);
    if (!result.ok) throw refusal(result.reason);
  }
  return redirectWithToast("/admin/follow-up-settings", { key: "followUp.settings.saved", variant: "success" });
}

export default function FollowUpSettings() {
  const t = useT();
  const saved = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const navigation = useNavigation();
  const value = (field: (typeof fields)[number]) => (failed ? (failed.values[field] ?? "") : String(saved[field]));
  const error = (field: (typeof fields)[number]) => (failed?.errors[field] ? t(failed.errors[field]) : undefined);

  return (
    <>
      <h1>{t("followUp.settings.title")}</h1>
      <p className="font-lead">{t("followUp.settings.intro")}</p>
      <ErrorSummary errors={errorList(failed?.errors, fields, t)} />
      {/* Keyed by the saved values, so the fields show them again after a change. */}
      <Form method="post" noValidate key={`${saved.firstMonth}-${saved.intervalDays}`}>
        {fields.map((field) => (
          <TextField
            key={field}
            name={field}
            {...numberInput}
            label={t(`followUp.settings.${field}`)}
            hint={t(`followUp.settings.${field}Hint`)}
            maxLength={2}
            defaultValue={value(field)}
            error={error(field)}
          />
        ))}
        <Button pending={navigation.state === "submitting"}>{t("followUp.settings.save")}</Button>
      </Form>
    </>
  );
}
