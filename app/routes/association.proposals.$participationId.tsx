import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { failedFieldErrors, fieldIds } from "~/components/course-admin/fields";
import { ActiveParticipation, AnswerProposal, EndedParticipation, ProposalDetails } from "~/components/participation/AssociationProposal";
import { Alert, BackLink, ErrorSummary } from "~/components/ui";
import type { FailedForm } from "~/components/vetting/forms";
import { errorList, validateForm, type FieldErrors } from "~/forms/validate";
import { refusal } from "~/http-refusal";
import type { MessageKey } from "~/i18n/catalogue";
import { pageTitle } from "~/i18n/meta";
import { useFormat, useT } from "~/i18n/react";
import { answerParticipation, cancelParticipation, completeParticipation, getAssociationParticipation } from "~/modules/associations/participation.server";
import { associationParticipationView } from "~/modules/associations/proposing.server";
import { confirmHoursInput } from "~/modules/associations/schemas";
import { requirePermission } from "~/modules/auth/guards.server";
import { actorOf } from "~/request.server";
import { redirectWithToast } from "~/toast.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  data ? pageTitle(matches, "participation.association.detail.pageTitle", { name: data.participation.youthFirstName }) : pageTitle(matches, "errors.notFound.title");

export async function loader(args: LoaderFunctionArgs) {
  const user = await requirePermission(args, "read:association:own");
  // The module reads only the association's own proposals, and of the youth only the first name and age.
  const found = await getAssociationParticipation(args.context.db, actorOf(args, user), args.params.participationId ?? "");
  if (!found) throw refusal("not_found");
  const participation = associationParticipationView(found);
  const asked = new URL(args.request.url).searchParams;
  return {
    participation,
    // "Nej tak" and "Stop deltagelsen" open their reason form on the page: the reason form is the confirmation.
    declining: participation.status === "proposed" && asked.get("answer") === "no",
    cancelling: participation.status === "active" && asked.get("stop") === "yes",
  };
}

const reason = (message: MessageKey) => z.string({ required_error: message }).trim().min(1, message).max(1000, "participation.errors.reasonTooLong");

/**
 * Hours as typed, with a decimal comma or point ("7,5"), as whole minutes in quarter hours; the module's schema
 * has the last word on the range.
 */
export const hoursTyped = z
  .string({ required_error: "participation.errors.hours" })
  .trim()
  .regex(/^\d{1,5}([.,]\d{1,2})?$/, "participation.errors.hours")
  .transform((typed) => Number(typed.replace(",", ".")) * 4)
  .refine((quarters) => Math.abs(quarters - Math.round(quarters)) < 1e-9, "participation.errors.quarterHours")
  .transform((quarters) => Math.round(quarters) * 15)
  .refine((minutes) => confirmHoursInput.safeParse({ minutes }).success, "participation.errors.tooManyHours");

const associationAction = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("accept") }),
  z.object({ intent: z.literal("decline"), reason: reason("participation.errors.declineReason") }),
  z.object({ intent: z.literal("complete"), hours: hoursTyped }),
  z.object({ intent: z.literal("cancel"), reason: reason("participation.errors.cancelReason") }),
]);

/** The page's forms with fields: a failed one comes back with its messages and what was typed. */
const formKeys = ["decline", "complete", "cancel"] as const;

export type AssociationActionResult = { failed: FailedForm | null; problem: MessageKey | null };

function failedForm(key: string, errors: FieldErrors, values: Record<string, string>) {
  return data<AssociationActionResult>({ failed: { key, errors, values }, problem: null }, { status: 400 });
}

export async function action(args: ActionFunctionArgs) {
  const user = await requirePermission(args, "update:association:own");
  const actor = actorOf(args, user);
  const participationId = args.params.participationId ?? "";
  const form = validateForm(await args.request.formData(), associationAction);
  if (!form.ok) {
    const key = formKeys.find((name) => name === form.values.intent);
    if (!key) throw refusal("invalid");
    return failedForm(key, form.errors, form.values);
  }
  const input = form.data;
  const deps = args.context;
  const result =
    input.intent === "accept" || input.intent === "decline"
      ? await answerParticipation(deps, actor, participationId, input.intent === "accept" ? { accept: true } : { accept: false, reason: input.reason })
      : input.intent === "complete"
        ? await completeParticipation(deps, actor, participationId, { minutes: input.hours })
        : await cancelParticipation(deps, actor, participationId, { reason: input.reason });
  if (!result.ok) {
    if (result.reason === "task_full") return data<AssociationActionResult>({ failed: null, problem: "participation.problems.answer_task_full" }, { status: 409 });
    if (result.reason === "task_closed") return data<AssociationActionResult>({ failed: null, problem: "participation.problems.answer_task_closed" }, { status: 409 });
    if (result.reason === "youth_closed") return data<AssociationActionResult>({ failed: null, problem: "participation.problems.answer_youth_closed" }, { status: 409 });
    if (result.reason === "illegal_state") return data<AssociationActionResult>({ failed: null, problem: "participation.problems.illegal_state" }, { status: 409 });
    throw refusal(result.reason);
  }
  const toasts = { accept: "accepted", decline: "declined", complete: "completed", cancel: "cancelled" } as const;
  return redirectWithToast(`/association/proposals/${participationId}`, { key: `participation.toasts.${toasts[input.intent]}`, variant: "success" });
}

/** The page's fields in page order, for the error summary. */
const summaryOrder = [...fieldIds("decline", ["reason"]), ...fieldIds("complete", ["hours"]), ...fieldIds("cancel", ["reason"])];

export default function AssociationProposal() {
  const t = useT();
  const format = useFormat();
  const { participation, declining, cancelling } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result?.failed ?? null;
  const name = participation.youthFirstName;

  return (
    <div className="row">
      <div className="col-12 col-lg-8">
        <BackLink to="/association/proposals">{t("participation.association.detail.back")}</BackLink>
        <h1>{t("participation.association.detail.heading", { name, age: format.number(participation.youthAge) })}</h1>
        <ErrorSummary errors={errorList(failedFieldErrors(failed), summaryOrder, t)} />
        {result?.problem ? (
          <Alert variant="error" focus>
            <p>{t(result.problem)}</p>
          </Alert>
        ) : null}
        <ProposalDetails participation={participation} />
        {participation.status === "proposed" ? <AnswerProposal participation={participation} declining={declining || failed?.key === "decline"} failed={failed} /> : null}
        {participation.status === "active" ? <ActiveParticipation participation={participation} cancelling={cancelling || failed?.key === "cancel"} failed={failed} /> : null}
        {participation.status !== "proposed" && participation.status !== "active" ? <EndedParticipation participation={participation} /> : null}
      </div>
    </div>
  );
}
