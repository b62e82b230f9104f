import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { AuditEventTable } from "~/components/data-table/AuditEventTable";
import { Alert, Button, ConfirmAction, ErrorSummary, Select } from "~/components/ui";
import { useHydrated } from "~/components/ui/use-hydrated";
import { errorList, validateForm, type FieldErrors } from "~/forms/validate";
import type { MessageKey } from "~/i18n/catalogue";
import { pageTitle } from "~/i18n/meta";
import { useFormat, useT } from "~/i18n/react";
import { listRecentUserEvents } from "~/modules/audit/audit-log.server";
import { requirePermission } from "~/modules/auth/guards.server";
import { roles } from "~/modules/auth/permissions";
import { changeUserRole, getUser, setUserDisabled } from "~/modules/auth/users.server";
import { auditOrigin } from "~/request.server";
import { redirectWithToast } from "~/toast.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  data ? pageTitle(matches, "admin.user.title", { name: data.user.name }) : pageTitle(matches, "admin.users.title");

function notFound(): never {
  throw new Response("Not found", { status: 404 });
}

export async function loader(args: LoaderFunctionArgs) {
  const admin = await requirePermission(args, "read:user:any");
  const userId = args.params.userId ?? "";
  const [user, events] = await Promise.all([
    getUser(args.context.db, userId),
    listRecentUserEvents(args.context.db, userId, 20),
  ]);
  if (!user) notFound();
  return { user, events, isSelf: user.id === admin.id };
}

const roleRequired = { errorMap: () => ({ message: "validation.roleRequired" }) };
/** "yes" once the person has confirmed: in the modal with JavaScript, on the confirmation step without. */
const confirmed = z.string().optional();

const adminChange = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("role"), role: z.enum(roles, roleRequired) }),
  z.object({ intent: z.literal("disable"), confirmed }),
  z.object({ intent: z.literal("enable"), confirmed }),
]);
type Intent = z.infer<typeof adminChange>["intent"];

const successes = {
  role: "admin.user.roleChanged",
  disable: "admin.user.disabled",
  enable: "admin.user.enabled",
} as const satisfies Record<Intent, MessageKey>;

type ActionResult = { errors: FieldErrors; problem: MessageKey | null; confirm: "disable" | "enable" | null };

export async function action(args: ActionFunctionArgs) {
  const admin = await requirePermission(args, "update:user:any");
  const userId = args.params.userId ?? "";
  const form = validateForm(await args.request.formData(), adminChange);
  if (!form.ok) return data<ActionResult>({ errors: form.errors, problem: null, confirm: null }, { status: 400 });

  const change = form.data;
  // Without JavaScript no modal asked: ask on the page first, then act on the second submit.
  if (change.intent !== "role" && change.confirmed !== "yes") {
    return data<ActionResult>({ errors: {}, problem: null, confirm: change.intent });
  }
  const origin = auditOrigin(args, admin.id);
  const { db } = args.context;
  const result =
    change.intent === "role"
      ? await changeUserRole(db, origin, userId, change.role)
      : await setUserDisabled(db, origin, userId, change.intent === "disable");
  if (!result.ok) {
    if (result.reason === "not_found") notFound();
    return data<ActionResult>({ errors: {}, problem: "admin.user.self", confirm: null }, { status: 403 });
  }
  return redirectWithToast(`/admin/users/${userId}`, { key: successes[change.intent], variant: "success" });
}

type Status = "active" | "disabled" | "unverified";

export default function AdminUser() {
  const t = useT();
  const format = useFormat();
  const { user, events, isSelf } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  // With JavaScript the modal asks; the hidden field then tells the action that it did.
  const hydrated = useHydrated();
  const submitting = navigation.state === "submitting" ? navigation.formData?.get("intent") : null;
  const errors = actionData?.errors;
  const status: Status = user.disabledAt ? "disabled" : user.emailVerifiedAt ? "active" : "unverified";
  const toggle = user.disabledAt ? "enable" : "disable";
  const askingWithoutScript = actionData?.confirm === toggle;

  return (
    <>
      <p>
        <Link to="/admin/users" className="back-link">
          {t("admin.user.back")}
        </Link>
      </p>
      <h1>{user.name}</h1>
      <ErrorSummary errors={errorList(errors, ["role"], t)} />
      {actionData?.problem ? <Alert variant="error">{t(actionData.problem)}</Alert> : null}

      <h2>{t("admin.user.details")}</h2>
      <dl>
        <dt>{t("admin.users.columns.email")}</dt>
        <dd>{user.email}</dd>
        <dt>{t("admin.users.columns.role")}</dt>
        <dd>{t(`common.roles.${user.role}`)}</dd>
        <dt>{t("admin.users.columns.status")}</dt>
        <dd>
          {user.disabledAt
            ? t("admin.user.disabledSince", { date: format.dateTime(user.disabledAt) })
            : t(`admin.users.statuses.${status}`)}
        </dd>
        <dt>{t("admin.users.columns.createdAt")}</dt>
        <dd>{format.dateTime(user.createdAt)}</dd>
        <dt>{t("admin.users.columns.lastLoginAt")}</dt>
        <dd>{user.lastLoginAt ? format.dateTime(user.lastLoginAt) : t("admin.users.never")}</dd>
      </dl>

      {isSelf ? (
        <Alert variant="info">{t("admin.user.self")}</Alert>
      ) : (
        <div className="row">
          <div className="col-12 col-md-8 col-lg-6">
            <h2>{t("admin.user.roleHeading")}</h2>
            {/* Keyed by the role, so the select shows the saved role again after a change. */}
            <Form method="post" key={user.role} noValidate>
              <input type="hidden" name="intent" value="role" />
              <Select
                name="role"
                label={t("admin.user.roleLabel")}
                hint={t("admin.user.roleHint")}
                options={roles.map((role) => ({ value: role, label: t(`common.roles.${role}`) }))}
                defaultValue={user.role}
                error={errors?.role && t(errors.role)}
                required
              />
              <Button pending={submitting === "role"}>{t("admin.user.roleSubmit")}</Button>
            </Form>

            <h2>{t("admin.user.accessHeading")}</h2>
            <p>{t(`admin.user.${toggle}Intro`)}</p>
            {askingWithoutScript ? (
              <Alert variant="warning" heading={t(`admin.user.${toggle}Title`, { name: user.name })} headingLevel={3}>
                <p>{t(`admin.user.${toggle}Body`)}</p>
                <Form method="post">
                  <input type="hidden" name="intent" value={toggle} />
                  <input type="hidden" name="confirmed" value="yes" />
                  <Button variant="warning" pending={submitting === toggle}>
                    {t(`admin.user.${toggle}`)}
                  </Button>
                  <Link to={`/admin/users/${user.id}`} className="ml-5">
                    {t("admin.user.cancel")}
                  </Link>
                </Form>
              </Alert>
            ) : (
              <ConfirmAction
                fields={{ intent: toggle, confirmed: hydrated ? "yes" : "" }}
                label={t(`admin.user.${toggle}`)}
                title={t(`admin.user.${toggle}Title`, { name: user.name })}
                variant={toggle === "disable" ? "warning" : "secondary"}
              >
                <p>{t(`admin.user.${toggle}Body`)}</p>
              </ConfirmAction>
            )}
          </div>
        </div>
      )}

      <h2 className="mt-8">{t("admin.user.eventsHeading")}</h2>
      <p>{t("admin.user.eventsIntro")}</p>
      <AuditEventTable events={events} caption={t("admin.user.eventsHeading")} captionHidden empty={t("admin.user.eventsEmpty")} />
      <p>
        <Link to={`/admin/audit?subject=${encodeURIComponent(user.id)}`}>{t("admin.user.allEvents")}</Link>
      </p>
    </>
  );
}
