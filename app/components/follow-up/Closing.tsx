import { useFormFields } from "~/components/course-admin/fields";
import { RadioGroup, Select, SummaryList, SummaryRow, TextArea } from "~/components/ui";
import { VettingForm, type FailedForm } from "~/components/vetting/forms";
import { useFormat, useT } from "~/i18n/react";
import type { CoordinatorFollowUp } from "~/modules/pairings/follow-up.server";
import { closeKinds, closeReasons } from "~/modules/pairings/types";
import { youthOutcomes } from "~/modules/youths/types";

/**
 * Closing the pairing: planned or not, why, the coordinator's exit note, a rematch or not, and — without a
 * rematch — the youth's outcome when their course ends too. The required answers are the confirmation.
 */
export function CloseForm({ failed, youthName }: { failed: FailedForm | null; youthName: string }) {
  const t = useT();
  const fields = useFormFields(failed, "close", { kind: "", reason: "", exitNote: "", rematch: "", outcome: "" });
  return (
    <section aria-labelledby="close" className="mt-8">
      <h2 id="close">{t("pairingFollowUp.sections.close")}</h2>
      <p>{t("pairingFollowUp.close.intro")}</p>
      <div className="row">
        <div className="col-12 col-md-10 col-lg-8">
          <VettingForm intent="close" submitLabel={t("pairingFollowUp.close.submit")} variant="secondary">
            <RadioGroup {...fields.text("kind")} legend={t("pairingFollowUp.close.kind")} options={closeKinds.map((value) => ({ value, label: t(`pairingFollowUp.close.kinds.${value}`) }))} />
            <RadioGroup
              {...fields.text("reason")}
              legend={t("pairingFollowUp.close.reason")}
              options={closeReasons.map((value) => ({ value, label: t(`pairingFollowUp.close.reasons.${value}`) }))}
            />
            <TextArea {...fields.text("exitNote")} label={t("pairingFollowUp.close.exitNote")} hint={t("pairingFollowUp.close.exitNoteHint")} rows={4} maxLength={4000} />
            <RadioGroup
              {...fields.text("rematch")}
              legend={t("pairingFollowUp.close.rematch")}
              options={(["yes", "no"] as const).map((value) => ({ value, label: t(`pairingFollowUp.close.rematchOptions.${value}`, { name: youthName }) }))}
            />
            <Select
              {...fields.text("outcome")}
              label={t("pairingFollowUp.close.outcome")}
              hint={t("pairingFollowUp.close.outcomeHint")}
              placeholder={t("pairingFollowUp.close.stillActive")}
              options={youthOutcomes.map((value) => ({ value, label: t(`youths.outcomes.${value}`) }))}
            />
          </VettingForm>
        </div>
      </div>
    </section>
  );
}

/** How a closed pairing ended, with both exit notes. */
export function Ending({ pairing }: { pairing: CoordinatorFollowUp["pairing"] }) {
  const t = useT();
  const format = useFormat();
  if (pairing.status !== "closed" || !pairing.closedAt) return null;
  return (
    <section aria-labelledby="ending" className="mt-8">
      <h2 id="ending">{t("pairingFollowUp.sections.ending")}</h2>
      <SummaryList>
        <SummaryRow label={t("pairingFollowUp.ending.closedAt")}>{format.date(pairing.closedAt)}</SummaryRow>
        {pairing.closeKind ? <SummaryRow label={t("pairingFollowUp.ending.kind")}>{t(`pairingFollowUp.close.kinds.${pairing.closeKind}`)}</SummaryRow> : null}
        {pairing.closeReason ? <SummaryRow label={t("pairingFollowUp.ending.reason")}>{t(`pairingFollowUp.close.reasons.${pairing.closeReason}`)}</SummaryRow> : null}
        <SummaryRow label={t("pairingFollowUp.ending.rematch")}>{pairing.rematchWanted ? t("common.yes") : t("common.no")}</SummaryRow>
        <SummaryRow label={t("pairingFollowUp.ending.coordinatorNote")}>
          <span className="preformatted">{pairing.coordinatorExitNote ?? ""}</span>
        </SummaryRow>
        <SummaryRow label={t("pairingFollowUp.ending.mentorNote")}>
          {pairing.mentorExitNote ? <span className="preformatted">{pairing.mentorExitNote}</span> : t("pairingFollowUp.ending.mentorNoteMissing")}
        </SummaryRow>
      </SummaryList>
    </section>
  );
}
