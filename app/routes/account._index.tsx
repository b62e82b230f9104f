import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Button, ErrorSummary, RadioGroup, TextField } from "~/components/ui";
import { errorList, validateForm } from "~/forms/validate";
import { localeCookie } from "~/i18n/locale.server";
import { useFormat, useT } from "~/i18n/react";
import { updateProfile } from "~/modules/auth/accounts.server";
import { requirePermission } from "~/modules/auth/guards.server";
import { profileSchema } from "~/modules/auth/schemas";
import { getUser } from "~/modules/auth/users.server";
import { accountDeps } from "~/request.server";
import { redirectWithToast } from "~/toast.server";

export async function loader(args: LoaderFunctionArgs) {
  const user = await requirePermission(args, "read:account:own");
  const profile = await getUser(args.context.db, user.id);
  return { name: user.name, email: user.email, locale: user.locale, createdAt: profile?.createdAt ?? null };
}

export async function action(args: ActionFunctionArgs) {
  const user = await requirePermission(args, "update:account:own");
  const form = validateForm(await args.request.formData(), profileSchema);
  if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
  await updateProfile(accountDeps(args, user.id), user.id, form.data);
  return redirectWithToast("/account", { key: "account.profile.saved", variant: "success" }, {
    headers: { "Set-Cookie": localeCookie(args.context.env, form.data.locale) },
  });
}

export default function Profile() {
  const t = useT();
  const format = useFormat();
  const profile = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const pending = useNavigation().state === "submitting";
  const errors = actionData?.errors;
  return (
    <>
      <h2>{t("account.profile.title")}</h2>
      <p>
        {t("account.profile.email")}: <strong>{profile.email}</strong>
      </p>
      {profile.createdAt ? <p>{t("account.profile.since", { date: format.date(profile.createdAt) })}</p> : null}
      <ErrorSummary errors={errorList(errors, ["name", "locale"], t)} />
      <Form method="post" noValidate>
        <TextField
          name="name"
          autoComplete="name"
          label={t("account.profile.name")}
          defaultValue={actionData?.values.name ?? profile.name}
          error={errors?.name && t(errors.name)}
          required
        />
        <RadioGroup
          name="locale"
          legend={t("auth.signup.locale")}
          defaultValue={actionData?.values.locale ?? profile.locale}
          error={errors?.locale && t(errors.locale)}
          options={[
            { value: "da", label: t("auth.signup.localeDa") },
            { value: "en", label: t("auth.signup.localeEn") },
          ]}
        />
        <Button pending={pending}>{t("common.save")}</Button>
      </Form>
    </>
  );
}
