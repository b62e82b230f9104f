import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Alert, Button, ErrorSummary, RadioGroup, TextField } from "~/components/ui";
import { errorList, validateForm, type FieldErrors } from "~/forms/validate";
import { pageTitle } from "~/i18n/meta";
import { useLocale, useT } from "~/i18n/react";
import { acceptInvite, acceptInviteInput, getInvite, type InviteProblem } from "~/modules/associations/registration.server";
import { requireAnonymous } from "~/modules/auth/guards.server";
import { passwordProblem } from "~/modules/auth/password.server";
import { auditOrigin } from "~/request.server";
import { redirectWithToast } from "~/toast.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  data?.invite.ok ? pageTitle(matches, "associations.invite.title", { association: data.invite.associationName }) : pageTitle(matches, "associations.invite.titleFallback");

export async function loader(args: LoaderFunctionArgs) {
  await requireAnonymous(args);
  return { invite: await getInvite(args.context.db, args.params.token ?? "") };
}

type Problem = InviteProblem | "account_exists" | "full";
type ActionResult = { errors: FieldErrors; values: Record<string, string>; problem: Problem | null };

export async function action(args: ActionFunctionArgs) {
  await requireAnonymous(args);
  const form = validateForm(await args.request.formData(), acceptInviteInput);
  if (!form.ok) return data<ActionResult>({ errors: form.errors, values: form.values, problem: null }, { status: 400 });
  const { password, ...values } = form.data;
  const invite = await getInvite(args.context.db, args.params.token ?? "");
  if (invite.ok) {
    const weak = passwordProblem(password, [invite.email, form.data.name]);
    if (weak) return data<ActionResult>({ errors: { password: weak }, values, problem: null }, { status: 400 });
  }
  const { ip, requestId } = auditOrigin(args, null);
  const result = await acceptInvite({ db: args.context.db, origin: { ip, requestId } }, args.params.token ?? "", form.data);
  if (!result.ok) {
    if (result.reason === "weak_password") return data<ActionResult>({ errors: { password: "validation.passwordWeak" }, values, problem: null }, { status: 400 });
    if (result.reason === "invalid") throw new Response("Bad request", { status: 400 });
    return data<ActionResult>({ errors: {}, values, problem: result.reason }, { status: 409 });
  }
  return redirectWithToast("/login", { key: "associations.invite.accepted", variant: "success" });
}

const fields = ["name", "password", "locale"] as const;

function Refused({ problem }: { problem: Problem }) {
  const t = useT();
  return (
    <>
      <Alert variant="error">{t(`associations.invite.problems.${problem}`)}</Alert>
      {problem === "used" ? (
        <p>
          <Link to="/login">{t("associations.invite.loginLink")}</Link>
        </p>
      ) : null}
    </>
  );
}

export default function AcceptInvite() {
  const t = useT();
  const locale = useLocale();
  const { invite } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const pending = useNavigation().state === "submitting";
  const errors = result?.errors;
  const values = result?.values ?? {};
  if (!invite.ok) {
    return (
      <div className="row">
        <div className="col-12 col-md-8 col-lg-6">
          <h1>{t("associations.invite.titleFallback")}</h1>
          <Refused problem={invite.reason} />
        </div>
      </div>
    );
  }
  return (
    <div className="row">
      <div className="col-12 col-md-8 col-lg-6">
        <h1>{t("associations.invite.title", { association: invite.associationName })}</h1>
        <p className="font-lead">{t("associations.invite.intro", { association: invite.associationName })}</p>
        <ErrorSummary errors={errorList(errors, fields, t)} />
        {result?.problem ? <Refused problem={result.problem} /> : null}
        <Form method="post" noValidate>
          <TextField name="email" label={t("associations.invite.email")} hint={t("associations.invite.emailNote")} value={invite.email} readOnly autoComplete="username" />
          <TextField
            name="name"
            label={t("associations.invite.name")}
            defaultValue={values.name ?? invite.name}
            error={errors?.name && t(errors.name)}
            autoComplete="name"
            maxLength={120}
          />
          <TextField
            name="password"
            type="password"
            autoComplete="new-password"
            label={t("associations.invite.password")}
            hint={t("associations.invite.passwordHint")}
            error={errors?.password && t(errors.password)}
            maxLength={256}
          />
          <RadioGroup
            name="locale"
            legend={t("associations.invite.locale")}
            defaultValue={values.locale ?? locale}
            error={errors?.locale && t(errors.locale)}
            options={[
              { value: "da", label: t("associations.register.localeDa") },
              { value: "en", label: t("associations.register.localeEn") },
            ]}
          />
          <Button pending={pending}>{t("associations.invite.submit")}</Button>
        </Form>
      </div>
    </div>
  );
}
