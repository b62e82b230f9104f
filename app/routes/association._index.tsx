import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ProfileFields, profileFields, type ProfileValues } from "~/components/associations/ProfileFields";
import { ProfileSummary } from "~/components/associations/ProfileSummary";
import { AssociationStatusBadge } from "~/components/associations/StatusBadge";
import { ConfirmedAction } from "~/components/course-admin/confirm";
import { failedFieldErrors, fieldIds } from "~/components/course-admin/fields";
import { Alert, ErrorSummary, PageContents, SummaryList, SummaryRow, TextField } from "~/components/ui";
import { Disclosure, useFieldProps, VettingForm, type FailedForm } from "~/components/vetting/forms";
import { errorList, validateForm } from "~/forms/validate";
import { refusal } from "~/http-refusal";
import type { MessageKey } from "~/i18n/catalogue";
import { pageTitle } from "~/i18n/meta";
import { useFormat, useT } from "~/i18n/react";
import { associationWork } from "~/modules/associations/overview.server";
import { getOwnAssociation, inviteContact, MAX_CONTACTS, updateProfile, withdrawInvite, type OwnAssociation } from "~/modules/associations/registration.server";
import { associationProfileInput, inviteInput } from "~/modules/associations/schemas";
import { requirePermission } from "~/modules/auth/guards.server";
import { actorOf } from "~/request.server";
import { redirectWithToast } from "~/toast.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "associations.dashboard.title");

export async function loader(args: LoaderFunctionArgs) {
  const user = await requirePermission(args, "read:association:own");
  // Scoped to the actor's own membership in the query: there is no id in the URL to try another association's.
  const own = await getOwnAssociation(args.context.db, actorOf(args, user));
  const work = own ? await associationWork(args.context.db, own.association.id) : null;
  return { own, work, me: user.id, maxContacts: MAX_CONTACTS };
}

const withdrawForm = z.object({ inviteId: z.string().uuid(), confirmed: z.string().optional() });

type ActionResult = { form: FailedForm | null; problem: MessageKey | null; confirmWithdraw: string | null };

function answer(result: Partial<ActionResult>, status = 200) {
  return data<ActionResult>({ form: null, problem: null, confirmWithdraw: null, ...result }, { status });
}

const here = "/association";

export async function action(args: ActionFunctionArgs) {
  const user = await requirePermission(args, "update:association:own");
  const actor = actorOf(args, user);
  const deps = { db: args.context.db, jobs: args.context.jobs, env: args.context.env };
  const formData = await args.request.formData();
  const intent = formData.get("intent");

  if (intent === "profile") {
    const form = validateForm(formData, associationProfileInput);
    if (!form.ok) return answer({ form: { key: "profile", errors: form.errors, values: form.values } }, 400);
    const result = await updateProfile(deps, actor, form.data);
    if (!result.ok) {
      if (result.reason === "illegal_state") return answer({ problem: "associations.dashboard.problems.illegal_state" }, 409);
      throw refusal(result.reason);
    }
    const saved = result.changed.length > 0;
    return redirectWithToast(here, { key: saved ? "associations.dashboard.saved" : "associations.dashboard.unchanged", variant: saved ? "success" : "info" });
  }

  if (intent === "invite") {
    const form = validateForm(formData, inviteInput);
    if (!form.ok) return answer({ form: { key: "invite", errors: form.errors, values: form.values } }, 400);
    const result = await inviteContact(deps, actor, form.data);
    if (!result.ok) {
      if (result.reason === "forbidden" || result.reason === "not_found" || result.reason === "invalid") throw refusal(result.reason);
      const values = { name: form.data.name, email: form.data.email };
      if (result.reason === "already_contact" || result.reason === "already_invited") {
        return answer({ form: { key: "invite", errors: { email: `associations.dashboard.problems.${result.reason}` }, values } }, 409);
      }
      return answer({ problem: `associations.dashboard.problems.${result.reason}` }, 409);
    }
    return redirectWithToast(here, { key: "associations.dashboard.invited", variant: "success" });
  }

  if (intent === "withdraw") {
    const form = validateForm(formData, withdrawForm);
    if (!form.ok) throw refusal("invalid");
    // Asked about on the page first when JavaScript did not ask in a modal.
    if (form.data.confirmed !== "yes") return answer({ confirmWithdraw: form.data.inviteId });
    const result = await withdrawInvite(deps, actor, form.data.inviteId);
    if (!result.ok) throw refusal(result.reason);
    return redirectWithToast(here, { key: "associations.dashboard.withdrawn", variant: "success" });
  }

  throw refusal("invalid");
}

function profileValues(association: OwnAssociation["association"]): ProfileValues {
  const { name, kind, cvr, town, address, website, description } = association;
  return { name, kind, cvr: cvr ?? "", town, address, website: website ?? "", description };
}

function StatusBanner({ association }: { association: OwnAssociation["association"] }) {
  const t = useT();
  const variant = association.status === "approved" ? "success" : association.status === "pending" ? "info" : "warning";
  return (
    <Alert variant={variant} heading={t(`associations.dashboard.statusHeading.${association.status}`)}>
      <p>{t(`associations.dashboard.status.${association.status}`)}</p>
      {association.decisionNote && association.status !== "approved" ? <p className="preformatted">{t("associations.dashboard.note", { note: association.decisionNote })}</p> : null}
    </Alert>
  );
}

type ContactsProps = { own: OwnAssociation; me: string; maxContacts: number; failed: FailedForm | null; confirmWithdraw: string | null };

function Contacts({ own, me, maxContacts, failed, confirmWithdraw }: ContactsProps) {
  const t = useT();
  const format = useFormat();
  const field = useFieldProps(failed, "invite");
  const { association, contacts, invites, room } = own;
  const canInvite = association.status === "pending" || association.status === "approved";
  return (
    <section aria-labelledby="contacts" className="mt-8">
      <h2 id="contacts">{t("associations.dashboard.contactsHeading")}</h2>
      <p>{t("associations.dashboard.contactsIntro", { max: format.number(maxContacts) })}</p>
      <ul>
        {contacts.map((contact) => (
          <li key={contact.userId}>
            {contact.name}, {contact.email} {contact.userId === me ? t("associations.dashboard.you") : null}
            {contact.verified ? null : ` – ${t("associations.dashboard.unconfirmed")}`}
          </li>
        ))}
      </ul>
      {invites.length > 0 ? (
        <>
          <h3>{t("associations.dashboard.invitesHeading")}</h3>
          <ul className="nobullet-list">
            {invites.map((invite) => (
              <li key={invite.id} className="mb-5">
                <p className="mt-0 mb-2">{t("associations.dashboard.invitePending", { name: invite.name, email: invite.email, date: format.date(invite.expiresAt) })}</p>
                <ConfirmedAction
                  action={`${here}#contacts`}
                  fields={{ intent: "withdraw", inviteId: invite.id }}
                  label={t("associations.dashboard.withdraw")}
                  title={t("associations.dashboard.withdrawTitle", { name: invite.name })}
                  asking={confirmWithdraw === invite.id}
                  cancelTo={here}
                  variant="secondary"
                >
                  <p>{t("associations.dashboard.withdrawBody")}</p>
                </ConfirmedAction>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {canInvite ? (
        room > 0 ? (
          <div className="row">
            <div className="col-12 col-md-8 col-lg-6">
              <h3>{t("associations.dashboard.inviteHeading")}</h3>
              <p>{t("associations.dashboard.inviteIntro")}</p>
              <VettingForm intent="invite" submitLabel={t("associations.dashboard.inviteSubmit")}>
                <TextField {...field("name")} label={t("associations.dashboard.inviteName")} autoComplete="off" maxLength={200} />
                <TextField {...field("email")} type="email" label={t("associations.dashboard.inviteEmail")} autoComplete="off" maxLength={254} />
              </VettingForm>
            </div>
          </div>
        ) : (
          <p>{t("associations.dashboard.full")}</p>
        )
      ) : null}
    </section>
  );
}

export default function AssociationDashboard() {
  const t = useT();
  const format = useFormat();
  const { own, work, me, maxContacts } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result?.form ?? null;
  if (!own) {
    return (
      <>
        <h1>{t("associations.dashboard.title")}</h1>
        <p className="font-lead">{t("associations.dashboard.noAssociation")}</p>
      </>
    );
  }
  const { association } = own;
  const editable = association.status !== "rejected";
  const summary = errorList(failedFieldErrors(failed), [...fieldIds("profile", profileFields), ...fieldIds("invite", ["name", "email"])], t);
  return (
    <>
      <h1>{association.name}</h1>
      <p className="font-lead">
        <AssociationStatusBadge status={association.status} />
      </p>
      <PageContents
        label={t("associations.dashboard.onThisPage")}
        sections={[
          { id: "work", label: t("associations.dashboard.workHeading") },
          { id: "profile", label: t("associations.dashboard.profileHeading") },
          { id: "contacts", label: t("associations.dashboard.contactsHeading") },
        ]}
      />
      <ErrorSummary errors={summary} />
      {result?.problem ? (
        <Alert variant="error" focus>
          {t(result.problem)}
        </Alert>
      ) : null}
      <StatusBanner association={association} />

      <section aria-labelledby="work" className="mt-8">
        <h2 id="work">{t("associations.dashboard.workHeading")}</h2>
        {work ? (
          <SummaryList>
            <SummaryRow label={t("associations.dashboard.counts.published")}>
              <Link to="/association/tasks">{format.number(work.published)}</Link>
            </SummaryRow>
            <SummaryRow label={t("associations.dashboard.counts.awaiting")}>{format.number(work.awaiting)}</SummaryRow>
            <SummaryRow label={t("associations.dashboard.counts.drafts")}>{format.number(work.drafts)}</SummaryRow>
            <SummaryRow label={t("associations.dashboard.counts.proposals")}>
              <Link to="/association/proposals">{format.number(work.proposals)}</Link>
            </SummaryRow>
            <SummaryRow label={t("associations.dashboard.counts.participants")}>
              <Link to="/association/proposals">{format.number(work.participants)}</Link>
            </SummaryRow>
          </SummaryList>
        ) : null}
        <ul className="nobullet-list mt-6">
          <li className="mb-4">
            <Link to="/association/tasks">{t("associations.dashboard.tasksLink")}</Link>
            <br />
            {t("associations.dashboard.tasksText")}
          </li>
          <li>
            <Link to="/association/proposals">{t("associations.dashboard.proposalsLink")}</Link>
            <br />
            {t("associations.dashboard.proposalsText")}
          </li>
        </ul>
      </section>

      <section aria-labelledby="profile" className="mt-8">
        <h2 id="profile">{t("associations.dashboard.profileHeading")}</h2>
        <ProfileSummary association={association} />
        {editable ? (
          <Disclosure summary={t("associations.dashboard.edit")} open={failed?.key === "profile"}>
            {/* Keyed by the saved time, so the fields show the saved profile again after a change. */}
            <VettingForm key={String(association.updatedAt)} intent="profile" submitLabel={t("associations.dashboard.save")}>
              <ProfileFields failed={failed} formKey="profile" saved={profileValues(association)} />
            </VettingForm>
          </Disclosure>
        ) : null}
      </section>

      <Contacts own={own} me={me} maxContacts={maxContacts} failed={failed} confirmWithdraw={result?.confirmWithdraw ?? null} />
    </>
  );
}
