import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { Alert, Button, ErrorSummary, TextField } from "~/components/ui";
import { errorList, validateForm, type FieldErrors } from "~/forms/validate";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import { logIn } from "~/modules/auth/accounts.server";
import { sessionCookie } from "~/modules/auth/cookies.server";
import { requireAnonymous, safeRedirectPath } from "~/modules/auth/guards.server";
import { loginSchema } from "~/modules/auth/schemas";
import { localeCookie } from "~/i18n/locale.server";
import { accountDeps } from "~/request.server";
import { publicPageHeaders } from "~/http-cache";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "auth.login.title");

export const headers = publicPageHeaders;

export async function loader(args: LoaderFunctionArgs) {
  await requireAnonymous(args);
  return null;
}

export async function action(args: ActionFunctionArgs) {
  await requireAnonymous(args);
  const form = validateForm(await args.request.formData(), loginSchema);
  if (!form.ok) return data({ errors: form.errors, values: form.values, problem: null }, { status: 400 });

  const result = await logIn(accountDeps(args), form.data);
  if (result.ok) {
    const headers = new Headers();
    headers.append("Set-Cookie", sessionCookie(args.context.env, result.token, result.expiresAt));
    headers.append("Set-Cookie", localeCookie(args.context.env, result.user.locale));
    return redirect(safeRedirectPath(form.data.redirectTo), { headers });
  }
  const values = { email: form.data.email };
  if (result.reason === "rate_limited") {
    const minutes = Math.ceil(result.retryAfterSeconds / 60);
    return data(
      { errors: {} as FieldErrors, values, problem: { key: "auth.login.rateLimited" as const, minutes } },
      { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds) } },
    );
  }
  const key = ({ invalid: "auth.login.invalid", disabled: "auth.login.disabled", unverified: "auth.login.unverified" } as const)[
    result.reason
  ];
  return data({ errors: {} as FieldErrors, values, problem: { key, minutes: 0 } }, { status: result.reason === "invalid" ? 401 : 403 });
}

export default function Login() {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const pending = useNavigation().state === "submitting";
  const errors = actionData?.errors;
  return (
    <div className="row">
      <div className="col-12 col-md-8 col-lg-6">
        <h1>{t("auth.login.title")}</h1>
        <p className="font-lead">{t("auth.login.intro")}</p>
        <ErrorSummary errors={errorList(errors, ["email", "password"], t)} />
        {actionData?.problem ? (
          <Alert variant="error">{t(actionData.problem.key, { minutes: actionData.problem.minutes })}</Alert>
        ) : null}
        <Form method="post" noValidate>
          <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
          <TextField
            name="email"
            type="email"
            autoComplete="email"
            label={t("auth.login.email")}
            defaultValue={actionData?.values.email ?? ""}
            error={errors?.email && t(errors.email)}
            required
          />
          <TextField
            name="password"
            type="password"
            autoComplete="current-password"
            label={t("auth.login.password")}
            error={errors?.password && t(errors.password)}
            required
          />
          <Button pending={pending}>{t("auth.login.submit")}</Button>
        </Form>
        <p className="mt-6">
          <Link to="/forgot-password">{t("auth.login.forgot")}</Link>
        </p>
        <p>
          {t("auth.login.noAccount")} <Link to="/signup">{t("auth.login.signupLink")}</Link>
        </p>
      </div>
    </div>
  );
}
