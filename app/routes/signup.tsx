import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { Alert, Button, ErrorSummary, RadioGroup, TextField } from "~/components/ui";
import { errorList, validateForm, type FieldErrors } from "~/forms/validate";
import { pageTitle } from "~/i18n/meta";
import { useLocale, useT } from "~/i18n/react";
import { signUp } from "~/modules/auth/accounts.server";
import { requireAnonymous } from "~/modules/auth/guards.server";
import { passwordProblem } from "~/modules/auth/password.server";
import { signupSchema } from "~/modules/auth/schemas";
import { accountDeps } from "~/request.server";
import { redirectWithToast } from "~/toast.server";
import { publicPageHeaders } from "~/http-cache";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "auth.signup.title");

export const headers = publicPageHeaders;

export async function loader(args: LoaderFunctionArgs) {
  await requireAnonymous(args);
  return null;
}

export async function action(args: ActionFunctionArgs) {
  await requireAnonymous(args);
  const form = validateForm(await args.request.formData(), signupSchema);
  if (!form.ok) return data({ errors: form.errors, values: form.values, rateLimited: false }, { status: 400 });
  const { password, ...values } = form.data;
  const weak = passwordProblem(password, [form.data.email, form.data.name]);
  if (weak) return data({ errors: { password: weak } as FieldErrors, values, rateLimited: false }, { status: 400 });

  const result = await signUp(accountDeps(args), form.data);
  if (!result.ok) return data({ errors: {} as FieldErrors, values, rateLimited: true }, { status: 429 });
  return redirectWithToast("/check-email", { key: "auth.checkEmail.title", variant: "success" });
}

const fields = ["name", "email", "password", "locale"] as const;

export default function Signup() {
  const t = useT();
  const locale = useLocale();
  const actionData = useActionData<typeof action>();
  const pending = useNavigation().state === "submitting";
  const errors = actionData?.errors;
  const values: Record<string, string | undefined> = actionData?.values ?? {};
  return (
    <div className="row">
      <div className="col-12 col-md-8 col-lg-6">
        <h1>{t("auth.signup.title")}</h1>
        <p className="font-lead">{t("auth.signup.intro")}</p>
        <ErrorSummary errors={errorList(errors, fields, t)} />
        {actionData?.rateLimited ? <Alert variant="error">{t("auth.signup.rateLimited")}</Alert> : null}
        <Form method="post" noValidate>
          <TextField
            name="name"
            autoComplete="name"
            label={t("auth.signup.name")}
            defaultValue={values.name ?? ""}
            error={errors?.name && t(errors.name)}
            required
          />
          <TextField
            name="email"
            type="email"
            autoComplete="email"
            label={t("auth.signup.email")}
            hint={t("auth.signup.emailHint")}
            defaultValue={values.email ?? ""}
            error={errors?.email && t(errors.email)}
            required
          />
          <TextField
            name="password"
            type="password"
            autoComplete="new-password"
            label={t("auth.signup.password")}
            hint={t("auth.signup.passwordHint")}
            error={errors?.password && t(errors.password)}
            minLength={12}
            maxLength={256}
            required
          />
          <RadioGroup
            name="locale"
            legend={t("auth.signup.locale")}
            defaultValue={values.locale ?? locale}
            error={errors?.locale && t(errors.locale)}
            options={[
              { value: "da", label: t("auth.signup.localeDa") },
              { value: "en", label: t("auth.signup.localeEn") },
            ]}
          />
          <Button pending={pending}>{t("auth.signup.submit")}</Button>
        </Form>
        <p className="mt-6">
          {t("auth.signup.haveAccount")} <Link to="/login">{t("auth.signup.loginLink")}</Link>
        </p>
      </div>
    </div>
  );
}
