import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Button, ErrorSummary, TextField } from "~/components/ui";
import { errorList, validateForm, type FieldErrors } from "~/forms/validate";
import { useT } from "~/i18n/react";
import { requestEmailChange } from "~/modules/auth/accounts.server";
import { requirePermission } from "~/modules/auth/guards.server";
import { changeEmailSchema } from "~/modules/auth/schemas";
import { accountDeps } from "~/request.server";
import { redirectWithToast } from "~/toast.server";

export async function loader(args: LoaderFunctionArgs) {
  const user = await requirePermission(args, "update:account:own");
  return { email: user.email };
}

export async function action(args: ActionFunctionArgs) {
  const user = await requirePermission(args, "update:account:own");
  const form = validateForm(await args.request.formData(), changeEmailSchema);
  if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
  const result = await requestEmailChange(accountDeps(args, user.id), user.id, form.data);
  if (!result.ok) {
    const errors: FieldErrors = {
      wrong_password: { password: "account.email.wrongPassword" },
      email_taken: { newEmail: "account.email.taken" },
      same_email: { newEmail: "account.email.same" },
    }[result.reason] as FieldErrors;
    return data({ errors, values: { newEmail: form.data.newEmail } }, { status: 400 });
  }
  return redirectWithToast("/account/email", { key: "account.email.sent", variant: "success" });
}

export default function ChangeEmail() {
  const t = useT();
  const { email } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const pending = useNavigation().state === "submitting";
  const errors = actionData?.errors;
  return (
    <>
      <h2>{t("account.email.title")}</h2>
      <p>
        {t("account.email.current")}: <strong>{email}</strong>
      </p>
      <p>{t("account.email.intro")}</p>
      <ErrorSummary errors={errorList(errors, ["newEmail", "password"], t)} />
      <Form method="post" noValidate>
        <TextField
          name="newEmail"
          type="email"
          autoComplete="email"
          label={t("account.email.new")}
          defaultValue={actionData?.values.newEmail ?? ""}
          error={errors?.newEmail && t(errors.newEmail)}
          required
        />
        <TextField
          name="password"
          type="password"
          autoComplete="current-password"
          label={t("account.email.password")}
          error={errors?.password && t(errors.password)}
          required
        />
        <Button pending={pending}>{t("account.email.submit")}</Button>
      </Form>
    </>
  );
}
