import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ApplicationAnswers } from "~/components/vetting/ApplicationAnswers";
import { ChecklistSection } from "~/components/vetting/ChecklistSection";
import { DecisionSection } from "~/components/vetting/DecisionSection";
import { MessagesSection } from "~/components/vetting/MessagesSection";
import { OverviewSection } from "~/components/vetting/OverviewSection";
import { VettingTimeline } from "~/components/vetting/VettingTimeline";
import type { FailedForm, RejectConfirmation } from "~/components/vetting/forms";
import { Alert, ErrorSummary, PageContents } from "~/components/ui";
import { errorList, validateForm } from "~/forms/validate";
import type { MessageKey } from "~/i18n/catalogue";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import { forbidden, requirePermission } from "~/modules/auth/guards.server";
import { copenhagenToday, daysBetween } from "~/modules/volunteers/dates";
import { getVolunteerForCoordinator, listResponsibleStaff } from "~/modules/volunteers/record.server";
import { attestResults, referenceOutcomes, rejectionReasons, vettingSteps, type VettingStep } from "~/modules/volunteers/types";
import {
  approve,
  assignCoordinator,
  pause,
  reactivate,
  recordAttest,
  recordInterview,
  recordReference,
  recordTraining,
  reject,
  sendMessage,
  waiveCheck,
} from "~/modules/volunteers/vetting.server";
import { actorOf, volunteerDeps } from "~/request.server";
import { redirectWithToast } from "~/toast.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  data ? pageTitle(matches, "vetting.record.title", { name: data.record.user.name }) : pageTitle(matches, "vetting.pipeline.title");

function notFound(): never {
  throw new Response("Not found", { status: 404 });
}

export async function loader(args: LoaderFunctionArgs) {
  const user = await requirePermission(args, "read:vetting:any");
  // Reading the record is audited inside the module (`vetting.viewed`).
  const record = await getVolunteerForCoordinator(volunteerDeps(args), actorOf(args, user), args.params.volunteerId ?? "");
  if (!record) notFound();
  const staff = await listResponsibleStaff(args.context.db);
  const submitted = record.volunteer.submittedAt;
  const daysWaiting = submitted ? daysBetween(copenhagenToday(submitted), copenhagenToday()) : null;
  return { record, daysWaiting, staff, me: user.id };
}

const choice = <const T extends Readonly<[string, ...string[]]>>(values: T, message: MessageKey) => z.enum(values, { errorMap: () => ({ message }) });
const note = z.string().trim().max(8000, "vetting.record.noteTooLong").default("");
/** "yes" once the person has confirmed on the page; the first submit of a confirmed action only asks. */
const confirmed = z.string().optional();

const vettingForm = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("interview"),
    outcome: choice(["passed", "failed"], "vetting.record.interview.outcomeRequired"),
    motivation: note,
    boundaries: note,
    availability: note,
    concerns: note,
  }),
  z.object({
    intent: z.literal("reference"),
    position: z.coerce.number().int().min(1).max(5),
    outcome: choice(referenceOutcomes, "vetting.record.references.outcomeRequired"),
    note,
  }),
  z.object({
    intent: z.literal("attest"),
    result: choice(attestResults, "vetting.record.attest.resultRequired"),
    // An assessment is of a certificate someone has seen: not a day in the future.
    assessedOn: z
      .string()
      .trim()
      .date("vetting.record.attest.assessedOnInvalid")
      .refine((date) => date <= copenhagenToday(), "vetting.record.attest.assessedOnInvalid"),
  }),
  z.object({ intent: z.literal("training"), passed: z.literal("yes").optional(), note }),
  z.object({
    intent: z.literal("waive"),
    step: choice(vettingSteps, "vetting.record.waive.stepRequired"),
    reason: z.string().trim().min(1, "vetting.record.waive.reasonRequired").max(1000, "validation.invalid"),
  }),
  z.object({ intent: z.literal("approve") }),
  z.object({ intent: z.literal("reject"), reason: choice(rejectionReasons, "vetting.record.rejectReasonRequired"), note, confirmed }),
  z.object({ intent: z.literal("pause"), confirmed }),
  z.object({ intent: z.literal("reactivate") }),
  z.object({
    intent: z.literal("message"),
    body: z.string().trim().min(1, "vetting.record.messages.bodyRequired").max(4000, "vetting.record.messages.bodyTooLong"),
  }),
  z.object({ intent: z.literal("assign"), coordinator: z.string() }),
]);
type VettingChange = z.infer<typeof vettingForm>;
type Intent = VettingChange["intent"];

const successes = {
  interview: "vetting.record.interview.saved",
  reference: "vetting.record.references.saved",
  attest: "vetting.record.attest.saved",
  training: "vetting.record.training.saved",
  waive: "vetting.record.waive.saved",
  approve: "vetting.record.approved",
  reject: "vetting.record.rejected",
  pause: "vetting.record.paused",
  reactivate: "vetting.record.reactivated",
  message: "vetting.record.messages.sent",
  assign: "vetting.record.assigned",
} as const satisfies Record<Intent, MessageKey>;

export type ActionResult = {
  form: FailedForm | null;
  problem: { key: MessageKey; missing?: VettingStep[] } | null;
  confirm: RejectConfirmation | { intent: "pause" } | null;
};

/** Which form on the page a submission came from: a reference form per reference, one form for each other intent. */
function formKey(values: Record<string, string>) {
  return values.intent === "reference" ? `reference-${values.position ?? ""}` : (values.intent ?? "");
}

function perform(args: ActionFunctionArgs, change: VettingChange, volunteerId: string, actor: ReturnType<typeof actorOf>) {
  const deps = volunteerDeps(args);
  switch (change.intent) {
    case "interview": {
      const { outcome, motivation, boundaries, availability, concerns } = change;
      return recordInterview(deps, actor, volunteerId, { outcome, notes: { motivation, boundaries, availability, concerns } });
    }
    case "reference":
      return recordReference(deps, actor, volunteerId, { position: change.position, outcome: change.outcome, note: change.note || undefined });
    case "attest":
      return recordAttest(deps, actor, volunteerId, { result: change.result, assessedOn: change.assessedOn });
    case "training":
      return recordTraining(deps, actor, volunteerId, { passed: change.passed === "yes", note: change.note || undefined });
    case "waive":
      return waiveCheck(deps, actor, volunteerId, { step: change.step, reason: change.reason });
    case "approve":
      return approve(deps, actor, volunteerId);
    case "reject":
      return reject(deps, actor, volunteerId, { reason: change.reason, note: change.note || undefined });
    case "pause":
      return pause(deps, actor, volunteerId);
    case "reactivate":
      return reactivate(deps, actor, volunteerId);
    case "message":
      return sendMessage(deps, actor, volunteerId, { body: change.body });
    case "assign":
      return assignCoordinator(deps, actor, volunteerId, change.coordinator || null);
  }
}

export async function action(args: ActionFunctionArgs) {
  const user = await requirePermission(args, "update:vetting:any");
  const volunteerId = args.params.volunteerId ?? "";
  const form = validateForm(await args.request.formData(), vettingForm);
  if (!form.ok) {
    return data<ActionResult>({ form: { key: formKey(form.values), errors: form.errors, values: form.values }, problem: null, confirm: null }, { status: 400 });
  }

  const change = form.data;
  // Rejecting and pausing are asked about on the page before they happen, with or without JavaScript.
  if ((change.intent === "reject" || change.intent === "pause") && change.confirmed !== "yes") {
    const confirm = change.intent === "reject" ? { intent: change.intent, reason: change.reason, note: change.note } : { intent: change.intent };
    return data<ActionResult>({ form: null, problem: null, confirm });
  }

  const result = await perform(args, change, volunteerId, actorOf(args, user));
  if (!result.ok) {
    if (result.reason === "forbidden") forbidden();
    if (result.reason === "not_found") notFound();
    const missing = "missing" in result ? result.missing : undefined;
    return data<ActionResult>({ form: null, problem: { key: `vetting.record.problems.${result.reason}`, missing }, confirm: null }, { status: 409 });
  }
  return redirectWithToast(`/coordinator/volunteers/${volunteerId}`, { key: successes[change.intent], variant: "success" });
}

/** Every field of every form, in page order, for the error summary (ids are the form's key and the field). */
const fieldOrder = [
  "assign-coordinator",
  "reject-reason",
  "reject-note",
  "interview-outcome",
  "interview-motivation",
  "interview-boundaries",
  "interview-availability",
  "interview-concerns",
  ...[1, 2, 3, 4, 5].flatMap((position) => [`reference-${position}-outcome`, `reference-${position}-note`]),
  "attest-result",
  "attest-assessedOn",
  "training-note",
  "waive-step",
  "waive-reason",
  "message-body",
];

/** The page's sections, linked at the top: the page is long, and coordinators come back for one part. */
const sections = [
  ["overview", "vetting.record.overview"],
  ["decision", "vetting.record.decisionHeading"],
  ["checklist", "vetting.record.checklistHeading"],
  ["messages", "vetting.record.messages.heading"],
  ["answers", "vetting.record.answersHeading"],
  ["timeline", "vetting.record.timeline.heading"],
] as const satisfies [string, MessageKey][];

export default function CoordinatorVolunteer() {
  const t = useT();
  const { record, daysWaiting, staff, me } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const failed = actionData?.form ?? null;
  const summaryErrors = failed
    ? Object.fromEntries(Object.entries(failed.errors).map(([field, message]) => [`${failed.key}-${field}`, message]))
    : undefined;
  const problem = actionData?.problem;

  return (
    <>
      <p>
        <Link to="/coordinator/volunteers" className="back-link">
          {t("vetting.record.back")}
        </Link>
      </p>
      <h1>{record.user.name}</h1>
      <p className="font-lead">
        {t(`vetting.kinds.${record.volunteer.kind}`)} · {t(`vetting.statuses.${record.volunteer.status}`)}
      </p>

      <PageContents label={t("vetting.record.onThisPage")} sections={sections.map(([id, label]) => ({ id, label: t(label) }))} />

      <ErrorSummary errors={errorList(summaryErrors, fieldOrder, t)} />
      {problem ? (
        <Alert variant="error" focus>
          {t(problem.key, { steps: (problem.missing ?? []).map((step) => t(`vetting.steps.${step}`)).join(", ") })}
        </Alert>
      ) : null}

      <OverviewSection record={record} daysWaiting={daysWaiting} staff={staff} failed={failed} />
      <DecisionSection record={record} me={me} failed={failed} confirm={actionData?.confirm ?? null} />
      <ChecklistSection record={record} failed={failed} />
      <MessagesSection record={record} failed={failed} />
      <ApplicationAnswers answers={record.answers} />
      <VettingTimeline record={record} />
    </>
  );
}
