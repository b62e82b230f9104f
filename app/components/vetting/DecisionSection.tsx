import { Form, Link } from "@remix-run/react";
import { Alert, Button, ConfirmAction, Select, TextArea } from "~/components/ui";
import { useHydrated } from "~/components/ui/use-hydrated";
import { useT } from "~/i18n/react";
import type { VolunteerRecord } from "~/modules/volunteers/record.server";
import { rejectionReasons } from "~/modules/volunteers/types";
import { useFieldProps, VettingForm, type FailedForm, type RejectConfirmation } from "./forms";

type DecisionProps = {
  record: VolunteerRecord;
  me: string;
  failed: FailedForm | null;
  /** A reject or pause the action asks to confirm. */
  confirm: RejectConfirmation | { intent: "pause" } | null;
};

/** The decision that fits the status: approve or reject an application, pause or reactivate a mentor. */
export function DecisionSection({ record, me, failed, confirm }: DecisionProps) {
  const t = useT();
  const { status } = record.volunteer;

  return (
    <section aria-labelledby="decision">
      <h2 id="decision">{t("vetting.record.decisionHeading")}</h2>
      {status === "submitted" || status === "expired" ? (
        <>
          <Approve record={record} me={me} />
          <Reject record={record} failed={failed} confirming={confirm?.intent === "reject" ? confirm : null} />
        </>
      ) : status === "approved" ? (
        <Pause record={record} asking={confirm?.intent === "pause"} />
      ) : status === "paused" ? (
        <>
          <p>{t("vetting.record.reactivateIntro")}</p>
          <VettingForm intent="reactivate" submitLabel={t("vetting.record.reactivate")} />
        </>
      ) : (
        <p>{t("vetting.record.closedStatus", { status: t(`vetting.statuses.${status}`).toLowerCase() })}</p>
      )}
    </section>
  );
}

/** What approval still waits for, as the module's `approve` will judge it. */
function missingSteps(record: VolunteerRecord) {
  const states = new Map(record.checks.map((check) => [check.step, check.state]));
  return record.policy.requiredSteps.filter((step) => !["passed", "waived"].includes(states.get(step) ?? "pending"));
}

function Approve({ record, me }: { record: VolunteerRecord; me: string }) {
  const t = useT();
  const missing = missingSteps(record);
  const interviewer = record.checks.find((check) => check.step === "interview")?.doneBy;
  const blockedByFourEyes = record.fourEyes && interviewer === me;
  return (
    <>
      {record.volunteer.status === "expired" ? <p>{t("vetting.record.renewIntro")}</p> : null}
      {missing.length === 0 ? (
        <Alert variant="success">{t("vetting.record.ready")}</Alert>
      ) : (
        <p>{t("vetting.record.notReady", { steps: missing.map((step) => t(`vetting.steps.${step}`)).join(", ") })}</p>
      )}
      {record.fourEyes ? <p className="form-hint">{blockedByFourEyes ? t("vetting.record.fourEyesYou") : t("vetting.record.fourEyesNote")}</p> : null}
      {/* Always offered: the module decides, and says why when it refuses. */}
      <VettingForm intent="approve" submitLabel={t("vetting.record.approve")} />
    </>
  );
}

function Reject({ record, failed, confirming }: { record: VolunteerRecord; failed: FailedForm | null; confirming: RejectConfirmation | null }) {
  const t = useT();
  const field = useFieldProps(failed, "reject");
  if (confirming) {
    return (
      <Alert variant="warning" heading={t("vetting.record.rejectConfirmTitle", { name: record.user.name })} headingLevel={3} focus>
        <p>{t("vetting.record.rejectConfirmBody", { reason: t(`vetting.record.rejectionReasons.${confirming.reason}`) })}</p>
        <Form method="post">
          <input type="hidden" name="intent" value="reject" />
          <input type="hidden" name="reason" value={confirming.reason} />
          <input type="hidden" name="note" value={confirming.note} />
          <input type="hidden" name="confirmed" value="yes" />
          <Button variant="warning">{t("vetting.record.reject")}</Button>
          <Link to={`/coordinator/volunteers/${record.volunteer.id}`} className="ml-5">
            {t("vetting.record.cancel")}
          </Link>
        </Form>
      </Alert>
    );
  }
  return (
    <div className="row mt-7">
      <div className="col-12 col-md-8 col-lg-6">
        <h3>{t("vetting.record.rejectHeading")}</h3>
        <p>{t("vetting.record.rejectIntro")}</p>
        <VettingForm intent="reject" submitLabel={t("vetting.record.reject")} variant="warning">
          <Select
            {...field("reason")}
            label={t("vetting.record.rejectReason")}
            placeholder={t("vetting.record.rejectReasonRequired")}
            options={rejectionReasons.map((reason) => ({ value: reason, label: t(`vetting.record.rejectionReasons.${reason}`) }))}
          />
          <TextArea {...field("note")} label={t("vetting.record.rejectNote")} hint={t("vetting.record.rejectNoteHint")} optional rows={3} maxLength={8000} />
        </VettingForm>
      </div>
    </div>
  );
}

function Pause({ record, asking }: { record: VolunteerRecord; asking: boolean }) {
  const t = useT();
  // With JavaScript the modal asks; the hidden field then tells the action that it did.
  const hydrated = useHydrated();
  const name = record.user.name;
  return (
    <>
      <p>{t("vetting.record.pauseIntro")}</p>
      {asking ? (
        <Alert variant="warning" heading={t("vetting.record.pauseTitle", { name })} headingLevel={3} focus>
          <p>{t("vetting.record.pauseBody")}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="pause" />
            <input type="hidden" name="confirmed" value="yes" />
            <Button variant="warning">{t("vetting.record.pause")}</Button>
            <Link to={`/coordinator/volunteers/${record.volunteer.id}`} className="ml-5">
              {t("vetting.record.cancel")}
            </Link>
          </Form>
        </Alert>
      ) : (
        <ConfirmAction fields={{ intent: "pause", confirmed: hydrated ? "yes" : "" }} label={t("vetting.record.pause")} title={t("vetting.record.pauseTitle", { name })}>
          <p>{t("vetting.record.pauseBody")}</p>
        </ConfirmAction>
      )}
    </>
  );
}
