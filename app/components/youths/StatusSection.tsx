import { ConfirmedAction } from "~/components/course-admin/confirm";
import { ButtonLink, Select } from "~/components/ui";
import { useFieldProps, VettingForm, type FailedForm } from "~/components/vetting/forms";
import { useFormat, useT } from "~/i18n/react";
import type { YouthRecord } from "~/modules/youths/records.server";
import { youthOutcomes, type YouthOutcome } from "~/modules/youths/types";
import { useDays, YouthStatusBadge } from "./record-text";

type StatusProps = {
  youth: YouthRecord["youth"];
  daysWaiting: number | null;
  /** The youth has a proposal or pairing that is still open: the course cannot close yet. */
  openPairing: boolean;
  failed: FailedForm | null;
  /** The outcome chosen, waiting for the coordinator's confirmation on the page. */
  closing: YouthOutcome | null;
};

/** Where the youth's course stands, and the step that moves it on: ready for matching, find a mentor, close. */
export function StatusSection({ youth, daysWaiting, openPairing, failed, closing }: StatusProps) {
  const t = useT();
  const format = useFormat();
  const inWords = useDays();
  const name = youth.firstName;

  return (
    <section aria-labelledby="status">
      <h2 id="status">{t("youths.record.sections.status")}</h2>
      <p>
        <YouthStatusBadge status={youth.status} />
      </p>
      {youth.status === "intake" ? (
        <>
          <p>{t("youths.record.status.intake", { name })}</p>
          <VettingForm intent="ready" submitLabel={t("youths.record.status.markReady")} />
        </>
      ) : null}
      {youth.status === "ready" ? (
        <>
          {youth.readySince ? (
            <p>
              {t("youths.record.status.readySince", { date: format.date(youth.readySince) })}
              {daysWaiting ? ` ${t("youths.record.status.waited", { days: inWords(daysWaiting) })}` : null}
            </p>
          ) : null}
          {openPairing ? null : (
            <p>
              <ButtonLink to={`/coordinator/youths/${youth.id}/match`} icon="search">
                {t("youths.record.status.findMentor")}
              </ButtonLink>
            </p>
          )}
        </>
      ) : null}
      {youth.status === "matched" ? <p>{t("youths.record.status.matched", { name })}</p> : null}
      {youth.status === "closed" && youth.outcome && youth.closedAt ? (
        <p>{t("youths.record.status.closed", { date: format.date(youth.closedAt), outcome: t(`youths.outcomes.${youth.outcome}`) })}</p>
      ) : null}

      {youth.status === "closed" ? null : <CloseCourse youth={youth} openPairing={openPairing} failed={failed} closing={closing} />}
    </section>
  );
}

function CloseCourse({ youth, openPairing, failed, closing }: Omit<StatusProps, "daysWaiting">) {
  const t = useT();
  const field = useFieldProps(failed, "close");
  const name = `${youth.firstName} ${youth.lastName}`;
  if (closing) {
    const here = `/coordinator/youths/${youth.id}`;
    return (
      <ConfirmedAction
        action={`${here}#status`}
        fields={{ intent: "close", outcome: closing }}
        label={t("youths.record.close.submit")}
        title={t("youths.record.close.confirmTitle", { name })}
        asking
        cancelTo={here}
      >
        <p>{t("youths.record.close.confirmBody", { outcome: t(`youths.outcomes.${closing}`) })}</p>
      </ConfirmedAction>
    );
  }
  return (
    <div className="row mt-7">
      <div className="col-12 col-md-8 col-lg-6">
        <h3>{t("youths.record.close.heading")}</h3>
        <p>{t(openPairing ? "youths.record.close.openPairing" : "youths.record.close.intro")}</p>
        {openPairing ? null : (
          <VettingForm intent="close" submitLabel={t("youths.record.close.submit")} variant="warning">
            <Select
              {...field("outcome")}
              label={t("youths.record.close.outcome")}
              placeholder={t("youths.record.close.outcomePlaceholder")}
              options={youthOutcomes.map((outcome) => ({ value: outcome, label: t(`youths.outcomes.${outcome}`) }))}
            />
          </VettingForm>
        )}
      </div>
    </div>
  );
}
