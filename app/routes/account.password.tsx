import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { Button, ErrorSummary, TextField } from "~/components/ui";
import { errorList, validateForm, type FieldErrors } from "~/forms/validate";
import { useT } from "~/i18n/react";
import { changePassword } from "~/modules/auth/accounts.server";
import { sessionCookie } from "~/modules/auth/cookies.server";
import { requirePermission } from "~/modules/auth/guards.server";
import { changePasswordSchema } from "~/modules/auth/schemas";
import { accountDeps } from "~/request.server";
import { redirectWithToast } from "~/toast.server";

export async function loader(args: LoaderFunctionArgs) {
  await requirePermission(args, "update:account:own");
  return null;
}

export async function action(args: ActionFunctionArgs) {
  const user = await requirePermission(args, "update:account:own");
  const form = validateForm(await args.request.formData(), changePasswordSchema);
  if (!form.ok) return data({ errors: form.errors }, { status: 400 });
  const result = await changePassword(accountDeps(args, user.id), user.id, form.data);
  if (!result.ok) {
    const errors: FieldErrors =
      result.reason === "wrong_password"
        ? { currentPassword: "account.password.wrong" }
        : { newPassword: "validation.passwordWeak" };
    return data({ errors }, { status: 400 });
  }
  return redirectWithToast("/account", { key: "account.password.changed", variant: "success" }, {
    headers: { "Set-Cookie": sessionCookie(args.context.env, result.token, result.expiresAt) },
  });
}

export default function ChangePassword() {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const pending = useNavigation().state === "submitting";
  const errors = actionData?.errors;
  return (
    <>
      <h2>{t("account.password.title")}</h2>
      <p>{t("account.password.intro")}</p>
      <ErrorSummary errors={errorList(errors, ["currentPassword", "newPassword"], t)} />
      <Form method="post" noValidate>
        <TextField
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          label={t("account.password.current")}
          error={errors?.currentPassword && t(errors.currentPassword)}
          required
        />
        <TextField
          name="newPassword"
          type="password"
          autoComplete="new-password"
          label={t("account.password.new")}
          hint={t("auth.signup.passwordHint")}
          error={errors?.newPassword && t(errors.newPassword)}
          required
        />
        <Button pending={pending}>{t("account.password.submit")}</Button>
      </Form>
    </>
  );
}
