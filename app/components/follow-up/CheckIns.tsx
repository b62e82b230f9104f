import { useFormFields } from "~/components/course-admin/fields";
import { RadioGroup, SummaryList, SummaryRow, TextArea, TextField } from "~/components/ui";
import { VettingForm, type FailedForm } from "~/components/vetting/forms";
import { useFormat, useT } from "~/i18n/react";
import type { CoordinatorFollowUp } from "~/modules/pairings/follow-up.server";
import { checkInMoods, checkInWith, escalations, goodFitAnswers } from "~/modules/pairings/schemas";

type CheckInFormProps = {
  failed: FailedForm | null;
  today: string;
  /** The first check-in asks whether the pair is a good fit. */
  askGoodFit: boolean;
};

/**
 * A structured check-in: when, with whom, how it goes, progress on the goals, the safety question and what is
 * escalated, the next step, and on the first one "a good fit?". Keyed by the count of check-ins, so the fields
 * empty after a save.
 */
export function CheckInForm({ failed, today, askGoodFit }: CheckInFormProps) {
  const t = useT();
  const fields = useFormFields(failed, "checkIn", {
    heldOn: today,
    spokeWith: "",
    mood: "",
    progress: "",
    goodFit: "",
    safetyConcern: "",
    escalatedTo: "",
    safetyNote: "",
    nextStep: "",
  });
  return (
    <section aria-labelledby="check-in" className="mt-8">
      <h2 id="check-in">{t("pairingFollowUp.sections.checkIn")}</h2>
      <p>{t("pairingFollowUp.checkIn.intro")}</p>
      <div className="row">
        <div className="col-12 col-md-10 col-lg-8">
          <VettingForm intent="checkIn" submitLabel={t("pairingFollowUp.checkIn.submit")}>
            <TextField {...fields.text("heldOn")} type="date" label={t("pairingFollowUp.checkIn.heldOn")} className="input-width-s" />
            <RadioGroup
              {...fields.text("spokeWith")}
              legend={t("pairingFollowUp.checkIn.spokeWith")}
              options={checkInWith.map((value) => ({ value, label: t(`pairingFollowUp.checkIn.spokeWithOptions.${value}`) }))}
            />
            <RadioGroup
              {...fields.text("mood")}
              legend={t("pairingFollowUp.checkIn.mood")}
              options={checkInMoods.map((value) => ({ value, label: t(`pairingFollowUp.checkIn.moodOptions.${value}`) }))}
            />
            <TextArea {...fields.text("progress")} label={t("pairingFollowUp.checkIn.progress")} hint={t("pairingFollowUp.checkIn.progressHint")} rows={4} maxLength={4000} />
            {askGoodFit ? (
              <RadioGroup
                {...fields.text("goodFit")}
                legend={t("pairingFollowUp.checkIn.goodFit")}
                hint={t("pairingFollowUp.checkIn.goodFitHint")}
                options={goodFitAnswers.map((value) => ({ value, label: t(`pairingFollowUp.checkIn.goodFitOptions.${value}`) }))}
              />
            ) : null}
            <RadioGroup
              {...fields.text("safetyConcern")}
              legend={t("pairingFollowUp.checkIn.safetyConcern")}
              hint={t("pairingFollowUp.checkIn.safetyConcernHint")}
              options={[
                { value: "no", label: t("pairingFollowUp.checkIn.no") },
                { value: "yes", label: t("pairingFollowUp.checkIn.yes") },
              ]}
            />
            <fieldset className="mb-6">
              <legend className="form-label">{t("pairingFollowUp.checkIn.safetyFieldsIntro")}</legend>
              <RadioGroup
                {...fields.text("escalatedTo")}
                legend={t("pairingFollowUp.checkIn.escalatedTo")}
                optional
                options={escalations.map((value) => ({ value, label: t(`pairingFollowUp.checkIn.escalationOptions.${value}`) }))}
              />
              <TextArea {...fields.text("safetyNote")} label={t("pairingFollowUp.checkIn.safetyNote")} optional rows={3} maxLength={4000} />
            </fieldset>
            <TextArea {...fields.text("nextStep")} label={t("pairingFollowUp.checkIn.nextStep")} hint={t("pairingFollowUp.checkIn.nextStepHint")} rows={2} maxLength={1000} />
          </VettingForm>
        </div>
      </div>
    </section>
  );
}

/** The check-ins held, newest first, with what was said about safety. */
export function CheckInList({ checkIns }: { checkIns: CoordinatorFollowUp["checkIns"] }) {
  const t = useT();
  const format = useFormat();
  return (
    <section aria-labelledby="check-ins" className="mt-8">
      <h2 id="check-ins">{t("pairingFollowUp.sections.checkIns")}</h2>
      {checkIns.length === 0 ? <p>{t("pairingFollowUp.checkIns.empty")}</p> : null}
      {checkIns.map((checkIn) => (
        <article key={checkIn.id} className="mt-6">
          <h3>{t("pairingFollowUp.checkIns.heading", { date: format.date(checkIn.heldOn), mood: t(`pairingFollowUp.checkIn.moodOptions.${checkIn.mood}`) })}</h3>
          <SummaryList>
            <SummaryRow label={t("pairingFollowUp.checkIns.spokeWith")}>{t(`pairingFollowUp.checkIn.spokeWithOptions.${checkIn.spokeWith}`)}</SummaryRow>
            <SummaryRow label={t("pairingFollowUp.checkIns.progress")}>
              <span className="preformatted">{checkIn.progress}</span>
            </SummaryRow>
            {checkIn.goodFit ? <SummaryRow label={t("pairingFollowUp.checkIns.goodFit")}>{t(`pairingFollowUp.checkIn.goodFitOptions.${checkIn.goodFit}`)}</SummaryRow> : null}
            <SummaryRow label={t("pairingFollowUp.checkIns.safety")}>
              {checkIn.safetyConcern && checkIn.escalatedTo ? (
                <>
                  <strong>{t("pairingFollowUp.checkIns.safetyYes", { to: t(`pairingFollowUp.checkIn.escalationOptions.${checkIn.escalatedTo}`) })}</strong>
                  <span className="preformatted d-block">{checkIn.safetyNote}</span>
                </>
              ) : (
                t("pairingFollowUp.checkIns.safetyNone")
              )}
            </SummaryRow>
            <SummaryRow label={t("pairingFollowUp.checkIns.nextStep")}>
              <span className="preformatted">{checkIn.nextStep}</span>
            </SummaryRow>
            <SummaryRow label={t("pairingFollowUp.checkIns.recordedBy")}>{checkIn.recordedByName ?? t("youths.record.someone")}</SummaryRow>
          </SummaryList>
        </article>
      ))}
    </section>
  );
}
