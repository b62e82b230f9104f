import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { failedFieldErrors, fieldIds } from "~/components/course-admin/fields";
import { YouthTasks } from "~/components/participation/YouthTasks";
import { Alert, BackLink, ErrorSummary, PageContents } from "~/components/ui";
import { Disclosure, VettingForm, type FailedForm } from "~/components/vetting/forms";
import { isOpenPairing, PairingHistory, PairingSection } from "~/components/youths/PairingSection";
import { RecordSection, SensitiveNotesSection } from "~/components/youths/RecordSection";
import { StatusSection } from "~/components/youths/StatusSection";
import { YouthFields } from "~/components/youths/YouthFields";
import { YouthTimeline } from "~/components/youths/YouthTimeline";
import { agreementForm, agreementFormFields } from "~/forms/agreement";
import { errorList, validateForm } from "~/forms/validate";
import { postedYouthValues, youthForm, youthFormFields, youthFormLists, youthFormValues } from "~/forms/youth";
import { refusal, unexplained } from "~/http-refusal";
import type { MessageKey } from "~/i18n/catalogue";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import { listYouthParticipations, withdrawParticipation } from "~/modules/associations/participation.server";
import { requirePermission } from "~/modules/auth/guards.server";
import { getLatestPairing } from "~/modules/pairings/coordinator.server";
import { setAgreement, withdrawProposal } from "~/modules/pairings/pairings.server";
import { copenhagenToday, daysBetween } from "~/modules/volunteers/dates";
import { listResponsibleStaff } from "~/modules/volunteers/record.server";
import { ageOf } from "~/modules/youths/age";
import { closeYouth, getYouthForCoordinator, markReady, updateYouth } from "~/modules/youths/records.server";
import { youthOutcomes, type YouthOutcome } from "~/modules/youths/types";
import { actorOf, youthDeps } from "~/request.server";
import { redirectWithToast } from "~/toast.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  data ? pageTitle(matches, "youths.record.pageTitle", { name: `${data.record.youth.firstName} ${data.record.youth.lastName}` }) : pageTitle(matches, "youths.list.title");

export async function loader(args: LoaderFunctionArgs) {
  const user = await requirePermission(args, "read:youth:any");
  const actor = actorOf(args, user);
  const youthId = args.params.youthId ?? "";
  // Reading the record is audited inside the module (`youth.viewed`); the pairing is read with it.
  const record = await getYouthForCoordinator(youthDeps(args), actor, youthId);
  if (!record) throw refusal("not_found");
  const [pairing, staff, tasks] = await Promise.all([
    getLatestPairing(args.context.db, actor, youthId),
    listResponsibleStaff(args.context.db),
    listYouthParticipations(args.context.db, actor, youthId),
  ]);
  const now = new Date();
  const { readySince, status } = record.youth;
  return {
    record,
    pairing,
    staff,
    tasks: tasks ?? { participations: [], totalMinutes: 0 },
    names: Object.fromEntries(staff.map((person) => [person.id, person.name])),
    age: ageOf(record.youth.birthYear, now),
    daysWaiting: status === "ready" && readySince ? daysBetween(copenhagenToday(readySince), copenhagenToday(now)) : null,
  };
}

/** "yes" once the person has confirmed on the page; the first submit of a confirmed action only asks. */
const confirmed = z.string().optional();
const pairingId = z.string().uuid();

const statusChange = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("ready") }),
  z.object({ intent: z.literal("close"), outcome: z.enum(youthOutcomes, { errorMap: () => ({ message: "youths.errors.outcome" }) }), confirmed }),
  z.object({ intent: z.literal("withdraw"), pairingId, confirmed }),
  z.object({ intent: z.literal("withdrawParticipation"), participationId: z.string().uuid(), confirmed }),
]);

export type YouthActionResult = {
  form: FailedForm | null;
  problem: MessageKey | null;
  confirm: { intent: "close"; outcome: YouthOutcome } | { intent: "withdraw" } | { intent: "withdrawParticipation"; participationId: string } | null;
};

function answer(result: Partial<YouthActionResult>, status = 200) {
  return data<YouthActionResult>({ form: null, problem: null, confirm: null, ...result }, { status });
}

const failedForm = (key: string, errors: FailedForm["errors"], values: FailedForm["values"]) => answer({ form: { key, errors, values } }, 400);

export async function action(args: ActionFunctionArgs) {
  const user = await requirePermission(args, "update:youth:any");
  const actor = actorOf(args, user);
  const deps = youthDeps(args);
  const youthId = args.params.youthId ?? "";
  const here = `/coordinator/youths/${youthId}`;
  const formData = await args.request.formData();
  const intent = formData.get("intent");

  if (intent === "youth") {
    const form = validateForm(formData, youthForm, { lists: youthFormLists });
    if (!form.ok) return failedForm("youth", form.errors, form.values);
    const result = await updateYouth(deps, actor, youthId, form.data);
    if (!result.ok) {
      if (result.reason === "invalid_coordinator") return failedForm("youth", { responsibleCoordinatorId: "youths.errors.coordinator" }, postedYouthValues(formData));
      if (unexplained(result.reason)) throw refusal(result.reason);
      return answer({ problem: `youths.record.problems.${result.reason}` }, 409);
    }
    const saved = result.changed.length > 0;
    return redirectWithToast(here, { key: saved ? "youths.form.saved" : "youths.form.unchanged", variant: saved ? "success" : "info" });
  }

  if (intent === "agreement") {
    const form = validateForm(formData, agreementForm);
    if (!form.ok) return failedForm("agreement", form.errors, form.values);
    const pairing = await currentPairing(args, actor, youthId, formData.get("pairingId"));
    const result = await setAgreement(deps, actor, pairing, form.data);
    if (!result.ok) {
      if (unexplained(result.reason)) throw refusal(result.reason);
      return answer({ problem: "youths.record.problems.agreement" }, 409);
    }
    return redirectWithToast(here, { key: "youths.agreement.saved", variant: "success" });
  }

  const form = validateForm(formData, statusChange);
  if (!form.ok) {
    // Only the close form has a field to fill in; anything else wrong was not typed by a person.
    if (form.values.intent !== "close" || !form.errors.outcome) throw refusal("invalid");
    return failedForm("close", form.errors, form.values);
  }
  const change = form.data;
  // Closing a course and withdrawing a proposal are asked about first, with or without JavaScript.
  if (change.intent === "close" && change.confirmed !== "yes") return answer({ confirm: { intent: "close", outcome: change.outcome } });
  if (change.intent === "withdraw" && change.confirmed !== "yes") return answer({ confirm: { intent: "withdraw" } });
  if (change.intent === "withdrawParticipation") return withdrawTask(args, actor, youthId, change);

  const result =
    change.intent === "ready"
      ? await markReady(deps, actor, youthId)
      : change.intent === "close"
        ? await closeYouth(deps, actor, youthId, { outcome: change.outcome })
        : await withdrawProposal(deps, actor, await currentPairing(args, actor, youthId, change.pairingId));
  if (!result.ok) {
    if (unexplained(result.reason)) throw refusal(result.reason);
    return answer({ problem: `youths.record.problems.${result.reason === "open_pairing" ? "open_pairing" : "illegal_state"}` }, 409);
  }
  const successes = { ready: "youths.record.status.markedReady", close: "youths.record.close.closed", withdraw: "youths.pairing.withdrawn" } as const;
  return redirectWithToast(here, { key: successes[change.intent], variant: "success" });
}

/**
 * Withdraws a proposal for a volunteer task, asked about first. The proposal must be one of this youth's: a form
 * left open on another youth's page must not withdraw a proposal this page did not show.
 */
async function withdrawTask(args: ActionFunctionArgs, actor: ReturnType<typeof actorOf>, youthId: string, change: { participationId: string; confirmed?: string }) {
  const own = await listYouthParticipations(args.context.db, actor, youthId);
  if (!own?.participations.some((row) => row.id === change.participationId)) throw refusal("not_found");
  if (change.confirmed !== "yes") return answer({ confirm: { intent: "withdrawParticipation", participationId: change.participationId } });
  const result = await withdrawParticipation(youthDeps(args), actor, change.participationId);
  if (!result.ok) {
    if (unexplained(result.reason)) throw refusal(result.reason);
    return answer({ problem: "participation.problems.illegal_state" }, 409);
  }
  return redirectWithToast(`/coordinator/youths/${youthId}#tasks`, { key: "participation.toasts.withdrawn", variant: "success" });
}

/**
 * The pairing a form acts on, which must be this youth's latest: a form left open on another youth's page, or
 * on a proposal that has since been replaced, must not change a pairing the page did not show.
 */
async function currentPairing(args: ActionFunctionArgs, actor: ReturnType<typeof actorOf>, youthId: string, posted: FormDataEntryValue | null) {
  const latest = await getLatestPairing(args.context.db, actor, youthId);
  if (!latest || latest.id !== posted) throw refusal("not_found");
  return latest.id;
}

/** The page's sections, linked at the top: the record is long, and coordinators come back for one part. */
const sections = [
  ["status", "youths.record.sections.status"],
  ["pairing", "youths.record.sections.pairing"],
  ["tasks", "participation.youth.heading"],
  ["overview", "youths.record.sections.overview"],
  ["sensitive", "youths.record.sections.sensitive"],
  ["edit", "youths.record.sections.edit"],
  ["history", "youths.record.sections.history"],
  ["timeline", "youths.timeline.heading"],
] as const satisfies [string, MessageKey][];

export default function CoordinatorYouth() {
  const t = useT();
  const { record, pairing, staff, tasks, names, age, daysWaiting } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result?.form ?? null;
  const { youth } = record;
  const closed = youth.status === "closed";
  const openPairing = isOpenPairing(pairing);
  const summary = errorList(failedFieldErrors(failed), [...fieldIds("close", ["outcome"]), ...fieldIds("agreement", agreementFormFields), ...fieldIds("youth", youthFormFields)], t);

  return (
    <>
      <BackLink to="/coordinator/youths">{t("youths.form.back")}</BackLink>
      <h1>
        {youth.firstName} {youth.lastName}
      </h1>
      <p className="font-lead">{t("youths.record.lead", { age: String(age), town: youth.town })}</p>
      <PageContents
        label={t("youths.onThisPage")}
        sections={sections.filter(([id]) => !(closed && id === "edit")).map(([id, label]) => ({ id, label: t(label) }))}
      />

      <ErrorSummary errors={summary} />
      {result?.problem ? (
        <Alert variant="error" focus>
          {t(result.problem)}
        </Alert>
      ) : null}

      <StatusSection
        youth={youth}
        daysWaiting={daysWaiting}
        openPairing={openPairing}
        failed={failed}
        closing={result?.confirm?.intent === "close" ? result.confirm.outcome : null}
      />
      <PairingSection youth={youth} pairing={pairing} failed={failed} askingWithdraw={result?.confirm?.intent === "withdraw"} />
      <YouthTasks
        youth={youth}
        participations={tasks.participations}
        totalMinutes={tasks.totalMinutes}
        askingWithdraw={result?.confirm?.intent === "withdrawParticipation" ? result.confirm.participationId : null}
      />
      <RecordSection youth={youth} age={age} names={names} />
      <SensitiveNotesSection notes={youth.sensitiveNotes} />

      {closed ? null : (
        <section aria-labelledby="edit" className="mt-8">
          <h2 id="edit">{t("youths.record.sections.edit")}</h2>
          <Disclosure summary={t("youths.record.editSummary")} open={failed?.key === "youth"}>
            {/* Keyed by the saved time, so the fields show the saved record again after a change. */}
            <VettingForm key={String(youth.updatedAt)} intent="youth" submitLabel={t("youths.form.save")}>
              <YouthFields
                failed={failed}
                formKey="youth"
                saved={youthFormValues(youth)}
                staff={staff}
                consentRecordedBy={names[youth.consentRecordedBy ?? ""] ?? t("youths.record.someone")}
                headingLevel={3}
              />
            </VettingForm>
          </Disclosure>
        </section>
      )}

      <PairingHistory pairings={record.pairings} />
      <YouthTimeline record={record} />
    </>
  );
}
