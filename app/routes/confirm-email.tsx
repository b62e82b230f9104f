import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData, useNavigation } from "@remix-run/react";
import { Alert, Button } from "~/components/ui";
import { validateForm } from "~/forms/validate";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import { confirmEmailChange, isUsableToken } from "~/modules/auth/accounts.server";
import { getCurrentUser } from "~/modules/auth/guards.server";
import { tokenSchema } from "~/modules/auth/schemas";
import { accountDeps } from "~/request.server";
import { redirectWithToast } from "~/toast.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "auth.confirmEmail.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const usable = token.length > 0 && (await isUsableToken(context.db, token, "change_email"));
  return { token: usable ? token : null };
}

export async function action(args: ActionFunctionArgs) {
  const form = validateForm(await args.request.formData(), tokenSchema);
  const next = (await getCurrentUser(args)) ? "/account" : "/login";
  if (!form.ok) return redirectWithToast(next, { key: "auth.confirmEmail.invalid", variant: "error" });
  const result = await confirmEmailChange(accountDeps(args), form.data.token);
  if (result.ok) return redirectWithToast(next, { key: "auth.confirmEmail.done", variant: "success" });
  const key = result.reason === "email_taken" ? "auth.confirmEmail.taken" : "auth.confirmEmail.invalid";
  return redirectWithToast(next, { key, variant: "error" });
}

export default function ConfirmEmail() {
  const t = useT();
  const { token } = useLoaderData<typeof loader>();
  const pending = useNavigation().state === "submitting";
  return (
    <div className="row">
      <div className="col-12 col-md-8 col-lg-6">
        <h1>{t("auth.confirmEmail.title")}</h1>
        {token ? (
          <Form method="post">
            <p className="font-lead">{t("auth.confirmEmail.body")}</p>
            <input type="hidden" name="token" value={token} />
            <Button pending={pending}>{t("auth.confirmEmail.submit")}</Button>
          </Form>
        ) : (
          <Alert variant="error">{t("auth.confirmEmail.invalid")}</Alert>
        )}
      </div>
    </div>
  );
}
