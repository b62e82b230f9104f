import { isMessageKey } from "~/i18n/catalogue";
import { useFormat, useT } from "~/i18n/react";
import type { VolunteerRecord } from "~/modules/volunteers/record.server";
import { vettingSteps } from "~/modules/volunteers/types";
import { useDoneBy } from "./forms";

type Event = VolunteerRecord["timeline"][number];

/** The outcome an event carries, in words; the rest of its details stay in the audit log. */
function useEventDetail() {
  const t = useT();
  return ({ action, details }: Event): string | null => {
    const value = (key: string) => {
      const found = (details as Record<string, unknown> | null)?.[key];
      return typeof found === "string" ? found : null;
    };
    const step = vettingSteps.find((candidate) => candidate === value("step"));
    switch (action) {
      case "vetting.interview_recorded": {
        const outcome = value("outcome");
        return outcome === "passed" || outcome === "failed" ? t(`vetting.record.interview.outcomes.${outcome}`) : null;
      }
      case "vetting.reference_recorded": {
        const outcome = value("outcome");
        return outcome === "positive" || outcome === "negative" || outcome === "unreachable"
          ? `${String((details as Record<string, unknown>).position ?? "")}: ${t(`vetting.record.references.outcomes.${outcome}`)}`
          : null;
      }
      case "vetting.attest_recorded": {
        const result = value("attestResult");
        return result === "ok" || result === "not_ok" || result === "not_required" ? t(`vetting.record.attest.results.${result}`) : null;
      }
      case "vetting.check_waived":
        return step ? t(`vetting.steps.${step}`) : null;
      case "vetting.rejected": {
        const reason = value("reason");
        const key = `vetting.record.rejectionReasons.${reason}`;
        return isMessageKey(key) ? t(key) : null;
      }
      default:
        return null;
    }
  };
}

/** Every change to the volunteer, newest first, in words. */
export function VettingTimeline({ record }: { record: VolunteerRecord }) {
  const t = useT();
  const format = useFormat();
  const doneBy = useDoneBy(record.names);
  const detail = useEventDetail();
  return (
    <section aria-labelledby="timeline" className="mt-8">
      <h2 id="timeline">{t("vetting.record.timeline.heading")}</h2>
      <p>{t("vetting.record.timeline.intro")}</p>
      {record.timeline.length === 0 ? (
        <p>{t("vetting.record.timeline.empty")}</p>
      ) : (
        <div className="table--responsive-scroll">
          <table className="table table--compact">
            <caption className="sr-only">{t("vetting.record.timeline.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("vetting.record.timeline.columns.time")}</th>
                <th scope="col">{t("vetting.record.timeline.columns.who")}</th>
                <th scope="col">{t("vetting.record.timeline.columns.what")}</th>
              </tr>
            </thead>
            <tbody>
              {record.timeline.map((event) => {
                const key = `vetting.record.timeline.actions.${event.action}`;
                const extra = detail(event);
                return (
                  <tr key={event.id}>
                    <th scope="row">{format.dateTime(event.occurredAt)}</th>
                    <td>{doneBy(event.actorId)}</td>
                    <td>
                      {isMessageKey(key) ? t(key) : event.action}
                      {extra ? ` – ${extra}` : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
