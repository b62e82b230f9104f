import { Timeline } from "~/components/data-table";
import { isMessageKey } from "~/i18n/catalogue";
import { useT } from "~/i18n/react";
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
  const doneBy = useDoneBy(record.names);
  const detail = useEventDetail();
  return <Timeline messages="vetting.record.timeline" events={record.timeline} who={(event) => doneBy(event.actorId)} detail={detail} />;
}
