import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { failedFieldErrors, fieldIds } from "~/components/course-admin/fields";
import { CheckInForm, CheckInList } from "~/components/follow-up/CheckIns";
import { CloseForm, Ending } from "~/components/follow-up/Closing";
import { ContactTable } from "~/components/follow-up/Contacts";
import { FollowUpStatus, HelpRequests } from "~/components/follow-up/Status";
import { Alert, BackLink, ErrorSummary, PageContents } from "~/components/ui";
import type { FailedForm } from "~/components/vetting/forms";
import { checkInForm, checkInFormFields, closeForm, closeFormFields } from "~/forms/follow-up";
import { errorList, validateForm } from "~/forms/validate";
import { refusal, unexplained } from "~/http-refusal";
import type { MessageKey } from "~/i18n/catalogue";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import { requirePermission } from "~/modules/auth/guards.server";
import { checkInSchedule, closePairing, getCoordinatorFollowUp, handleHelpRequest, recordCheckIn } from "~/modules/pairings/follow-up.server";
import { copenhagenToday } from "~/modules/volunteers/dates";
import { actorOf, youthDeps } from "~/request.server";
import { redirectWithToast } from "~/toast.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  data
    ? pageTitle(matches, "pairingFollowUp.pageTitle", { youth: `${data.followUp.youth.firstName} ${data.followUp.youth.lastName}`, mentor: data.followUp.mentor.name })
    : pageTitle(matches, "errors.notFound.title");

export async function loader(args: LoaderFunctionArgs) {
  const user = await requirePermission(args, "read:youth:any");
  // Reading the follow-up is audited on the youth inside the module (`youth.follow_up_viewed`).
  const followUp = await getCoordinatorFollowUp(youthDeps(args), actorOf(args, user), args.params.pairingId ?? "");
  if (!followUp) throw refusal("not_found");
  return { followUp, settings: await checkInSchedule(args.context.db), today: copenhagenToday() };
}

export type FollowUpActionResult = { form: FailedForm | null; problem: MessageKey | null };

function answer(result: Partial<FollowUpActionResult>, status: number) {
  return data<FollowUpActionResult>({ form: null, problem: null, ...result }, { status });
}

const handleHelp = z.object({ requestId: z.string() });

export async function action(args: ActionFunctionArgs) {
  const user = await requirePermission(args, "update:youth:any");
  const actor = actorOf(args, user);
  const deps = youthDeps(args);
  const pairingId = args.params.pairingId ?? "";
  const here = `/coordinator/pairings/${pairingId}`;
  const formData = await args.request.formData();
  const intent = formData.get("intent");

  if (intent === "checkIn") {
    const form = validateForm(formData, checkInForm);
    if (!form.ok) return answer({ form: { key: "checkIn", errors: form.errors, values: form.values } }, 400);
    const result = await recordCheckIn(deps, actor, pairingId, form.data);
    if (!result.ok) {
      if (unexplained(result.reason)) throw refusal(result.reason);
      const values = Object.fromEntries(checkInFormFields.map((field) => [field, String(formData.get(field) ?? "")]));
      // Both are about a field the coordinator can correct: the answer goes on that field.
      if (result.reason === "good_fit_required") return answer({ form: { key: "checkIn", errors: { goodFit: "pairings.errors.goodFit" }, values } }, 400);
      if (result.reason === "in_future" || result.reason === "before_start") {
        return answer({ form: { key: "checkIn", errors: { heldOn: `pairingFollowUp.problems.${result.reason}` }, values } }, 400);
      }
      return answer({ problem: `pairingFollowUp.problems.${result.reason}` }, 409);
    }
    return redirectWithToast(here, { key: form.data.safetyConcern ? "pairingFollowUp.checkIn.savedConcern" : "pairingFollowUp.checkIn.saved", variant: "success" });
  }

  if (intent === "handleHelp") {
    const form = validateForm(formData, handleHelp);
    if (!form.ok) throw refusal("invalid");
    const result = await handleHelpRequest(deps, actor, pairingId, form.data.requestId);
    if (!result.ok) {
      if (unexplained(result.reason)) throw refusal(result.reason);
      return answer({ problem: `pairingFollowUp.problems.${result.reason}` }, 409);
    }
    return redirectWithToast(here, { key: "pairingFollowUp.help.handledToast", variant: "success" });
  }

  if (intent === "close") {
    const form = validateForm(formData, closeForm);
    if (!form.ok) return answer({ form: { key: "close", errors: form.errors, values: form.values } }, 400);
    const result = await closePairing(deps, actor, pairingId, form.data);
    if (!result.ok) {
      if (unexplained(result.reason)) throw refusal(result.reason);
      return answer({ problem: `pairingFollowUp.problems.${result.reason}` }, 409);
    }
    const key = form.data.rematch ? "closedRematch" : form.data.outcome ? "closedOutcome" : "closed";
    return redirectWithToast(here, { key: `pairingFollowUp.close.${key}`, variant: "success" });
  }

  throw refusal("invalid");
}

export default function CoordinatorPairingFollowUp() {
  const t = useT();
  const { followUp, settings, today } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result?.form ?? null;
  const { pairing, youth, mentor } = followUp;
  const active = pairing.status === "active";
  const closable = active || pairing.status === "accepted";
  const summary = errorList(failedFieldErrors(failed), [...fieldIds("checkIn", checkInFormFields), ...fieldIds("close", closeFormFields)], t);
  const sections = [
    ["status", "pairingFollowUp.sections.status"],
    ["help", "pairingFollowUp.sections.help"],
    ...(active ? [["check-in", "pairingFollowUp.sections.checkIn"] as const] : []),
    ["check-ins", "pairingFollowUp.sections.checkIns"],
    ["contacts", "pairingFollowUp.sections.contacts"],
    ...(closable ? [["close", "pairingFollowUp.sections.close"] as const] : []),
    ...(pairing.status === "closed" ? [["ending", "pairingFollowUp.sections.ending"] as const] : []),
  ] as const satisfies readonly (readonly [string, MessageKey])[];

  return (
    <>
      <BackLink to={`/coordinator/youths/${youth.id}`}>{t("pairingFollowUp.backToYouth", { name: youth.firstName })}</BackLink>
      <h1>{t("pairingFollowUp.heading")}</h1>
      <p className="font-lead">{t("pairingFollowUp.lead", { youth: `${youth.firstName} ${youth.lastName}`, mentor: mentor.name })}</p>
      <PageContents label={t("pairingFollowUp.onThisPage")} sections={sections.map(([id, label]) => ({ id, label: t(label) }))} />

      <ErrorSummary errors={summary} />
      {result?.problem ? (
        <Alert variant="error" focus>
          {t(result.problem)}
        </Alert>
      ) : null}

      <FollowUpStatus followUp={followUp} settings={settings} />
      <HelpRequests requests={followUp.helpRequests} />
      {/* Keyed by the number of check-ins, so the form is empty again after a save. */}
      {active ? <CheckInForm key={followUp.checkIns.length} failed={failed} today={today} askGoodFit={!followUp.goodFitAsked} /> : null}
      <CheckInList checkIns={followUp.checkIns} />
      <ContactTable contacts={followUp.contacts} />
      {closable ? <CloseForm failed={failed} youthName={youth.firstName} /> : null}
      <Ending pairing={pairing} />
    </>
  );
}
