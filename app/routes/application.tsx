import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { ProfileSummary } from "~/components/application/ProfileSummary";
import { Alert, Button, ButtonLink, ConfirmAction, SummaryList, SummaryRow } from "~/components/ui";
import { useHydrated } from "~/components/ui/use-hydrated";
import { validateForm } from "~/forms/validate";
import type { MessageKey } from "~/i18n/catalogue";
import { pageTitle } from "~/i18n/meta";
import { useFormat, useT } from "~/i18n/react";
import { forbidden, requirePermission } from "~/modules/auth/guards.server";
import { getApplication, reapply, withdraw } from "~/modules/volunteers/application.server";
import { getPolicy } from "~/modules/volunteers/policy.server";
import type { VettingStep } from "~/modules/volunteers/types";
import { redirectWithToast } from "~/toast.server";
import { actorOf, volunteerDeps } from "~/request.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "application.mine.title");

/** Steps that wait for the volunteer to act; the others wait for a coordinator. */
const volunteerActs: VettingStep[] = ["criminal_record", "code_of_conduct", "training"];

export async function loader(args: LoaderFunctionArgs) {
  const user = await requirePermission(args, "read:application:own");
  const application = await getApplication(args.context.db, actorOf(args, user));
  if (!application) return { application: null, checklist: [] };
  const policy = await getPolicy(args.context.db, application.kind);
  // The volunteer sees the steps their kind's policy requires, as states only: notes stay with the coordinators.
  const checklist = application.checks
    .filter((check) => policy.requiredSteps.includes(check.step))
    .map((check) => ({
      step: check.step,
      state:
        check.state === "passed" || check.state === "waived"
          ? ("done" as const)
          : check.state === "failed"
            ? ("failed" as const)
            : volunteerActs.includes(check.step)
              ? ("yourTurn" as const)
              : ("waitingForUs" as const),
    }));
  const { id, kind, status, submittedAt, approvedUntil, rejectionReason, messages, allowed } = application;
  const { interests, availability, preferences } = application.answers;
  return { application: { id, kind, status, submittedAt, approvedUntil, rejectionReason, messages, allowed, profile: { interests, availability, preferences } }, checklist };
}

/** "yes" once the volunteer has confirmed: in the modal with JavaScript, on the confirmation step without. */
const confirmed = z.string().optional();
const ownChange = z.discriminatedUnion("intent", [z.object({ intent: z.literal("withdraw"), confirmed }), z.object({ intent: z.literal("reapply") })]);

type ActionResult = { problem: MessageKey | null; confirm: "withdraw" | null };

export async function action(args: ActionFunctionArgs) {
  const user = await requirePermission(args, "update:application:own");
  const form = validateForm(await args.request.formData(), ownChange);
  if (!form.ok) return data<ActionResult>({ problem: "application.mine.actionFailed", confirm: null }, { status: 400 });
  const actor = actorOf(args, user);

  if (form.data.intent === "reapply") {
    const result = await reapply(volunteerDeps(args), actor);
    // The answers are kept but the consents are asked again, so the overview shows what is left to send.
    if (result.ok) return redirectWithToast("/apply/summary", { key: "application.mine.reopened", variant: "success" });
    if (result.reason === "forbidden") forbidden();
    const problem = result.reason === "too_early" ? "application.mine.reapplyTooEarly" : "application.mine.reapplyFailed";
    return data<ActionResult>({ problem, confirm: null }, { status: 409 });
  }

  // Without JavaScript no modal asked: ask on the page first, then withdraw on the second submit.
  if (form.data.confirmed !== "yes") return data<ActionResult>({ problem: null, confirm: "withdraw" });
  const result = await withdraw(args.context.db, actor);
  if (!result.ok) {
    if (result.reason === "forbidden") forbidden();
    return data<ActionResult>({ problem: "application.mine.withdrawFailed", confirm: null }, { status: 409 });
  }
  // The coordinators see the withdrawal in the pipeline's status and the volunteer's timeline; no email needed.
  return redirectWithToast("/application", { key: "application.mine.withdrawn", variant: "success" });
}

const stateLabels = {
  done: "application.mine.stateDone",
  failed: "application.mine.stateFailed",
  yourTurn: "application.mine.stateYourTurn",
  waitingForUs: "application.mine.stateWaitingForUs",
} as const;

export default function MyApplication() {
  const t = useT();
  const format = useFormat();
  const { application, checklist } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  // With JavaScript the modal asks; the hidden field then tells the action that it did.
  const hydrated = useHydrated();
  const submitting = navigation.state === "submitting" ? navigation.formData?.get("intent") : null;

  if (!application) {
    return (
      <>
        <h1>{t("application.mine.title")}</h1>
        <p>{t("application.mine.none")}</p>
        <ButtonLink to="/apply">{t("application.mine.start")}</ButtonLink>
      </>
    );
  }

  const { allowed } = application;
  const closed = application.status === "withdrawn" || application.status === "rejected";

  return (
    <div className="row">
      <div className="col-12 col-lg-8">
        <h1>{t("application.mine.title")}</h1>
        {actionData?.problem ? <Alert variant="error">{t(actionData.problem)}</Alert> : null}

        <h2>{t("application.mine.statusHeading")}</h2>
        <SummaryList>
          <SummaryRow label={t("application.mine.statusHeading")}>{t(`application.status.${application.status}`)}</SummaryRow>
          <SummaryRow label={t("application.mine.kind")}>{t(`application.kind.${application.kind}`)}</SummaryRow>
          {application.submittedAt ? <SummaryRow label={t("application.mine.submittedAt")}>{format.date(application.submittedAt)}</SummaryRow> : null}
          {application.status === "rejected" && application.rejectionReason ? (
            <SummaryRow label={t("application.mine.rejectionReason")}>{t(`application.mine.reasons.${application.rejectionReason}`)}</SummaryRow>
          ) : null}
          {application.status === "approved" && application.approvedUntil ? (
            <SummaryRow label={t("application.mine.approvedUntil")}>{format.date(application.approvedUntil)}</SummaryRow>
          ) : null}
        </SummaryList>

        {application.status === "draft" ? (
          <>
            <p>{t("application.mine.continueDraft")}</p>
            <ButtonLink to="/apply/kind">{t("application.mine.continue")}</ButtonLink>
          </>
        ) : null}

        {closed ? (
          <section aria-labelledby="reapply">
            <h2 id="reapply">{t("application.mine.reapplyHeading")}</h2>
            {application.status === "withdrawn" ? (
              <p>{t("application.mine.reapplyWithdrawn")}</p>
            ) : allowed.reapply ? (
              <p>{t("application.mine.reapplyRejected")}</p>
            ) : (
              <p>{t("application.mine.reapplyWait", { date: allowed.reapplyFrom ? format.date(allowed.reapplyFrom) : "" })}</p>
            )}
            <p>{t("application.mine.reapplyHow")}</p>
            {allowed.reapply ? (
              <Form method="post">
                <input type="hidden" name="intent" value="reapply" />
                <Button pending={submitting === "reapply"}>{t("application.mine.reapply")}</Button>
              </Form>
            ) : null}
          </section>
        ) : null}

        {checklist.length > 0 && application.status === "submitted" ? (
          <section aria-labelledby="checklist">
            <h2 id="checklist">{t("application.mine.checklistHeading")}</h2>
            <p>{t("application.mine.checklistIntro")}</p>
            <ul className="nobullet-list">
              {checklist.map((item) => (
                <li key={item.step} className="mb-5">
                  <strong>{t(`application.mine.check.${item.step}`)}</strong>: {t(stateLabels[item.state])}
                  {item.state === "yourTurn" || item.state === "waitingForUs" ? (
                    <p className="mt-2">
                      {t(`application.mine.next.${item.step}`)}
                      {item.step === "training" ? (
                        <>
                          {" "}
                          <Link to="/courses?needed=1">{t("application.mine.findCourses")}</Link>
                        </>
                      ) : null}
                    </p>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        {application.status !== "draft" ? (
          <section aria-labelledby="profile">
            <h2 id="profile">{t("application.mine.profile.heading")}</h2>
            <p>{t(allowed.editProfile ? "application.mine.profile.intro" : "application.mine.profile.introClosed")}</p>
            <ProfileSummary answers={application.profile} editable={allowed.editProfile} />
          </section>
        ) : null}

        <section aria-labelledby="messages">
          <h2 id="messages">{t("application.mine.messagesHeading")}</h2>
          {application.messages.length === 0 ? (
            <p>{t("application.mine.messagesEmpty")}</p>
          ) : (
            <ul className="nobullet-list">
              {application.messages.map((message) => (
                <li key={message.id} className="mb-5">
                  <p className="font-lead-small mb-2">{format.dateTime(message.createdAt)}</p>
                  <p className="mt-0">{message.body}</p>
                </li>
              ))}
            </ul>
          )}
        </section>

        {allowed.withdraw ? (
          <section aria-labelledby="withdraw">
            <h2 id="withdraw">{t("application.mine.withdrawHeading")}</h2>
            <p>{t("application.mine.withdrawIntro")}</p>
            {actionData?.confirm === "withdraw" ? (
              <Alert variant="warning" heading={t("application.mine.withdrawTitle")} headingLevel={3}>
                <p>{t("application.mine.withdrawBody")}</p>
                <Form method="post">
                  <input type="hidden" name="intent" value="withdraw" />
                  <input type="hidden" name="confirmed" value="yes" />
                  <Button variant="warning" pending={submitting === "withdraw"}>
                    {t("application.mine.withdraw")}
                  </Button>
                  <Link to="/application" className="ml-5">
                    {t("application.mine.withdrawCancel")}
                  </Link>
                </Form>
              </Alert>
            ) : (
              <ConfirmAction
                fields={{ intent: "withdraw", confirmed: hydrated ? "yes" : "" }}
                label={t("application.mine.withdraw")}
                title={t("application.mine.withdrawTitle")}
              >
                <p>{t("application.mine.withdrawBody")}</p>
              </ConfirmAction>
            )}
          </section>
        ) : null}
      </div>
    </div>
  );
}
