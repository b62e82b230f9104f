import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { fieldIds, failedFieldErrors } from "~/components/course-admin/fields";
import { ProfileFields, profileFields } from "~/components/associations/ProfileFields";
import { Alert, Button, ErrorSummary, RadioGroup, TextField } from "~/components/ui";
import { useFieldProps, type FailedForm } from "~/components/vetting/forms";
import { errorList, validateForm } from "~/forms/validate";
import { publicPageHeaders } from "~/http-cache";
import { pageTitle } from "~/i18n/meta";
import { useLocale, useT } from "~/i18n/react";
import { registerAssociation, registrationInput } from "~/modules/associations/registration.server";
import { requireAnonymous } from "~/modules/auth/guards.server";
import { passwordProblem } from "~/modules/auth/password.server";
import { accountDeps } from "~/request.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, data?.sent ? "associations.register.sentTitle" : "associations.register.title");

export const headers = publicPageHeaders;

export async function loader(args: LoaderFunctionArgs) {
  await requireAnonymous(args);
  // After a registration the same address says "check your email": a reload does not send the form again.
  return { sent: new URL(args.request.url).searchParams.get("sent") === "1" };
}

const formKey = "register";
const contactFields = ["contactName", "email", "password", "locale"] as const;

type ActionResult = { form: FailedForm | null; rateLimited: boolean };

export async function action(args: ActionFunctionArgs) {
  await requireAnonymous(args);
  const form = validateForm(await args.request.formData(), registrationInput);
  if (!form.ok) return data<ActionResult>({ form: { key: formKey, errors: form.errors, values: form.values }, rateLimited: false }, { status: 400 });
  const { password, ...values } = form.data;
  const weak = passwordProblem(password, [form.data.email, form.data.contactName]);
  const typed = Object.fromEntries(Object.entries(values).map(([key, value]) => [key, value ?? ""]));
  if (weak) return data<ActionResult>({ form: { key: formKey, errors: { password: weak }, values: typed }, rateLimited: false }, { status: 400 });

  const result = await registerAssociation(accountDeps(args), form.data);
  if (!result.ok) {
    if (result.reason === "rate_limited") return data<ActionResult>({ form: null, rateLimited: true }, { status: 429 });
    // The form checked what the module checks; anything else here was not typed by a person.
    throw new Response("Bad request", { status: 400 });
  }
  return redirect("/associations/register?sent=1");
}

function Sent() {
  const t = useT();
  return (
    <div className="row">
      <div className="col-12 col-md-8 col-lg-6">
        <h1>{t("associations.register.sentTitle")}</h1>
        <p className="font-lead">{t("associations.register.sentBody")}</p>
        <p>{t("associations.register.sentNext")}</p>
        <p>{t("associations.register.sentSpam")}</p>
      </div>
    </div>
  );
}

export default function RegisterAssociation() {
  const t = useT();
  const locale = useLocale();
  const { sent } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const pending = useNavigation().state === "submitting";
  const failed = result?.form ?? null;
  const field = useFieldProps(failed, formKey);
  if (sent) return <Sent />;
  const language = field("locale", locale);
  return (
    <div className="row">
      <div className="col-12 col-md-10 col-lg-8">
        <h1>{t("associations.register.title")}</h1>
        <p className="font-lead">{t("associations.register.intro")}</p>
        <ErrorSummary errors={errorList(failedFieldErrors(failed), fieldIds(formKey, [...profileFields, ...contactFields]), t)} />
        {result?.rateLimited ? (
          <Alert variant="error" focus>
            {t("associations.register.rateLimited")}
          </Alert>
        ) : null}
        <Form method="post" noValidate>
          <fieldset>
            <legend className="h2">{t("associations.register.associationHeading")}</legend>
            <ProfileFields failed={failed} formKey={formKey} />
          </fieldset>
          <fieldset className="mt-7">
            <legend className="h2">{t("associations.register.contactHeading")}</legend>
            <p>{t("associations.register.contactIntro")}</p>
            <TextField {...field("contactName")} label={t("associations.register.contactName")} autoComplete="name" maxLength={120} />
            <TextField {...field("email")} type="email" autoComplete="email" label={t("associations.register.email")} hint={t("associations.register.emailHint")} maxLength={254} />
            <TextField
              {...field("password")}
              defaultValue=""
              type="password"
              autoComplete="new-password"
              label={t("associations.register.password")}
              hint={t("associations.register.passwordHint")}
              maxLength={256}
            />
            <RadioGroup
              name={language.name}
              id={language.id}
              error={language.error}
              defaultValue={language.defaultValue || locale}
              legend={t("associations.register.locale")}
              options={[
                { value: "da", label: t("associations.register.localeDa") },
                { value: "en", label: t("associations.register.localeEn") },
              ]}
            />
          </fieldset>
          <Button pending={pending}>{t("associations.register.submit")}</Button>
        </Form>
        <p className="mt-6">
          {t("associations.register.haveAccount")} <Link to="/login">{t("associations.register.loginLink")}</Link>
        </p>
      </div>
    </div>
  );
}
