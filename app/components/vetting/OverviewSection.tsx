import { Select, SummaryList, SummaryRow } from "~/components/ui";
import { useFormat, useT } from "~/i18n/react";
import type { VolunteerRecord } from "~/modules/volunteers/record.server";
import { useDoneBy, useFieldProps, VettingForm, type FailedForm } from "./forms";

type OverviewProps = {
  record: VolunteerRecord;
  /** Calendar days in Copenhagen since the application came in, as the pipeline counts them. */
  daysWaiting: number | null;
  staff: { id: string; name: string }[];
  failed: FailedForm | null;
};

/** Who the volunteer is, where the application stands, and who is responsible for it. */
export function OverviewSection({ record, daysWaiting, staff, failed }: OverviewProps) {
  const t = useT();
  const format = useFormat();
  const doneBy = useDoneBy(record.names);
  const field = useFieldProps(failed, "assign");
  const { volunteer, user } = record;

  return (
    <section aria-labelledby="overview">
      <h2 id="overview">{t("vetting.record.overview")}</h2>
      <SummaryList>
        <SummaryRow label={t("vetting.record.status")}>{t(`vetting.statuses.${volunteer.status}`)}</SummaryRow>
        <SummaryRow label={t("vetting.record.kind")}>{t(`vetting.kinds.${volunteer.kind}`)}</SummaryRow>
        <SummaryRow label={t("vetting.record.email")}>
          {user.emailVerifiedAt ? user.email : t("vetting.record.emailUnverified", { email: user.email })}
        </SummaryRow>
        {volunteer.submittedAt && daysWaiting !== null ? (
          <SummaryRow label={t("vetting.record.submittedAt")}>
            {t("vetting.record.submittedWaiting", {
              date: format.date(volunteer.submittedAt),
              days: daysWaiting === 1 ? t("vetting.pipeline.oneDay") : t("vetting.pipeline.days", { days: format.number(daysWaiting) }),
            })}
          </SummaryRow>
        ) : null}
        {volunteer.approvedUntil && ["approved", "paused", "expired"].includes(volunteer.status) ? (
          <SummaryRow label={t("vetting.record.approvedUntil")}>{format.date(volunteer.approvedUntil)}</SummaryRow>
        ) : null}
        {volunteer.decidedAt ? (
          <SummaryRow label={t("vetting.record.decided")}>
            {t("vetting.record.decidedBy", { date: format.dateTime(volunteer.decidedAt), name: doneBy(volunteer.decidedBy) })}
          </SummaryRow>
        ) : null}
        {volunteer.status === "rejected" && volunteer.rejectionReason ? (
          <SummaryRow label={t("vetting.record.rejectionReason")}>{t(`vetting.record.rejectionReasons.${volunteer.rejectionReason}`)}</SummaryRow>
        ) : null}
        {volunteer.decisionNote ? <SummaryRow label={t("vetting.record.decisionNote")}>{volunteer.decisionNote}</SummaryRow> : null}
      </SummaryList>

      {/* Keyed by the saved value, so the select shows it again after a change. */}
      <div className="row" key={volunteer.responsibleCoordinatorId ?? "none"}>
        <div className="col-12 col-md-8 col-lg-6">
          <VettingForm intent="assign" submitLabel={t("vetting.record.assignSubmit")} variant="secondary">
            <Select
              {...field("coordinator", volunteer.responsibleCoordinatorId)}
              label={t("vetting.record.assignLabel")}
              placeholder={t("vetting.record.assignNone")}
              options={staff.map((person) => ({ value: person.id, label: person.name }))}
            />
          </VettingForm>
        </div>
      </div>
    </section>
  );
}
