import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { failedFieldErrors, fieldIds } from "~/components/course-admin/fields";
import { AgreementSection } from "~/components/pairings/AgreementSection";
import { ContactLog } from "~/components/pairings/ContactLog";
import { ExitNote } from "~/components/pairings/ExitNote";
import { HelpRequest } from "~/components/pairings/HelpRequest";
import { PairingTasks } from "~/components/pairings/PairingTasks";
import { ProposalAnswer } from "~/components/pairings/ProposalAnswer";
import { Alert, BackLink, ErrorSummary, SummaryList, SummaryRow } from "~/components/ui";
import type { FailedForm } from "~/components/vetting/forms";
import { contactForm, contactFormFields } from "~/forms/follow-up";
import { errorList, validateForm, type FieldErrors } from "~/forms/validate";
import type { MessageKey } from "~/i18n/catalogue";
import { pageTitle } from "~/i18n/meta";
import { useFormat, useT } from "~/i18n/react";
import { listPairingParticipations, withdrawParticipation } from "~/modules/associations/participation.server";
import { forbidden, requirePermission } from "~/modules/auth/guards.server";
import { isAfterHours } from "~/modules/pairings/follow-up";
import { getMentorFollowUp, logContact, requestHelp, writeExitNote } from "~/modules/pairings/follow-up.server";
import { answerProposal, confirmAgreement, getMentorPairing, type Common } from "~/modules/pairings/pairings.server";
import { openPairingStatuses, type Actor } from "~/modules/pairings/types";
import { copenhagenToday } from "~/modules/volunteers/dates";
import { actorOf, youthDeps } from "~/request.server";
import { redirectWithToast } from "~/toast.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  data
    ? pageTitle(matches, "pairings.page.pageTitle", {
        name: data.pairing.youthFirstName,
      })
    : pageTitle(matches, "errors.notFound.title");

function notFound(): never {
  throw new Response("Not found", { status: 404 });
}

type MentorPairing = NonNullable<Awaited<ReturnType<typeof getMentorPairing>>>;

/**
 * What the page may show. While the pairing is open: the summary the youth agreed to share, the coordinator's
 * note and the agreement. Once it is declined, withdrawn or closed, the mentor keeps only the first name and dates.
 */
function mentorView(pairing: MentorPairing) {
  const { id, status, youthFirstName, youthAge, proposedAt, coordinatorName, startedAt, closedAt } = pairing;
  const view = {
    id,
    status,
    youthFirstName,
    youthAge,
    proposedAt,
    coordinatorName,
    startedAt,
    closedAt,
  };
  if (!openPairingStatuses.some((open) => open === status)) return { ...view, shared: null, agreement: null };
  const agreement = pairing.agreementSetAt
    ? {
        kickoffAt: pairing.kickoffAt,
        meetingFrequency: pairing.meetingFrequency ?? "",
        durationMonths: pairing.durationMonths ?? 0,
        contactArrangement: pairing.contactArrangement ?? "",
        afterHoursArrangement: pairing.afterHoursArrangement ?? "",
        confirmedAt: pairing.agreementConfirmedAt,
      }
    : null;
  return {
    ...view,
    shared: {
      summary: pairing.sharedSummary,
      coordinatorNote: pairing.coordinatorNote,
    },
    agreement,
  };
}

/**
 * What the mentor wrote on the pairing, each part only while the page shows it: the contacts while the pairing runs,
 * the help requests from the yes until the end, and the exit note once it has ended.
 */
function followUpView(status: MentorPairing["status"], own: MentorFollowUp, today: string) {
  return {
    contacts: status === "active" ? { today, logged: own.contacts } : null,
    helpRequests: status === "accepted" || status === "active" ? own.helpRequests : null,
    exitNote: status === "closed" ? { text: own.exitNote, writtenAt: own.exitNoteAt } : null,
  };
}

type MentorFollowUp = NonNullable<Awaited<ReturnType<typeof getMentorFollowUp>>>;

export async function loader(args: LoaderFunctionArgs) {
  const user = await requirePermission(args, "read:pairing:own");
  const actor = actorOf(args, user);
  const pairingId = args.params.pairingId ?? "";
  // Both are scoped to the mentor's own pairings; reading the pairing is audited (`pairing.viewed`) inside the module.
  const [pairing, own] = await Promise.all([getMentorPairing(args.context.db, actor, pairingId), getMentorFollowUp(youthDeps(args), actor, pairingId)]);
  if (!pairing || !own) notFound();
  // "Nej tak" is a link to the same page with the decline form open: the reason form is the confirmation.
  const declining = pairing.status === "proposed" && new URL(args.request.url).searchParams.get("answer") === "no";
  // The youth's volunteer tasks from this pairing, while it runs: the mentor proposes them and follows how they go.
  const tasks = pairing.status === "active" ? await listPairingParticipations(args.context.db, actor, pairingId) : null;
  return { pairing: mentorView(pairing), followUp: followUpView(pairing.status, own, copenhagenToday()), declining, tasks: tasks?.participations ?? null };
}

const required = (message: MessageKey, tooLong: MessageKey, max: number) => z.string({ required_error: message }).trim().min(1, message).max(max, tooLong);
const pairingAction = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("accept") }),
  z.object({ intent: z.literal("decline"), reason: required("pairings.errors.declineReason", "pairings.errors.declineReasonTooLong", 1000) }),
  z.object({ intent: z.literal("confirm") }),
  // The contact's fields are read by the contact form of ~/forms/follow-up, which turns them into the module's input.
  z.object({ intent: z.literal("contact") }),
  z.object({ intent: z.literal("help"), message: required("pairings.errors.helpMessage", "pairings.errors.helpMessageTooLong", 2000) }),
  z.object({ intent: z.literal("exitNote"), note: required("pairings.errors.exitNote", "pairings.errors.exitNoteTooLong", 4000) }),
  z.object({ intent: z.literal("withdrawParticipation"), participationId: z.string().uuid(), confirmed: z.string().optional() }),
]);
type PairingAction = z.infer<typeof pairingAction>;

/** The page's forms with fields: a failed one comes back with its messages and what was typed. */
const formKeys = ["decline", "contact", "help", "exitNote"] as const;
export type PairingFormKey = (typeof formKeys)[number];

export type PairingActionResult = {
  failed: (FailedForm & { key: PairingFormKey }) | null;
  problem: MessageKey | null;
  /** A proposal for a task to withdraw, asked about on the page first (no JavaScript ran). */
  confirmWithdraw?: string | null;
};

function failedForm(key: PairingFormKey, errors: FieldErrors, values: Record<string, string>) {
  return data<PairingActionResult>({ failed: { key, errors, values }, problem: null }, { status: 400 });
}

function problem(message: MessageKey, status: 400 | 409) {
  return data<PairingActionResult>({ failed: null, problem: message }, { status });
}

/** A module's refusal as the page answers it: another mentor's pairing does not exist, a stale state is a message. */
function refused<R extends Common | "no_agreement">(reason: R, messageOf: (reason: Exclude<R, Common> | "illegal_state") => MessageKey) {
  if (reason === "forbidden") forbidden();
  if (reason === "not_found") notFound();
  if (reason === "invalid") return problem("pairings.problems.failed", 400);
  return problem(messageOf(reason as Exclude<R, Common> | "illegal_state"), 409);
}

export async function action(args: ActionFunctionArgs) {
  const user = await requirePermission(args, "update:pairing:own");
  const pairingId = args.params.pairingId ?? "";
  const formData = await args.request.formData();
  const form = validateForm(formData, pairingAction);
  if (!form.ok) {
    // Anything that fails without being one of the page's forms with fields is a form the page did not send.
    const key = formKeys.find((name) => name === form.values.intent);
    return key ? failedForm(key, form.errors, form.values) : problem("pairings.problems.failed", 400);
  }
  return perform(args, actorOf(args, user), pairingId, form.data, formData);
}

async function perform(args: ActionFunctionArgs, actor: Actor, pairingId: string, input: PairingAction, formData: FormData) {
  const here = `/pairings/${pairingId}`;
  switch (input.intent) {
    case "accept":
    case "decline": {
      const answer = input.intent === "accept" ? { accept: true as const } : { accept: false as const, reason: input.reason };
      const result = await answerProposal(args.context, actor, pairingId, answer);
      if (!result.ok) return refused(result.reason, () => "pairings.problems.answer.illegal_state");
      // A no frees the mentor of this youth: back to the list; a yes stays on the pairing.
      return input.intent === "accept"
        ? redirectWithToast(here, { key: "pairings.toasts.accepted", variant: "success" })
        : redirectWithToast("/pairings", { key: "pairings.toasts.declined", variant: "success" });
    }
    case "confirm": {
      const result = await confirmAgreement(args.context, actor, pairingId);
      if (!result.ok) return refused(result.reason, (reason) => `pairings.problems.confirm.${reason}`);
      return redirectWithToast(here, { key: "pairings.toasts.confirmed", variant: "success" });
    }
    case "contact":
      return logContactFrom(args, actor, pairingId, formData);
    case "help": {
      const result = await requestHelp(youthDeps(args), actor, pairingId, { message: input.message });
      if (!result.ok) return refused(result.reason, () => "pairings.problems.help.illegal_state");
      return redirectWithToast(`${here}#help`, { key: "pairings.toasts.helpRequested", variant: "success" });
    }
    case "exitNote": {
      const result = await writeExitNote(youthDeps(args), actor, pairingId, { note: input.note });
      if (!result.ok) return refused(result.reason, () => "pairings.problems.exitNote.illegal_state");
      return redirectWithToast(`${here}#exit-note`, { key: "pairings.toasts.exitNoteWritten", variant: "success" });
    }
    case "withdrawParticipation": {
      // Only a proposal this pairing's page shows, i.e. one the mentor made for this youth from this pairing.
      const own = await listPairingParticipations(args.context.db, actor, pairingId);
      if (!own?.participations.some((row) => row.id === input.participationId)) notFound();
      if (input.confirmed !== "yes") return data<PairingActionResult>({ failed: null, problem: null, confirmWithdraw: input.participationId });
      const result = await withdrawParticipation(youthDeps(args), actor, input.participationId);
      if (!result.ok) return refused(result.reason, () => "participation.problems.illegal_state");
      return redirectWithToast(`${here}#tasks`, { key: "participation.toasts.withdrawn", variant: "success" });
    }
  }
}

/**
 * A contact as the form posted it. A moment in the future is the date's fault when the day is still to come, else
 * the time's; one before the pairing began is the date's. The toast says whether it counted as after-hours, by the
 * same rule the module stored it with.
 */
async function logContactFrom(args: ActionFunctionArgs, actor: Actor, pairingId: string, formData: FormData) {
  const form = validateForm(formData, contactForm);
  if (!form.ok) return failedForm("contact", form.errors, form.values);
  const contact = form.data;
  const occurredAt = contact.occurredAt;
  const result = await logContact(youthDeps(args), actor, pairingId, contact);
  if (!result.ok) {
    const typed = Object.fromEntries(contactFormFields.map((field) => [field, String(formData.get(field) ?? "")]));
    if (result.reason === "in_future") {
      const field = copenhagenToday(occurredAt) > copenhagenToday() ? "date" : "time";
      return failedForm("contact", { [field]: "pairings.errors.contactInFuture" }, typed);
    }
    if (result.reason === "before_start") return failedForm("contact", { date: "pairings.errors.contactBeforeStart" }, typed);
    return refused(result.reason, () => "pairings.problems.contact.illegal_state");
  }
  const key = isAfterHours(occurredAt) ? "pairings.toasts.contactLoggedAfterHours" : "pairings.toasts.contactLogged";
  return redirectWithToast(`/pairings/${pairingId}#contacts`, { key, variant: "success" });
}

/** The page's fields in page order, by id, for the error summary. */
const summaryOrder = [...fieldIds("decline", ["reason"]), ...fieldIds("contact", contactFormFields), ...fieldIds("help", ["message"]), ...fieldIds("exitNote", ["note"])];

export default function PairingPage() {
  const t = useT();
  const format = useFormat();
  const { pairing, followUp, declining, tasks } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const failed = actionData?.failed ?? null;
  const name = pairing.youthFirstName;
  const { shared, agreement } = pairing;

  return (
    <div className="row">
      <div className="col-12 col-lg-8">
        <BackLink to="/pairings">{t("pairings.page.back")}</BackLink>
        <h1>
          {t("pairings.page.heading", {
            name,
            age: format.number(pairing.youthAge),
          })}
        </h1>
        <ErrorSummary errors={errorList(failedFieldErrors(failed), summaryOrder, t)} />
        {actionData?.problem ? (
          <Alert variant="error" focus>
            <p>{t(actionData.problem)}</p>
          </Alert>
        ) : null}

        <SummaryList>
          <SummaryRow label={t("pairings.page.status")}>
            {pairing.status === "accepted" && agreement ? t("pairings.page.awaitingConfirmation") : t(`pairings.statuses.${pairing.status}`)}
          </SummaryRow>
          <SummaryRow label={t("pairings.page.proposedAt")}>{format.date(pairing.proposedAt)}</SummaryRow>
          {pairing.coordinatorName ? <SummaryRow label={t("pairings.page.proposedBy")}>{pairing.coordinatorName}</SummaryRow> : null}
          {pairing.startedAt ? <SummaryRow label={t("pairings.page.startedAt")}>{format.date(pairing.startedAt)}</SummaryRow> : null}
          {pairing.closedAt ? <SummaryRow label={t("pairings.page.closedAt")}>{format.date(pairing.closedAt)}</SummaryRow> : null}
        </SummaryList>

        {pairing.status === "accepted" && !agreement ? (
          <Alert variant="info" heading={t("pairings.page.waitingHeading")}>
            <p>{t("pairings.page.waitingBody")}</p>
          </Alert>
        ) : null}
        {pairing.status === "active" ? <Alert variant="success">{t("pairings.page.active")}</Alert> : null}
        {pairing.status === "closed" || pairing.status === "declined" || pairing.status === "withdrawn" ? (
          <Alert variant="info">{t(`pairings.page.${pairing.status}`)}</Alert>
        ) : null}

        {followUp.exitNote ? <ExitNote name={name} note={followUp.exitNote} failed={failed} /> : null}
        {/* What the mentor does week by week comes first; the agreement and what was shared are there to look up. */}
        {followUp.contacts ? <ContactLog name={name} today={followUp.contacts.today} contacts={followUp.contacts.logged} failed={failed} /> : null}
        {tasks ? <PairingTasks name={name} participations={tasks} pairingId={pairing.id} askingWithdraw={actionData?.confirmWithdraw ?? null} /> : null}

        {agreement ? <AgreementSection agreement={agreement} canConfirm={pairing.status === "accepted"} /> : null}

        {shared ? (
          <>
            <section aria-labelledby="shared">
              <h2 id="shared">{t("pairings.page.sharedHeading", { name })}</h2>
              <p>{t("pairings.page.sharedIntro", { name })}</p>
              {shared.summary ? <p className="preformatted">{shared.summary}</p> : <p>{t("pairings.page.sharedEmpty", { name })}</p>}
            </section>
            {shared.coordinatorNote ? (
              <section aria-labelledby="note">
                <h2 id="note">{t("pairings.page.noteHeading")}</h2>
                <p className="preformatted">{shared.coordinatorNote}</p>
              </section>
            ) : null}
          </>
        ) : null}

        {pairing.status === "proposed" ? <ProposalAnswer pairingId={pairing.id} name={name} declining={declining || failed?.key === "decline"} failed={failed} /> : null}
        {followUp.helpRequests ? <HelpRequest name={name} requests={followUp.helpRequests} failed={failed} /> : null}

        <p className="mt-8">{t("pairings.page.contactUs", { email: t("legal.contactEmail") })}</p>
      </div>
    </div>
  );
}
