import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { AgreementSection } from "~/components/pairings/AgreementSection";
import { ProposalAnswer } from "~/components/pairings/ProposalAnswer";
import { Alert, BackLink, ErrorSummary, SummaryList, SummaryRow } from "~/components/ui";
import { errorList, validateForm, type FieldErrors } from "~/forms/validate";
import type { MessageKey } from "~/i18n/catalogue";
import { pageTitle } from "~/i18n/meta";
import { useFormat, useT } from "~/i18n/react";
import { forbidden, requirePermission } from "~/modules/auth/guards.server";
import { answerProposal, confirmAgreement, getMentorPairing } from "~/modules/pairings/pairings.server";
import { openPairingStatuses } from "~/modules/pairings/types";
import { actorOf } from "~/request.server";
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

export async function loader(args: LoaderFunctionArgs) {
  const user = await requirePermission(args, "read:pairing:own");
  // Scoped to the mentor's own pairings and audited (`pairing.viewed`) inside the module.
  const pairing = await getMentorPairing(args.context.db, actorOf(args, user), args.params.pairingId ?? "");
  if (!pairing) notFound();
  // "Nej tak" is a link to the same page with the decline form open: the reason form is the confirmation.
  const declining = pairing.status === "proposed" && new URL(args.request.url).searchParams.get("answer") === "no";
  return { pairing: mentorView(pairing), declining };
}

const reason = z
  .string({ required_error: "pairings.errors.declineReason" })
  .trim()
  .min(1, "pairings.errors.declineReason")
  .max(1000, "pairings.errors.declineReasonTooLong");
const pairingAction = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("accept") }),
  z.object({ intent: z.literal("decline"), reason }),
  z.object({ intent: z.literal("confirm") }),
]);

export type PairingActionResult = {
  errors: FieldErrors | null;
  values: Record<string, string>;
  problem: MessageKey | null;
};

const toasts = {
  accept: "pairings.toasts.accepted",
  decline: "pairings.toasts.declined",
  confirm: "pairings.toasts.confirmed",
} as const;

export async function action(args: ActionFunctionArgs) {
  const user = await requirePermission(args, "read:pairing:own");
  const pairingId = args.params.pairingId ?? "";
  const form = validateForm(await args.request.formData(), pairingAction);
  if (!form.ok) {
    // Only the decline form has a field; anything else that fails is a form the page did not send.
    const declined = form.values.intent === "decline";
    return data<PairingActionResult>(
      {
        errors: declined ? form.errors : null,
        values: declined ? form.values : {},
        problem: declined ? null : "pairings.problems.failed",
      },
      { status: 400 },
    );
  }

  const input = form.data;
  const actor = actorOf(args, user);
  const result =
    input.intent === "confirm"
      ? await confirmAgreement(args.context, actor, pairingId)
      : await answerProposal(args.context, actor, pairingId, input.intent === "accept" ? { accept: true } : { accept: false, reason: input.reason });
  if (!result.ok) {
    if (result.reason === "forbidden") forbidden();
    if (result.reason === "not_found") notFound();
    const problem: MessageKey =
      result.reason === "invalid"
        ? "pairings.problems.failed"
        : input.intent === "confirm"
          ? `pairings.problems.confirm.${result.reason}`
          : "pairings.problems.answer.illegal_state";
    return data<PairingActionResult>({ errors: null, values: {}, problem }, { status: result.reason === "invalid" ? 400 : 409 });
  }
  // A no frees the mentor of this youth: back to the list; a yes or a confirmation stays on the pairing.
  return redirectWithToast(input.intent === "decline" ? "/pairings" : `/pairings/${pairingId}`, { key: toasts[input.intent], variant: "success" });
}

export default function PairingPage() {
  const t = useT();
  const format = useFormat();
  const { pairing, declining } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
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
        <ErrorSummary errors={errorList(actionData?.errors ?? undefined, ["reason"], t)} />
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

        {pairing.status === "proposed" ? (
          <ProposalAnswer pairingId={pairing.id} name={name} declining={declining || Boolean(actionData?.errors)} actionData={actionData} />
        ) : null}

        <p className="mt-8">{t("pairings.page.contactUs", { email: t("legal.contactEmail") })}</p>
      </div>
    </div>
  );
}
