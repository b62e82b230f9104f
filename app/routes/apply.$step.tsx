import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { StepFields } from "~/components/application/StepFields";
import { Alert, Button, ErrorSummary, StepIndicator, type StepStatus } from "~/components/ui";
import { fieldErrorsOf, fieldOrder, inputOf, postedValues, referenceSlots, savedValues, type FormValues } from "~/forms/application";
import { errorList, type FieldErrors } from "~/forms/validate";
import type { Translate } from "~/i18n/catalogue";
import { useT } from "~/i18n/react";
import { forbidden, requirePermission } from "~/modules/auth/guards.server";
import { getApplication, saveApplicationStep, submitApplication } from "~/modules/volunteers/application.server";
import { applicationSteps, applicationStepNames, type ApplicationStepName, type StepAnswers } from "~/modules/volunteers/schemas";
import { redirectWithToast } from "~/toast.server";
import { actorOf, volunteerDeps } from "~/request.server";

const pageNames = [...applicationStepNames, "summary"] as const;
type PageName = (typeof pageNames)[number];

function pageOf(value: string | undefined): PageName {
  const page = pageNames.find((name) => name === value);
  if (!page) throw new Response("Not found", { status: 404 });
  return page;
}

type Application = NonNullable<Awaited<ReturnType<typeof getApplication>>>;

/** Which steps hold a saved answer; the module's submit decides what is complete. */
function progressOf(application: Application | null): Record<ApplicationStepName, boolean> {
  const answers = application?.answers ?? {};
  return {
    kind: Boolean(application),
    about: Boolean(answers.about && (application?.kind !== "company" || answers.about.employer)),
    interests: Boolean(answers.interests),
    availability: Boolean(answers.availability),
    preferences: Boolean(answers.preferences),
    references: (application?.references.length ?? 0) >= referenceSlots.length,
    consents: Boolean(answers.consents),
  };
}

export async function loader(args: LoaderFunctionArgs) {
  const user = await requirePermission(args, "create:application:own");
  const page = pageOf(args.params.step);
  const application = await getApplication(args.context.db, actorOf(args, user));
  if (application && application.status !== "draft") throw redirect("/application");
  if (!application && page !== "kind") throw redirect("/apply/kind");
  const kindParam = new URL(args.request.url).searchParams.get("kind");
  return {
    page,
    email: user.email,
    progress: progressOf(application),
    values: page === "summary" ? {} : savedValues(page, application, kindParam),
  };
}

export async function action(args: ActionFunctionArgs) {
  const user = await requirePermission(args, "create:application:own");
  const page = pageOf(args.params.step);
  const actor = actorOf(args, user);
  if (page === "summary") {
    const result = await submitApplication(volunteerDeps(args), actor);
    if (result.ok) return redirectWithToast("/application", { key: "application.summary.submitted", variant: "success" });
    if (result.reason === "incomplete") return data({ errors: {} as FieldErrors, values: {} as FormValues, missing: result.missing }, { status: 400 });
    if (result.reason === "forbidden") forbidden();
    throw redirect(result.reason === "not_found" ? "/apply/kind" : "/application");
  }

  const form = await args.request.formData();
  const input = inputOf(page, form);
  const parsed = applicationSteps[page].safeParse(input);
  const errors = parsed.success ? {} : fieldErrorsOf(page, parsed.error, form);
  if (page === "about" && parsed.success && !(parsed.data as StepAnswers<"about">).employer) {
    // The schema cannot know the kind; a company mentor is placed at their own workplace.
    const application = await getApplication(args.context.db, actor);
    if (application?.kind === "company") errors.employer = "application.about.employerRequired";
  }
  if (Object.keys(errors).length > 0) return data({ errors, values: postedValues(form), missing: [] as string[] }, { status: 400 });

  const saved = await saveApplicationStep(args.context.db, actor, page, input);
  if (!saved.ok) {
    if (saved.reason === "forbidden") forbidden();
    if (saved.reason === "kind_first") throw redirect("/apply/kind");
    if (saved.reason === "illegal_state") throw redirect("/application");
    return data({ errors: { form: "validation.invalid" } as FieldErrors, values: postedValues(form), missing: [] as string[] }, { status: 400 });
  }
  return redirect(`/apply/${pageNames[pageNames.indexOf(page) + 1]}`);
}

export default function ApplyStep() {
  const t = useT();
  const { page, email, progress, values: saved } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const pending = useNavigation().state === "submitting";
  const errors = actionData?.errors;
  const values: FormValues = actionData && page !== "summary" ? actionData.values : saved;
  const index = pageNames.indexOf(page);
  const previous = index > 0 ? pageNames[index - 1] : undefined;

  const steps = pageNames.map((name) => {
    const status: StepStatus = name === page ? "current" : name !== "summary" && progress[name] ? "done" : "todo";
    return { label: t(`application.steps.${name}`), href: `/apply/${name}`, status };
  });

  return (
    <>
      <StepIndicator steps={steps} label={t("application.steps.label")} />
      <h2 className="mt-7">{t(`application.steps.${page}`)}</h2>
      {page === "summary" ? (
        <Summary progress={progress} missing={actionData?.missing ?? []} pending={pending} t={t} />
      ) : (
        <>
          <ErrorSummary errors={errorList(errors, ["form", ...fieldOrder[page]], t)} />
          <Form method="post" noValidate>
            <StepFields step={page} values={values} errors={errors ?? {}} email={email} />
            <div className="button-group mt-7">
              <Button pending={pending}>{t("application.nav.next")}</Button>
              {previous ? (
                <Link to={`/apply/${previous}`} className="ml-5">
                  {t("application.nav.back")}
                </Link>
              ) : null}
            </div>
          </Form>
        </>
      )}
    </>
  );
}

type SummaryProps = { progress: Record<ApplicationStepName, boolean>; missing: string[]; pending: boolean; t: Translate };

function Summary({ progress, missing, pending, t }: SummaryProps) {
  const missingSteps = applicationStepNames.filter((step) => missing.includes(step));
  return (
    <>
      {missingSteps.length > 0 ? (
        <Alert variant="error" heading={t("application.summary.incompleteHeading")} headingLevel={3}>
          <p>{t("application.summary.incompleteText")}</p>
          <ul>
            {missingSteps.map((step) => (
              <li key={step}>
                <Link to={`/apply/${step}`}>{t(`application.steps.${step}`)}</Link>
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
      <p>{t("application.summary.intro")}</p>
      <dl className="summary-list">
        {applicationStepNames.map((step) => (
          <div className="summary-list-row" key={step}>
            <dt className="summary-list-key">{t(`application.steps.${step}`)}</dt>
            <dd className="summary-list-value">{progress[step] ? t("application.summary.done") : t("application.summary.missing")}</dd>
            <dd className="summary-list-actions">
              <Link to={`/apply/${step}`}>{progress[step] ? t("application.summary.edit") : t("application.summary.fill")}</Link>
            </dd>
          </div>
        ))}
      </dl>
      <Form method="post" className="mt-7">
        <div className="button-group">
          <Button pending={pending}>{t("application.summary.submit")}</Button>
          <Link to="/apply/consents" className="ml-5">
            {t("application.nav.back")}
          </Link>
        </div>
      </Form>
    </>
  );
}
