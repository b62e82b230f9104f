import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { Alert, Button, CheckboxField, CheckboxGroup, ErrorSummary, TextField } from "~/components/ui";
import type { FieldErrors } from "~/forms/validate";
import { isMessageKey, type MessageKey } from "~/i18n/catalogue";
import { pageTitle } from "~/i18n/meta";
import { useFormat, useT } from "~/i18n/react";
import { requirePermission } from "~/modules/auth/guards.server";
import { getSetting, setSetting } from "~/modules/settings/settings.server";
import { getPolicy, listPolicies, updatePolicy } from "~/modules/volunteers/policy.server";
import { mentorKinds, vettingSteps, type MentorKind } from "~/modules/volunteers/types";
import { redirectWithToast } from "~/toast.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "vetting.policy.title");

const permission = "update:vetting-policy:any";

export async function loader(args: LoaderFunctionArgs) {
  await requirePermission(args, permission);
  const { db } = args.context;
  const [policies, fourEyes] = await Promise.all([listPolicies(db), getSetting(db, "four_eyes_approval")]);
  return { policies, fourEyes };
}

/** A whole number typed into a text field, with one message for every way it can be wrong. */
const wholeNumber = (min: number, max: number, message: MessageKey) =>
  z
    .string({ required_error: message })
    .trim()
    .regex(/^\d{1,4}$/, message)
    .transform(Number)
    .pipe(z.number().min(min, message).max(max, message));

const policyForm = z.object({
  requiredSteps: z.array(z.enum(vettingSteps)),
  referencesRequired: wholeNumber(0, 5, "vetting.policy.referencesRange"),
  attestRenewalMonths: wholeNumber(1, 120, "vetting.policy.monthsRange"),
});

const policyFields = ["requiredSteps", "referencesRequired", "attestRenewalMonths"] as const;

type ActionResult = {
  kind: MentorKind | null;
  errors: FieldErrors;
  values: { requiredSteps: string[]; referencesRequired: string; attestRenewalMonths: string };
  problem: MessageKey | null;
};

function badRequest(): never {
  throw new Response("Bad request", { status: 400 });
}

export async function action(args: ActionFunctionArgs) {
  const user = await requirePermission(args, permission);
  const actor = { id: user.id, role: user.role, requestId: args.context.requestId, ip: args.context.ip };
  const { db } = args.context;
  const formData = await args.request.formData();

  if (formData.get("intent") === "approval") {
    // An unticked checkbox is absent from the form: absence means "off".
    const saved = await setSetting(db, actor, "four_eyes_approval", formData.get("fourEyes") === "on");
    if (!saved.ok) badRequest();
    return redirectWithToast("/admin/vetting-policy", { key: "vetting.policy.approvalSaved", variant: "success" });
  }

  const kind = mentorKinds.find((candidate) => candidate === formData.get("kind"));
  if (formData.get("intent") !== "policy" || !kind) badRequest();
  const values = {
    requiredSteps: formData.getAll("requiredSteps").filter((value): value is string => typeof value === "string"),
    referencesRequired: String(formData.get("referencesRequired") ?? ""),
    attestRenewalMonths: String(formData.get("attestRenewalMonths") ?? ""),
  };
  const parsed = policyForm.safeParse(values);
  if (!parsed.success) {
    const errors: FieldErrors = {};
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "form");
      errors[field] ??= isMessageKey(issue.message) ? issue.message : "validation.invalid";
    }
    return data<ActionResult>({ kind, errors, values, problem: null }, { status: 400 });
  }
  // Courses are not chosen on this page yet (no courses table): keep the ones the policy already names.
  const { requiredCourseIds } = await getPolicy(db, kind);
  const result = await updatePolicy(db, actor, kind, { ...parsed.data, requiredCourseIds });
  if (!result.ok) return data<ActionResult>({ kind, errors: {}, values, problem: "vetting.policy.failed" }, { status: 400 });
  return redirectWithToast("/admin/vetting-policy", { key: "vetting.policy.saved", variant: "success" });
}

export default function VettingPolicy() {
  const t = useT();
  const format = useFormat();
  const { policies, fourEyes } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const submitting = navigation.state === "submitting" ? navigation.formData : null;
  const failedKind = actionData?.kind ?? null;
  const errors = actionData?.errors ?? {};
  // Field ids carry the kind: three forms share the field names on one page.
  const summary = failedKind
    ? policyFields.filter((field) => errors[field]).map((field) => ({ field: `${failedKind}-${field}`, message: t(errors[field]!) }))
    : [];

  return (
    <>
      <h1>{t("vetting.policy.title")}</h1>
      <p className="font-lead">{t("vetting.policy.intro")}</p>
      <ErrorSummary errors={summary} />
      {actionData?.problem ? <Alert variant="error">{t(actionData.problem)}</Alert> : null}

      {policies.map((policy) => {
        const kind = policy.kind;
        const failed = failedKind === kind ? actionData : undefined;
        const error = (field: (typeof policyFields)[number]) => (failed?.errors[field] ? t(failed.errors[field]) : undefined);
        const kindName = t(`vetting.kinds.${kind}`);
        return (
          <section key={kind} aria-labelledby={`${kind}-heading`} className="mt-8">
            <h2 id={`${kind}-heading`}>{kindName}</h2>
            <p>{t("vetting.policy.updatedAt", { date: format.dateTime(policy.updatedAt) })}</p>
            {/* Keyed by the saved time, so the fields show the saved policy again after a change. */}
            <Form method="post" key={`${kind}-${String(policy.updatedAt)}`} noValidate>
              <input type="hidden" name="intent" value="policy" />
              <input type="hidden" name="kind" value={kind} />
              <CheckboxGroup
                name="requiredSteps"
                id={`${kind}-requiredSteps`}
                legend={t("vetting.policy.requiredSteps")}
                hint={t("vetting.policy.requiredStepsHint")}
                options={vettingSteps.map((step) => ({ value: step, label: t(`vetting.steps.${step}`) }))}
                defaultValues={failed ? failed.values.requiredSteps : policy.requiredSteps}
                error={error("requiredSteps")}
              />
              <TextField
                name="referencesRequired"
                id={`${kind}-referencesRequired`}
                label={t("vetting.policy.referencesRequired")}
                hint={t("vetting.policy.referencesHint")}
                inputMode="numeric"
                className="input-width-xs"
                defaultValue={failed ? failed.values.referencesRequired : String(policy.referencesRequired)}
                error={error("referencesRequired")}
                required
              />
              <TextField
                name="attestRenewalMonths"
                id={`${kind}-attestRenewalMonths`}
                label={t("vetting.policy.attestRenewalMonths")}
                hint={t("vetting.policy.attestRenewalHint")}
                inputMode="numeric"
                className="input-width-xs"
                defaultValue={failed ? failed.values.attestRenewalMonths : String(policy.attestRenewalMonths)}
                error={error("attestRenewalMonths")}
                required
              />
              <h3 className="h5">{t("vetting.policy.courses")}</h3>
              <p>
                {policy.requiredCourseIds.length === 0
                  ? t("vetting.policy.coursesNone")
                  : t("vetting.policy.coursesCount", { count: format.number(policy.requiredCourseIds.length) })}
              </p>
              <Button pending={submitting?.get("kind") === kind}>{t("vetting.policy.save", { kind: kindName })}</Button>
            </Form>
          </section>
        );
      })}

      <section aria-labelledby="approval-heading" className="mt-8">
        <h2 id="approval-heading">{t("vetting.policy.approvalHeading")}</h2>
        <Form method="post" key={String(fourEyes)}>
          <input type="hidden" name="intent" value="approval" />
          <CheckboxField
            name="fourEyes"
            label={t("vetting.policy.fourEyes")}
            hint={t("vetting.policy.fourEyesHint")}
            defaultChecked={fourEyes}
          />
          <Button pending={submitting?.get("intent") === "approval"}>{t("vetting.policy.saveApproval")}</Button>
        </Form>
      </section>
    </>
  );
}
