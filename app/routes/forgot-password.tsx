import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { Alert, Button, ErrorSummary, TextField } from "~/components/ui";
import { errorList, validateForm, type FieldErrors } from "~/forms/validate";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import { requestPasswordReset } from "~/modules/auth/accounts.server";
import { requireAnonymous } from "~/modules/auth/guards.server";
import { forgotPasswordSchema } from "~/modules/auth/schemas";
import { accountDeps } from "~/request.server";
import { publicPageHeaders } from "~/http-cache";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "auth.forgot.title");

export const headers = publicPageHeaders;

export async function loader(args: LoaderFunctionArgs) {
  await requireAnonymous(args);
  return null;
}

export async function action(args: ActionFunctionArgs) {
  await requireAnonymous(args);
  const form = validateForm(await args.request.formData(), forgotPasswordSchema);
  if (!form.ok) return data({ errors: form.errors, values: form.values, sent: false }, { status: 400 });
  await requestPasswordReset(accountDeps(args), form.data.email);
  // The same answer whether or not the account exists.
  return { errors: {} as FieldErrors, values: { email: form.data.email }, sent: true };
}

export default function ForgotPassword() {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const pending = useNavigation().state === "submitting";
  const errors = actionData && !actionData.sent ? actionData.errors : undefined;
  return (
    <div className="row">
      <div className="col-12 col-md-8 col-lg-6">
        <h1>{t("auth.forgot.title")}</h1>
        {actionData?.sent ? (
          <Alert variant="success">{t("auth.forgot.sent")}</Alert>
        ) : (
          <>
            <p className="font-lead">{t("auth.forgot.intro")}</p>
            <ErrorSummary errors={errorList(errors, ["email"], t)} />
            <Form method="post" noValidate>
              <TextField
                name="email"
                type="email"
                autoComplete="email"
                label={t("auth.forgot.email")}
                defaultValue={actionData?.values.email ?? ""}
                error={errors?.email && t(errors.email)}
                required
              />
              <Button pending={pending}>{t("auth.forgot.submit")}</Button>
            </Form>
          </>
        )}
      </div>
    </div>
  );
}
