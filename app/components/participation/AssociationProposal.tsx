import { Form, Link, useNavigation } from "@remix-run/react";
import { numberInput } from "~/components/course-admin/fields";
import { Alert, Button, ButtonLink, SummaryList, SummaryRow, TextArea, TextField } from "~/components/ui";
import { useFieldProps, VettingForm, type FailedForm } from "~/components/vetting/forms";
import { useFormat, useT } from "~/i18n/react";
import { useProposer, type AssociationRow } from "./AssociationParticipations";
import { useHours } from "./hours";

/** One proposal as the association sees it: besides the list's fields, the proposer's note and, once accepted, the contact. */
export type AssociationProposalData = AssociationRow & {
  taskId: string;
  note: string;
  contactArrangement: string | null;
  confirmedMinutes: number | null;
  declineReason: string | null;
};

type Props = { participation: AssociationProposalData };

/** The task, the status, who proposed and when, and the proposer's note. */
export function ProposalDetails({ participation }: Props) {
  const t = useT();
  const format = useFormat();
  const proposer = useProposer();
  return (
    <SummaryList>
      <SummaryRow label={t("participation.association.detail.task")}>
        <Link to={`/tasks/${participation.taskId}`}>{participation.taskTitle}</Link>
      </SummaryRow>
      <SummaryRow label={t("participation.association.detail.status")}>{t(`participation.statuses.${participation.status}`)}</SummaryRow>
      <SummaryRow label={t("participation.association.detail.proposedBy")}>{proposer(participation)}</SummaryRow>
      <SummaryRow label={t("participation.association.detail.proposedAt")}>{format.date(participation.proposedAt)}</SummaryRow>
      <SummaryRow label={t("participation.association.detail.note")}>
        <span className="preformatted">{participation.note}</span>
      </SummaryRow>
    </SummaryList>
  );
}

/**
 * The association's answer. "Ja tak" answers at once; "Nej tak" opens a form that asks for the reason, which is
 * also the step that asks before the no is sent. Both work without JavaScript.
 */
export function AnswerProposal({ participation, declining, failed }: Props & { declining: boolean; failed: FailedForm | null }) {
  const t = useT();
  const field = useFieldProps(failed, "decline");
  const reason = field("reason");
  const navigation = useNavigation();
  const sending = (intent: string) => navigation.state === "submitting" && navigation.formData?.get("intent") === intent;
  const name = participation.youthFirstName;
  const here = `/association/proposals/${participation.id}`;

  return (
    <section aria-labelledby="answer-heading" id="answer" className="mt-8">
      <h2 id="answer-heading">{t("participation.association.detail.answerHeading")}</h2>
      <p>{t("participation.association.detail.answerIntro", { name })}</p>
      {declining ? (
        <ReasonAsked
          intent="decline"
          here={here}
          title={t("participation.association.detail.declineTitle", { name })}
          body={t("participation.association.detail.declineBody")}
          reason={{ ...reason, label: t("participation.association.detail.declineReason"), hint: t("participation.association.detail.declineReasonHint"), rows: 4 }}
          send={t("participation.association.detail.sendDecline")}
          sending={sending("decline")}
        />
      ) : (
        <div className="form-actions">
          <Form method="post" action={here}>
            <input type="hidden" name="intent" value="accept" />
            <Button pending={sending("accept")}>{t("participation.association.detail.accept")}</Button>
          </Form>
          <ButtonLink to={`${here}?answer=no#answer`} variant="secondary">
            {t("participation.association.detail.decline")}
          </ButtonLink>
        </div>
      )}
    </section>
  );
}

/** Taking part: how to reach the youth, the hours that complete it, and stopping it with a reason. */
export function ActiveParticipation({ participation, cancelling, failed }: Props & { cancelling: boolean; failed: FailedForm | null }) {
  const t = useT();
  const complete = useFieldProps(failed, "complete");
  const cancel = useFieldProps(failed, "cancel");
  const reason = cancel("reason");
  const navigation = useNavigation();
  const stopping = navigation.state === "submitting" && navigation.formData?.get("intent") === "cancel";
  const name = participation.youthFirstName;
  const here = `/association/proposals/${participation.id}`;

  return (
    <>
      <ContactArrangement participation={participation} />
      <section aria-labelledby="complete" className="mt-8">
        <h2 id="complete">{t("participation.association.detail.completeHeading")}</h2>
        <p>{t("participation.association.detail.completeIntro", { name })}</p>
        <VettingForm intent="complete" submitLabel={t("participation.association.detail.complete")}>
          <TextField
            {...complete("hours")}
            {...numberInput}
            inputMode="decimal"
            label={t("participation.association.detail.hoursLabel")}
            hint={t("participation.association.detail.hoursHint")}
            maxLength={8}
          />
        </VettingForm>
      </section>
      <section aria-labelledby="stop-heading" id="stop" className="mt-8">
        <h2 id="stop-heading">{t("participation.association.detail.cancelHeading")}</h2>
        <p>{t("participation.association.detail.cancelIntro", { name })}</p>
        {cancelling ? (
          <ReasonAsked
            intent="cancel"
            here={here}
            title={t("participation.association.detail.cancelTitle", { name })}
            body={t("participation.association.detail.cancelBody")}
            reason={{ ...reason, label: t("participation.association.detail.cancelReason"), rows: 3 }}
            send={t("participation.association.detail.sendCancel")}
            sending={stopping}
          />
        ) : (
          <ButtonLink to={`${here}?stop=yes#stop`} variant="secondary">
            {t("participation.association.detail.cancel")}
          </ButtonLink>
        )}
      </section>
    </>
  );
}

type ReasonAskedProps = {
  intent: "decline" | "cancel";
  here: string;
  title: string;
  body: string;
  reason: ReturnType<ReturnType<typeof useFieldProps>> & { label: string; hint?: string; rows: number };
  send: string;
  sending: boolean;
};

/**
 * A no or a stop, asked on the page: the reason form is the confirmation. Focused when opened; after a failed
 * send the error summary takes the focus instead.
 */
function ReasonAsked({ intent, here, title, body, reason, send, sending }: ReasonAskedProps) {
  const t = useT();
  return (
    <Alert variant="warning" heading={title} headingLevel={3} focus={!reason.error}>
      <p>{body}</p>
      <Form method="post" action={here} noValidate>
        <input type="hidden" name="intent" value={intent} />
        <TextArea {...reason} maxLength={1000} />
        <div className="mt-5">
          <Button variant="warning" pending={sending}>
            {send}
          </Button>
          <Link to={here} className="ml-5">
            {t("participation.association.detail.keep")}
          </Link>
        </div>
      </Form>
    </Alert>
  );
}

function ContactArrangement({ participation }: Props) {
  const t = useT();
  if (!participation.contactArrangement) return null;
  return (
    <section aria-labelledby="contact" className="mt-8">
      <h2 id="contact">{t("participation.association.detail.contactHeading")}</h2>
      <p>{t("participation.association.detail.contactIntro", { name: participation.youthFirstName })}</p>
      <p className="preformatted">{participation.contactArrangement}</p>
    </section>
  );
}

/** Completed, declined, withdrawn or stopped: what happened, the hours or the reason; the contact while it is useful. */
export function EndedParticipation({ participation }: Props) {
  const t = useT();
  const hours = useHours();
  const name = participation.youthFirstName;
  const status = participation.status;
  if (status === "proposed" || status === "active") return null;
  return (
    <>
      <Alert variant={status === "completed" ? "success" : "info"} className="mt-8">
        <p className="mt-0">{t(`participation.association.detail.${status}`, { name })}</p>
        {status === "completed" && participation.confirmedMinutes !== null ? (
          <p>
            {t("participation.association.detail.hours")}: {hours(participation.confirmedMinutes)}
          </p>
        ) : null}
        {participation.declineReason ? (
          <p>
            {t("participation.association.detail.reason")}: <span className="preformatted">{participation.declineReason}</span>
          </p>
        ) : null}
      </Alert>
      <ContactArrangement participation={participation} />
    </>
  );
}
