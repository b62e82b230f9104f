import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { Alert, Button, CheckboxField, CheckboxGroup, ErrorSummary, TextField } from "~/components/ui";
import { wholeNumber, type FieldErrors } from "~/forms/validate";
import { isMessageKey, type MessageKey } from "~/i18n/catalogue";
import { pageTitle } from "~/i18n/meta";
import { useFormat, useT } from "~/i18n/react";
import { requirePermission } from "~/modules/auth/guards.server";
import { listCourses } from "~/modules/courses/catalogue.server";
import { getSetting, setSetting } from "~/modules/settings/settings.server";
import { getPolicy, listPolicies, updatePolicy } from "~/modules/volunteers/policy.server";
import { mentorKinds, vettingSteps, type MentorKind } from "~/modules/volunteers/types";
import { actorOf } from "~/request.server";
import { redirectWithToast } from "~/toast.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "vetting.policy.title");

const permission = "update:vetting-policy:any";

export async function loader(args: LoaderFunctionArgs) {
  const user = await requirePermission(args, permission);
  const { db } = args.context;
  const [policies, fourEyes, courses] = await Promise.all([
    listPolicies(db),
    getSetting(db, "four_eyes_approval"),
    listCourses(db, actorOf(args, user), { archived: true }),
  ]);
  return {
    policies: policies.map((policy) => ({ ...policy, courseOptions: courseOptions(courses ?? [], policy.kind, policy.requiredCourseIds) })),
    fourEyes,
  };
}

type CourseRow = NonNullable<Awaited<ReturnType<typeof listCourses>>>[number];

/**
 * The courses a kind's policy can require: the current ones its mentors can book. A course the policy already
 * names stays on the list (archived, or no longer meant for the kind) so that it can be unticked.
 */
function courseOptions(courses: CourseRow[], kind: MentorKind, chosen: string[]) {
  return courses
    .map((course) => ({
      id: course.id,
      title: course.title,
      archived: Boolean(course.archivedAt),
      forKind: course.openToAll || course.audience.length === 0 || course.audience.includes(kind),
    }))
    .filter((course) => (!course.archived && course.forKind) || chosen.includes(course.id));
}

const policyForm = z.object({
  requiredSteps: z.array(z.enum(vettingSteps)),
  referencesRequired: wholeNumber(0, 5, "vetting.policy.referencesRange"),
  attestRenewalMonths: wholeNumber(1, 120, "vetting.policy.monthsRange"),
  requiredCourseIds: z.array(z.string()).max(20, "courseAdmin.policy.tooManyCourses"),
});

const policyFields = ["requiredSteps", "referencesRequired", "attestRenewalMonths", "requiredCourseIds"] as const;

type ActionResult = {
  kind: MentorKind | null;
  errors: FieldErrors;
  values: { requiredSteps: string[]; referencesRequired: string; attestRenewalMonths: string; requiredCourseIds: string[] };
  problem: MessageKey | null;
};

function badRequest(): never {
  throw new Response("Bad request", { status: 400 });
}

export async function action(args: ActionFunctionArgs) {
  const user = await requirePermission(args, permission);
  const actor = actorOf(args, user);
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
    requiredCourseIds: formData.getAll("requiredCourseIds").filter((value): value is string => typeof value === "string"),
  };
  const parsed = policyForm.safeParse(values);
  const errors: FieldErrors = {};
  for (const issue of parsed.error?.issues ?? []) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= isMessageKey(issue.message) ? issue.message : "validation.invalid";
  }
  // Only the courses the page offered for this kind can be chosen.
  const [policy, courses] = await Promise.all([getPolicy(db, kind), listCourses(db, actor, { archived: true })]);
  const offered = new Set(courseOptions(courses ?? [], kind, policy.requiredCourseIds).map((course) => course.id));
  if (values.requiredCourseIds.some((id) => !offered.has(id))) errors.requiredCourseIds ??= "validation.invalid";
  if (!parsed.success || Object.keys(errors).length > 0) return data<ActionResult>({ kind, errors, values, problem: null }, { status: 400 });
  const result = await updatePolicy(db, actor, kind, parsed.data);
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
              {policy.courseOptions.length === 0 ? (
                <>
                  <h3 className="h5">{t("vetting.policy.courses")}</h3>
                  <p>
                    {t("courseAdmin.policy.noCourses")} <Link to="/coordinator/courses/new">{t("courseAdmin.list.new")}</Link>
                  </p>
                </>
              ) : (
                <CheckboxGroup
                  name="requiredCourseIds"
                  id={`${kind}-requiredCourseIds`}
                  legend={t("vetting.policy.courses")}
                  hint={t("courseAdmin.policy.coursesHint")}
                  optional
                  options={policy.courseOptions.map((course) => ({
                    value: course.id,
                    label: course.archived ? t("courseAdmin.policy.archived", { title: course.title }) : course.title,
                    hint: course.forKind ? undefined : t("courseAdmin.policy.notForKind"),
                  }))}
                  defaultValues={failed ? failed.values.requiredCourseIds : policy.requiredCourseIds}
                  error={error("requiredCourseIds")}
                />
              )}
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
