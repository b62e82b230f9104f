import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { ZodError } from "zod";
import { AvailabilityGrid } from "~/components/application/AvailabilityGrid";
import {
  Alert,
  Button,
  CheckboxField,
  CheckboxGroup,
  ErrorSummary,
  RadioGroup,
  Select,
  StepIndicator,
  TextArea,
  TextField,
  type StepStatus,
} from "~/components/ui";
import { errorList, type FieldErrors } from "~/forms/validate";
import { isMessageKey, type MessageKey, type Translate } from "~/i18n/catalogue";
import { useT } from "~/i18n/react";
import { forbidden, requirePermission } from "~/modules/auth/guards.server";
import { getApplication, saveApplicationStep, submitApplication } from "~/modules/volunteers/application.server";
import { applicationSteps, applicationStepNames, interestTags, type ApplicationStepName, type StepAnswers } from "~/modules/volunteers/schemas";
import { CODE_OF_CONDUCT_VERSION, mentorKinds } from "~/modules/volunteers/types";
import { redirectWithToast } from "~/toast.server";
import { actorOf, volunteerDeps } from "~/request.server";

const pageNames = [...applicationStepNames, "summary"] as const;
type PageName = (typeof pageNames)[number];

/** Billund Kommune's towns; anyone may still write another. Stored as written, so they are not translated. */
const towns = ["Billund", "Grindsted", "Vorbasse", "Hejnsvig", "Sønder Omme", "Filskov", "Stenderup-Krogager", "Grene"];
const languages = ["da", "en", "de", "uk", "ar", "pl", "ro", "tr", "so", "fa"] as const;
const referenceSlots = [1, 2] as const;
const referenceFields = ["name", "relation", "phone", "email"] as const;

/** The fields of each step in the order the form shows them, for the error summary. */
const fieldOrder: Record<ApplicationStepName, string[]> = {
  kind: ["kind"],
  about: ["motivation", "experience", "occupation", "employer"],
  interests: ["interests", "ownWords", "languages", "otherLanguages"],
  availability: ["town", "townOther", "slots", "afterHoursReachable"],
  preferences: ["capacity", "ageMin", "ageMax", "genderPreference"],
  references: referenceSlots.flatMap((n) => referenceFields.map((field) => referenceField(n, field))),
  consents: ["criminalRecordConsent", "codeOfConduct", "privacyAcknowledged"],
};

/** A missing answer to a choice reads better as "choose …" than as the generic "fill in the field". */
const requiredMessages: Partial<Record<string, MessageKey>> = {
  kind: "application.kind.required",
  languages: "application.interests.languagesRequired",
  slots: "application.availability.slotsRequired",
  afterHoursReachable: "application.availability.afterHoursRequired",
  capacity: "application.preferences.capacityRequired",
  genderPreference: "application.preferences.genderRequired",
  ref1Phone: "application.references.contactRequired",
  ref2Phone: "application.references.contactRequired",
  criminalRecordConsent: "application.consents.criminalRecordRequired",
  codeOfConduct: "application.consents.codeOfConductRequired",
  privacyAcknowledged: "application.consents.privacyRequired",
};

type FormValues = Record<string, string[]>;

function referenceField(n: number, field: (typeof referenceFields)[number]) {
  return `ref${n}${field[0]!.toUpperCase()}${field.slice(1)}`;
}

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

/** The saved answers of one step as the form's values. */
function savedValues(step: ApplicationStepName, application: Application | null, kindParam: string | null): FormValues {
  const answers = application?.answers ?? {};
  const text = (value: string | number | undefined | null) => (value === undefined || value === null ? [] : [String(value)]);
  switch (step) {
    case "kind":
      return { kind: text(application?.kind ?? mentorKinds.find((kind) => kind === kindParam)) };
    case "about": {
      const about = answers.about;
      return { motivation: text(about?.motivation), experience: text(about?.experience), occupation: text(about?.occupation), employer: text(about?.employer) };
    }
    case "interests": {
      const interests = answers.interests;
      const spoken = interests?.languages ?? [];
      const others = spoken.filter((language) => !(languages as readonly string[]).includes(language));
      return {
        interests: interests?.interests ?? [],
        ownWords: text(interests?.ownWords),
        languages: spoken.filter((language) => (languages as readonly string[]).includes(language)),
        otherLanguages: others.length ? [others.join(", ")] : [],
      };
    }
    case "availability": {
      const availability = answers.availability;
      if (!availability) return {};
      const listed = towns.includes(availability.town);
      return {
        town: [listed ? availability.town : "other"],
        townOther: listed ? [] : [availability.town],
        slots: availability.slots,
        afterHoursReachable: [availability.afterHoursReachable ? "yes" : "no"],
      };
    }
    case "preferences": {
      const preferences = answers.preferences;
      return {
        capacity: text(preferences?.capacity),
        ageMin: text(preferences?.ageMin ?? 15),
        ageMax: text(preferences?.ageMax ?? 25),
        genderPreference: text(preferences?.genderPreference ?? "any"),
      };
    }
    case "references": {
      const values: FormValues = {};
      for (const reference of application?.references ?? []) {
        for (const field of referenceFields) values[referenceField(reference.position, field)] = text(reference[field]);
      }
      return values;
    }
    case "consents": {
      const consents = answers.consents;
      return {
        criminalRecordConsent: consents ? ["yes"] : [],
        codeOfConduct: consents?.codeOfConductVersion === CODE_OF_CONDUCT_VERSION ? ["yes"] : [],
        privacyAcknowledged: consents ? ["yes"] : [],
      };
    }
  }
}

/** What the form posted, in the shape the step's schema expects. */
function inputOf(step: ApplicationStepName, form: FormData): unknown {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : undefined;
  };
  const list = (name: string) => form.getAll(name).filter((value): value is string => typeof value === "string");
  const whole = (name: string) => {
    const value = text(name)?.trim();
    if (!value) return undefined;
    return /^\d{1,3}$/.test(value) ? Number(value) : Number.NaN;
  };
  const ticked = (name: string) => (text(name) === "yes" ? true : undefined);
  switch (step) {
    case "kind":
      return { kind: text("kind") || undefined };
    case "about":
      return { motivation: text("motivation"), experience: text("experience"), occupation: text("occupation"), employer: text("employer") };
    case "interests": {
      const others = (text("otherLanguages") ?? "").split(",").map((language) => language.trim()).filter(Boolean);
      return { interests: list("interests"), ownWords: text("ownWords"), languages: [...new Set([...list("languages"), ...others])] };
    }
    case "availability": {
      const town = text("town");
      const reachable = text("afterHoursReachable");
      return {
        town: town === "other" ? text("townOther") : town,
        slots: list("slots"),
        afterHoursReachable: reachable === "yes" ? true : reachable === "no" ? false : undefined,
      };
    }
    case "preferences":
      return { capacity: whole("capacity"), ageMin: whole("ageMin"), ageMax: whole("ageMax"), genderPreference: text("genderPreference") || undefined };
    case "references":
      return {
        references: referenceSlots.map((n) => Object.fromEntries(referenceFields.map((field) => [field, text(referenceField(n, field)) ?? ""]))),
      };
    case "consents":
      return {
        criminalRecordConsent: ticked("criminalRecordConsent"),
        codeOfConductVersion: ticked("codeOfConduct") ? (text("codeOfConductVersion") ?? "") : "",
        privacyAcknowledged: ticked("privacyAcknowledged"),
      };
  }
}

/** One catalogue message per form field, named as the form names its inputs. */
function fieldErrorsOf(step: ApplicationStepName, error: ZodError, form: FormData): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const [first, index, nested] = issue.path;
    let field = String(first ?? "form");
    if (step === "references" && typeof index === "number") field = referenceField(index + 1, nested as (typeof referenceFields)[number]);
    if (step === "consents" && field === "codeOfConductVersion") field = "codeOfConduct";
    if (step === "availability" && field === "town" && form.get("town") === "other") field = "townOther";
    if (errors[field]) continue;
    const missing = issue.code === "invalid_type" && issue.received === "undefined";
    const key: MessageKey = isMessageKey(issue.message) ? issue.message : missing ? "validation.required" : "validation.invalid";
    errors[field] = key === "validation.required" ? (requiredMessages[field] ?? key) : key;
  }
  return errors;
}

function postedValues(form: FormData): FormValues {
  const values: FormValues = {};
  for (const [name, value] of form) if (typeof value === "string") (values[name] ??= []).push(value);
  return values;
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
            <StepFields page={page} values={values} errors={errors ?? {}} email={email} t={t} />
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

type StepFieldsProps = { page: ApplicationStepName; values: FormValues; errors: FieldErrors; email: string; t: Translate };

function StepFields({ page, values, errors, email, t }: StepFieldsProps) {
  const one = (name: string) => values[name]?.[0] ?? "";
  const all = (name: string) => values[name] ?? [];
  const error = (name: string) => {
    const key = errors[name];
    return key ? t(key) : undefined;
  };
  switch (page) {
    case "kind":
      return (
        <>
          <p>{t("application.kind.account", { email })}</p>
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
