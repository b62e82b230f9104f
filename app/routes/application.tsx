import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Alert, ButtonLink, ConfirmAction } from "~/components/ui";
import { pageTitle } from "~/i18n/meta";
import { useFormat, useT } from "~/i18n/react";
import { requirePermission } from "~/modules/auth/guards.server";
import { getApplication, withdraw } from "~/modules/volunteers/application.server";
import { getPolicy } from "~/modules/volunteers/policy.server";
import type { VettingStep, VolunteerStatus } from "~/modules/volunteers/types";
import { redirectWithToast } from "~/toast.server";
import { actorOf } from "~/request.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "application.mine.title");


/** Steps that wait for the volunteer to act; the others wait for a coordinator. */
const volunteerActs: VettingStep[] = ["criminal_record", "code_of_conduct", "training"];
const withdrawable: VolunteerStatus[] = ["draft", "submitted", "approved", "paused"];

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
  const { id, kind, status, submittedAt, approvedUntil, messages } = application;
  return { application: { id, kind, status, submittedAt, approvedUntil, messages }, checklist };
}

export async function action(args: ActionFunctionArgs) {
  const user = await requirePermission(args, "update:application:own");
  const form = await args.request.formData();
  if (form.get("intent") !== "withdraw") return data({ failed: true }, { status: 400 });
  const result = await withdraw(args.context.db, actorOf(args, user));
  if (!result.ok) return data({ failed: true }, { status: result.reason === "forbidden" ? 403 : 409 });
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

  if (!application) {
    return (
      <>
        <h1>{t("application.mine.title")}</h1>
        <p>{t("application.mine.none")}</p>
        <ButtonLink to="/apply">{t("application.mine.start")}</ButtonLink>
      </>
    );
  }

  return (
    <div className="row">
      <div className="col-12 col-lg-8">
        <h1>{t("application.mine.title")}</h1>
        {actionData?.failed ? <Alert variant="error">{t("application.mine.withdrawFailed")}</Alert> : null}

        <h2>{t("application.mine.statusHeading")}</h2>
        <dl className="summary-list">
          <div className="summary-list-row">
            <dt className="summary-list-key">{t("application.mine.statusHeading")}</dt>
            <dd className="summary-list-value">{t(`application.status.${application.status}`)}</dd>
          </div>
          <div className="summary-list-row">
            <dt className="summary-list-key">{t("application.mine.kind")}</dt>
            <dd className="summary-list-value">{t(`application.kind.${application.kind}`)}</dd>
          </div>
          {application.submittedAt ? (
            <div className="summary-list-row">
              <dt className="summary-list-key">{t("application.mine.submittedAt")}</dt>
              <dd className="summary-list-value">{format.date(application.submittedAt)}</dd>
            </div>
          ) : null}
          {application.status === "approved" && application.approvedUntil ? (
            <div className="summary-list-row">
              <dt className="summary-list-key">{t("application.mine.approvedUntil")}</dt>
              <dd className="summary-list-value">{format.date(application.approvedUntil)}</dd>
            </div>
          ) : null}
        </dl>

        {application.status === "draft" ? (
          <>
            <p>{t("application.mine.continueDraft")}</p>
            <ButtonLink to="/apply/kind">{t("application.mine.continue")}</ButtonLink>
          </>
        ) : null}

        {checklist.length > 0 && application.status === "submitted" ? (
          <section aria-labelledby="checklist">
            <h2 id="checklist">{t("application.mine.checklistHeading")}</h2>
            <p>{t("application.mine.checklistIntro")}</p>
            <ul className="nobullet-list">
              {checklist.map((item) => (
                <li key={item.step} className="mb-5">
                  <strong>{t(`application.mine.check.${item.step}`)}</strong>: {t(stateLabels[item.state])}
                  {item.state === "yourTurn" || item.state === "waitingForUs" ? <p className="mt-2">{t(`application.mine.next.${item.step}`)}</p> : null}
                </li>
              ))}
            </ul>
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

        {withdrawable.includes(application.status) ? (
          <section aria-labelledby="withdraw">
            <h2 id="withdraw">{t("application.mine.withdrawHeading")}</h2>
            <p>{t("application.mine.withdrawIntro")}</p>
            <ConfirmAction fields={{ intent: "withdraw" }} label={t("application.mine.withdraw")} title={t("application.mine.withdrawTitle")}>
              <p>{t("application.mine.withdrawBody")}</p>
            </ConfirmAction>
          </section>
        ) : null}
      </div>
    </div>
  );
}
