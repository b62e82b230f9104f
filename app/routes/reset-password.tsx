import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Alert, Button, ErrorSummary, TextField } from "~/components/ui";
import { errorList, validateForm, type FieldErrors } from "~/forms/validate";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import { isUsableToken, resetPassword } from "~/modules/auth/accounts.server";
import { resetPasswordSchema } from "~/modules/auth/schemas";
import { accountDeps } from "~/request.server";
import { redirectWithToast } from "~/toast.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "auth.reset.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const usable = token.length > 0 && (await isUsableToken(context.db, token, "reset_password"));
  return { token: usable ? token : null };
}

export async function action(args: ActionFunctionArgs) {
  const form = validateForm(await args.request.formData(), resetPasswordSchema);
  if (!form.ok) return data({ errors: form.errors }, { status: 400 });
  const result = await resetPassword(accountDeps(args), form.data);
  if (result.ok) return redirectWithToast("/login", { key: "auth.reset.done", variant: "success" });
  if (result.reason === "weak_password") {
    return data({ errors: { password: "validation.passwordWeak" } as FieldErrors }, { status: 400 });
  }
  return redirectWithToast("/forgot-password", { key: "auth.reset.invalid", variant: "error" });
}

export default function ResetPassword() {
  const t = useT();
  const { token } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const pending = useNavigation().state === "submitting";
  const errors = actionData?.errors;
  return (
    <div className="row">
      <div className="col-12 col-md-8 col-lg-6">
        <h1>{t("auth.reset.title")}</h1>
        {token ? (
          <>
            <p className="font-lead">{t("auth.reset.intro")}</p>
            <ErrorSummary errors={errorList(errors, ["password"], t)} />
            <Form method="post" noValidate>
              <input type="hidden" name="token" value={token} />
              <TextField
                name="password"
                type="password"
                autoComplete="new-password"
                label={t("auth.reset.password")}
                hint={t("auth.signup.passwordHint")}
                error={errors?.password && t(errors.password)}
                required
              />
              <Button pending={pending}>{t("auth.reset.submit")}</Button>
            </Form>
          </>
        ) : (
          <>
            <Alert variant="error">{t("auth.reset.invalid")}</Alert>
            <p>
              <Link to="/forgot-password">{t("auth.reset.requestNew")}</Link>
            </p>
          </>
        )}
      </div>
    </div>
  );
}
