import { Link } from "@remix-run/react";
import { Alert, SummaryList, SummaryRow } from "~/components/ui";
import { VettingForm } from "~/components/vetting/forms";
import { useFormat, useT } from "~/i18n/react";
import type { CoordinatorFollowUp } from "~/modules/pairings/follow-up.server";
import type { CheckInSchedule } from "~/modules/pairings/follow-up";

/**
 * Where the pairing stands: the mentor, the start, the next check-in (and whether it is late), the latest
 * contact, the after-hours share, with warnings for a late check-in, a quiet pair and a safety concern.
 */
export function FollowUpStatus({ followUp, settings }: { followUp: CoordinatorFollowUp; settings: CheckInSchedule }) {
  const t = useT();
  const format = useFormat();
  const { pairing, mentor, schedule, lastContactAt, contactCount, afterHoursCount } = followUp;
  const latestConcern = followUp.checkIns.find((checkIn) => checkIn.safetyConcern);

  return (
    <section aria-labelledby="status" className="mt-8">
      <h2 id="status">{t("pairingFollowUp.sections.status")}</h2>
      {pairing.safetyConcernAt && latestConcern ? (
        <Alert variant="error" heading={t("pairingFollowUp.status.safetyHeading")} headingLevel={3}>
          <p className="mt-0">{t("pairingFollowUp.status.safetyBody", { date: format.date(latestConcern.heldOn) })}</p>
        </Alert>
      ) : null}
      {schedule && schedule.overdueDays > 0 ? (
        <Alert variant="warning" heading={t("pairingFollowUp.status.overdueHeading")} headingLevel={3}>
          <p className="mt-0">{t("pairingFollowUp.status.overdueBody", { date: format.date(schedule.due) })}</p>
        </Alert>
      ) : null}
      {schedule?.quiet ? (
        <Alert variant="warning" heading={t("pairingFollowUp.status.quietHeading")} headingLevel={3}>
          <p className="mt-0">{t("pairingFollowUp.status.quietBody", { days: format.number(schedule.daysSinceContact) })}</p>
        </Alert>
      ) : null}
      <SummaryList>
        <SummaryRow label={t("pairingFollowUp.status.pairing")}>{t(`youths.pairingStatuses.${pairing.status}`)}</SummaryRow>
        <SummaryRow label={t("pairingFollowUp.status.mentor")}>
          <Link to={`/coordinator/volunteers/${mentor.volunteerId}`}>{mentor.name}</Link> ({t(`vetting.kinds.${mentor.kind}`)})
        </SummaryRow>
        {pairing.startedAt ? <SummaryRow label={t("pairingFollowUp.status.started")}>{format.date(pairing.startedAt)}</SummaryRow> : null}
        {schedule ? (
          <SummaryRow label={t("pairingFollowUp.status.nextCheckIn")}>
            {schedule.overdueDays === 0
              ? t("pairingFollowUp.status.due", { date: format.date(schedule.due) })
              : t(schedule.overdueDays === 1 ? "pairingFollowUp.status.overdueOne" : "pairingFollowUp.status.overdue", {
                  days: format.number(schedule.overdueDays),
                  date: format.date(schedule.due),
                })}
            <p className="form-hint mb-0">{t("pairingFollowUp.status.schedule", { count: format.number(settings.firstMonth), days: format.number(settings.intervalDays) })}</p>
          </SummaryRow>
        ) : null}
        {schedule ? (
          <SummaryRow label={t("pairingFollowUp.status.lastContact")}>
            {lastContactAt
              ? t("pairingFollowUp.status.daysSince", { date: format.dateTime(lastContactAt), days: format.number(schedule.daysSinceContact) })
              : t("pairingFollowUp.status.noContact", { days: format.number(schedule.daysSinceContact) })}
          </SummaryRow>
        ) : null}
        <SummaryRow label={t("pairingFollowUp.status.afterHours")}>
          {t("pairingFollowUp.status.afterHoursCount", { count: format.number(afterHoursCount), total: format.number(contactCount) })}
        </SummaryRow>
      </SummaryList>
      {!schedule && pairing.status !== "closed" ? <p>{t("pairingFollowUp.status.notActive")}</p> : null}
    </section>
  );
}

/** The mentor's requests for help, unhandled first, each handled with one button. */
export function HelpRequests({ requests }: { requests: CoordinatorFollowUp["helpRequests"] }) {
  const t = useT();
  const format = useFormat();
  const open = requests.some((request) => !request.handledAt);
  return (
    <section aria-labelledby="help" className="mt-8">
      <h2 id="help">{t("pairingFollowUp.sections.help")}</h2>
      {requests.length === 0 ? <p>{t("pairingFollowUp.help.none")}</p> : null}
      {open ? <p>{t("pairingFollowUp.help.intro")}</p> : null}
      {requests.map((request) => (
        <div key={request.id} className="mt-5">
          <p className="mb-2">
            <strong>{t("pairingFollowUp.help.requested", { date: format.dateTime(request.requestedAt) })}</strong>
          </p>
          <blockquote className="preformatted mt-0">{request.message}</blockquote>
          {request.handledAt ? (
            <p className="form-hint">{t("pairingFollowUp.help.handled", { date: format.dateTime(request.handledAt), name: request.handledByName ?? t("youths.record.someone") })}</p>
          ) : (
            <VettingForm intent="handleHelp" fields={{ requestId: request.id }} submitLabel={t("pairingFollowUp.help.markHandled")} variant="secondary" />
          )}
        </div>
      ))}
    </section>
  );
}
