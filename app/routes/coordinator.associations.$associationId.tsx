import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { AssociationTimeline } from "~/components/associations/AssociationTimeline";
import { ProfileSummary } from "~/components/associations/ProfileSummary";
import { AssociationStatusBadge } from "~/components/associations/StatusBadge";
import { failedFieldErrors, fieldIds } from "~/components/course-admin/fields";
import { Alert, BackLink, Button, CheckboxField, ErrorSummary, PageContents, TextArea } from "~/components/ui";
import { useFieldProps, VettingForm, type FailedForm } from "~/components/vetting/forms";
import { errorList, validateForm } from "~/forms/validate";
import { refusal } from "~/http-refusal";
import type { MessageKey } from "~/i18n/catalogue";
import { pageTitle } from "~/i18n/meta";
import { useFormat, useT } from "~/i18n/react";
import { decideAssociation, decisionsFor, getAssociationForCoordinator, setPublishesDirectly, type AssociationForCoordinator } from "~/modules/associations/review.server";
import { associationDecisionInput } from "~/modules/associations/schemas";
import { requirePermission } from "~/modules/auth/guards.server";
import { actorOf } from "~/request.server";
import { redirectWithToast } from "~/toast.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  data ? pageTitle(matches, "associations.review.record.pageTitle", { name: data.record.association.name }) : pageTitle(matches, "associations.review.list.title");

export async function loader(args: LoaderFunctionArgs) {
  const user = await requirePermission(args, "read:association:any");
  const record = await getAssociationForCoordinator(args.context.db, actorOf(args, user), args.params.associationId ?? "");
  if (!record) throw refusal("not_found");
  return { record, decisions: decisionsFor(record.association.status) };
}

type Decision = "approve" | "reject" | "suspend";
type Confirmation = { decision: "reject" | "suspend"; note: string };
type ActionResult = { form: FailedForm | null; problem: MessageKey | null; confirm: Confirmation | null };

function answer(result: Partial<ActionResult>, status = 200) {
  return data<ActionResult>({ form: null, problem: null, confirm: null, ...result }, { status });
}

const decisionForm = z.intersection(associationDecisionInput, z.object({ confirmed: z.string().optional() }));
const publishingForm = z.object({ publishesDirectly: z.enum(["yes"]).optional() });

const successes = { approve: "associations.review.record.approved", reject: "associations.review.record.rejected", suspend: "associations.review.record.suspended" } as const;

export async function action(args: ActionFunctionArgs) {
  const user = await requirePermission(args, "update:association:any");
  const actor = actorOf(args, user);
  const associationId = args.params.associationId ?? "";
  const here = `/coordinator/associations/${associationId}`;
  const deps = { db: args.context.db, jobs: args.context.jobs, env: args.context.env };
  const formData = await args.request.formData();
  const intent = formData.get("intent");

  if (intent === "publishing") {
    const form = validateForm(formData, publishingForm);
    if (!form.ok) throw refusal("invalid");
    const on = form.data.publishesDirectly === "yes";
    const result = await setPublishesDirectly(deps, actor, associationId, on);
    if (!result.ok) throw refusal(result.reason);
    const key = !result.changed ? "associations.review.record.publishUnchanged" : on ? "associations.review.record.publishOn" : "associations.review.record.publishOff";
    return redirectWithToast(here, { key, variant: result.changed ? "success" : "info" });
  }

  if (intent !== "decide") throw refusal("invalid");
  const form = validateForm(formData, decisionForm);
  if (!form.ok) {
    const decision = form.values.decision;
    if (decision !== "approve" && decision !== "reject" && decision !== "suspend") throw refusal("invalid");
    const errors = form.errors.note === "validation.required" ? { ...form.errors, note: "associations.review.record.noteRequired" as const } : form.errors;
    return answer({ form: { key: decision, errors, values: form.values } }, 400);
  }
  const { confirmed, ...decision } = form.data;
  // Rejecting and suspending are asked about on the page before they happen, with or without JavaScript.
  if (decision.decision !== "approve" && confirmed !== "yes") return answer({ confirm: { decision: decision.decision, note: decision.note } });

  const result = await decideAssociation(deps, actor, associationId, decision);
  if (!result.ok) {
    if (result.reason === "illegal_state") return answer({ problem: "associations.review.record.problems.illegal_state" }, 409);
    throw refusal(result.reason);
  }
  const reinstated = decision.decision === "approve" && formData.get("from") === "suspended";
  return redirectWithToast(here, { key: reinstated ? "associations.review.record.reinstated" : successes[decision.decision], variant: "success" });
}

function DecisionForm({ decision, record, failed }: { decision: Decision; record: AssociationForCoordinator; failed: FailedForm | null }) {
  const t = useT();
  const field = useFieldProps(failed, decision);
  const { status } = record.association;
  if (decision === "approve") {
    const reinstate = status === "suspended";
    return (
      <div className="row">
        <div className="col-12 col-md-8 col-lg-6">
          <p>{t(reinstate ? "associations.review.record.reinstateIntro" : "associations.review.record.approveIntro")}</p>
          <VettingForm intent="decide" fields={{ decision, from: status }} submitLabel={t(reinstate ? "associations.review.record.reinstate" : "associations.review.record.approve")}>
            <TextArea {...field("note")} label={t("associations.review.record.approveNote")} hint={t("associations.review.record.approveNoteHint")} optional rows={3} maxLength={2000} />
          </VettingForm>
        </div>
      </div>
    );
  }
  const prefix = decision === "reject" ? "reject" : "suspend";
  return (
    <div className="row mt-7">
      <div className="col-12 col-md-8 col-lg-6">
        <h3>{t(`associations.review.record.${prefix}Heading`)}</h3>
        <p>{t(`associations.review.record.${prefix}Intro`)}</p>
        <VettingForm intent="decide" fields={{ decision }} submitLabel={t(`associations.review.record.${prefix}`)} variant="warning">
          <TextArea {...field("note")} label={t(`associations.review.record.${prefix}Note`)} rows={3} maxLength={2000} />
        </VettingForm>
      </div>
    </div>
  );
}

function Confirm({ record, confirm }: { record: AssociationForCoordinator; confirm: Confirmation }) {
  const t = useT();
  const { name, id } = record.association;
  return (
    <Alert variant="warning" heading={t(`associations.review.record.confirm.${confirm.decision}Title`, { name })} headingLevel={3} focus>
      <p>{t(`associations.review.record.confirm.${confirm.decision}Body`)}</p>
      <p className="preformatted">{confirm.note}</p>
      <Form method="post">
        <input type="hidden" name="intent" value="decide" />
        <input type="hidden" name="decision" value={confirm.decision} />
        <input type="hidden" name="note" value={confirm.note} />
        <input type="hidden" name="confirmed" value="yes" />
        <Button variant="warning">{t(`associations.review.record.${confirm.decision}`)}</Button>
        <Link to={`/coordinator/associations/${id}`} className="ml-5">
          {t("associations.review.record.cancel")}
        </Link>
      </Form>
    </Alert>
  );
}

function DecisionSection({ record, decisions, failed, confirm }: { record: AssociationForCoordinator; decisions: Decision[]; failed: FailedForm | null; confirm: Confirmation | null }) {
  const t = useT();
  const format = useFormat();
  const { association, decidedByName } = record;
  return (
    <section aria-labelledby="decision">
      <h2 id="decision">{t("associations.review.record.sections.decision")}</h2>
      <p>
        <AssociationStatusBadge status={association.status} />
      </p>
      {association.decidedAt ? (
        <p>
          {t("associations.review.record.decided", {
            status: t(`associations.statuses.${association.status}`),
            name: decidedByName ?? t("associations.review.record.someone"),
            date: format.date(association.decidedAt),
          })}
        </p>
      ) : null}
      {association.decisionNote ? <p className="preformatted">{t("associations.review.record.note", { note: association.decisionNote })}</p> : null}
      {association.status === "rejected" ? <p>{t("associations.review.record.rejectedStatus")}</p> : null}
      {confirm ? (
        <Confirm record={record} confirm={confirm} />
      ) : (
        decisions.map((decision) => <DecisionForm key={decision} decision={decision} record={record} failed={failed} />)
      )}
    </section>
  );
}

function Contacts({ record }: { record: AssociationForCoordinator }) {
  const t = useT();
  return (
    <section aria-labelledby="contacts" className="mt-8">
      <h2 id="contacts">{t("associations.review.record.sections.contacts")}</h2>
      <p>{t("associations.review.record.contactsIntro")}</p>
      {record.contacts.length === 0 && record.invites.length === 0 ? (
        <p>{t("associations.review.record.noContacts")}</p>
      ) : (
        <ul>
          {record.contacts.map((contact) => (
            <li key={contact.userId}>
              {contact.name}, <a href={`mailto:${contact.email}`}>{contact.email}</a>
              {contact.verified ? null : ` – ${t("associations.review.record.unconfirmed")}`}
            </li>
          ))}
          {record.invites.map((invite) => (
            <li key={invite.id}>
              {invite.name}, {invite.email} – {t("associations.review.record.invited")}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Publishing({ record }: { record: AssociationForCoordinator }) {
  const t = useT();
  const { publishesDirectly, updatedAt } = record.association;
  return (
    <section aria-labelledby="publishing" className="mt-8">
      <h2 id="publishing">{t("associations.review.record.sections.publishing")}</h2>
      <p>{t("associations.review.record.publishIntro")}</p>
      {/* Keyed by the saved time, so the box shows the saved value again after a change. */}
      <VettingForm key={String(updatedAt)} intent="publishing" submitLabel={t("associations.review.record.publishSave")} variant="secondary">
        <CheckboxField name="publishesDirectly" value="yes" label={t("associations.review.record.publishLabel")} defaultChecked={publishesDirectly} />
      </VettingForm>
    </section>
  );
}

export default function CoordinatorAssociation() {
  const t = useT();
  const format = useFormat();
  const { record, decisions } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result?.form ?? null;
  const { association } = record;
  const summary = errorList(failedFieldErrors(failed), ["approve", "reject", "suspend"].flatMap((key) => fieldIds(key, ["note"])), t);
  return (
    <>
      <BackLink to="/coordinator/associations">{t("associations.review.record.back")}</BackLink>
      <h1>{association.name}</h1>
      <p className="font-lead">
        {t("associations.review.record.lead", { kind: t(`associations.kinds.${association.kind}`), town: association.town, date: format.date(association.createdAt) })}
      </p>
      <PageContents
        label={t("associations.dashboard.onThisPage")}
        sections={(["decision", "profile", "contacts", "publishing", "timeline"] as const).map((id) => ({ id, label: t(`associations.review.record.sections.${id}`) }))}
      />
      <ErrorSummary errors={summary} />
      {result?.problem ? (
        <Alert variant="error" focus>
          {t(result.problem)}
        </Alert>
      ) : null}

      <DecisionSection record={record} decisions={decisions} failed={failed} confirm={result?.confirm ?? null} />

      <section aria-labelledby="profile" className="mt-8">
        <h2 id="profile">{t("associations.review.record.sections.profile")}</h2>
        <ProfileSummary association={association} />
      </section>

      <Contacts record={record} />
      <Publishing record={record} />
      <AssociationTimeline events={record.timeline} />
    </>
  );
}
