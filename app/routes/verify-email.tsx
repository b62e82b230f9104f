import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { Alert, Button } from "~/components/ui";
import { validateForm } from "~/forms/validate";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import { isUsableToken, verifyEmail } from "~/modules/auth/accounts.server";
import { tokenSchema } from "~/modules/auth/schemas";
import { accountDeps } from "~/request.server";
import { redirectWithToast } from "~/toast.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "auth.verifyEmail.title");

// Opening the link only shows a button: mail scanners that follow links must not verify anything.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const usable = token.length > 0 && (await isUsableToken(context.db, token, "verify_email"));
  return { token: usable ? token : null };
}

export async function action(args: ActionFunctionArgs) {
  const form = validateForm(await args.request.formData(), tokenSchema);
  const result = form.ok ? await verifyEmail(accountDeps(args), form.data.token) : { ok: false };
  if (!result.ok) return redirectWithToast("/login", { key: "auth.verifyEmail.invalid", variant: "error" });
  return redirectWithToast("/login", { key: "auth.verifyEmail.done", variant: "success" });
}

export default function VerifyEmail() {
  const t = useT();
  const { token } = useLoaderData<typeof loader>();
  const pending = useNavigation().state === "submitting";
  return (
    <div className="row">
      <div className="col-12 col-md-8 col-lg-6">
        <h1>{t("auth.verifyEmail.title")}</h1>
        {token ? (
          <Form method="post">
            <p className="font-lead">{t("auth.verifyEmail.body")}</p>
            <input type="hidden" name="token" value={token} />
            <Button pending={pending}>{t("auth.verifyEmail.submit")}</Button>
          </Form>
        ) : (
          <>
            <Alert variant="error">{t("auth.verifyEmail.invalid")}</Alert>
            <p>
              <Link to="/login">{t("auth.login.title")}</Link>
            </p>
          </>
        )}
      </div>
    </div>
  );
}
