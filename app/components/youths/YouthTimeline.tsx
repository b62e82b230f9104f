import { Timeline } from "~/components/data-table";
import { useHours } from "~/components/participation/hours";
import { isMessageKey } from "~/i18n/catalogue";
import { useT } from "~/i18n/react";
import type { YouthRecord } from "~/modules/youths/records.server";

type Event = YouthRecord["timeline"][number];

/** What an event carries, in words: the fields changed, the outcome, the mentor proposed. The rest stays in the audit log. */
function useEventDetail(mentors: Record<string, string>) {
  const t = useT();
  const hours = useHours();
  return ({ action, details }: Event): string | null => {
    const found = (key: string) => (details as Record<string, unknown> | null)?.[key];
    const named = (prefix: string, value: unknown) => {
      const key = `${prefix}.${String(value)}`;
      return isMessageKey(key) ? t(key) : null;
    };
    switch (action) {
      case "youth.updated": {
        const fields = found("fields");
        if (!Array.isArray(fields)) return null;
        return fields.map((field) => named("youths.timeline.fields", field) ?? String(field)).join(", ");
      }
      case "youth.closed":
        return named("youths.outcomes", found("outcome"));
      case "pairing.proposed": {
        const volunteerId = found("volunteerId");
        return typeof volunteerId === "string" ? (mentors[volunteerId] ?? null) : null;
      }
      case "pairing.contact_logged": {
        const channel = named("pairings.channels", found("channel"));
        return found("afterHours") === true ? `${channel ?? ""} – ${t("pairingFollowUp.contacts.afterHours")}` : channel;
      }
      case "pairing.check_in_recorded":
        return found("safetyConcern") === true ? t("pairingFollowUp.status.safetyHeading") : named("pairingFollowUp.checkIn.moodOptions", found("mood"));
      case "pairing.closed":
        return named("pairingFollowUp.close.reasons", found("reason"));
      case "participation.completed": {
        const minutes = found("minutes");
        return typeof minutes === "number" ? hours(minutes) : null;
      }
      default:
        return null;
    }
  };
}

/** Every change to the youth's record and pairings, newest first, in words. */
export function YouthTimeline({ record }: { record: YouthRecord }) {
  const t = useT();
  const mentors = Object.fromEntries(record.pairings.map((pairing) => [pairing.volunteerId, pairing.mentorName]));
  const detail = useEventDetail(mentors);
  const who = (event: Event) => (event.actorId ? (event.actorName ?? t("youths.record.someone")) : t("youths.timeline.system"));
  return <Timeline messages="youths.timeline" events={record.timeline} who={who} detail={detail} />;
}
