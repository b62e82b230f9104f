import { isMessageKey } from "~/i18n/catalogue";
import { useFormat, useT } from "~/i18n/react";
import type { YouthStatus } from "~/modules/youths/types";

/** A number of whole days in words: "1 dag", "12 dage". */
export function useDays() {
  const t = useT();
  const format = useFormat();
  return (days: number) => (days === 1 ? t("youths.list.oneDay") : t("youths.list.days", { days: format.number(days) }));
}

/** Days waiting for a mentor as the list says it; a dash when the youth is not waiting. */
export function WaitingDays({ days }: { days: number | null }) {
  const t = useT();
  const inWords = useDays();
  // A dash, not a word: the column says what it counts, and a visually hidden word would be positioned
  // outside the table's scroll area on a phone and widen the whole page.
  if (days === null) return <>–</>;
  return <>{days === 0 ? t("youths.list.today") : inWords(days)}</>;
}

const badges: Record<YouthStatus, string> = { intake: "badge", ready: "badge badge-info", matched: "badge badge-success", closed: "badge" };

/** Intake, ready for matching, matched or closed, as a DKFDS badge. */
export function YouthStatusBadge({ status }: { status: YouthStatus }) {
  const t = useT();
  return <span className={badges[status]}>{t(`youths.statuses.${status}`)}</span>;
}

/**
 * The words for the answers a youth and a mentor share: interest tags, languages, goals and weekly slots, as
 * the application and the intake form name them. A language written in by hand is shown as written.
 */
export function useMatchingWords() {
  const t = useT();
  const named = (key: string, fallback: string) => (isMessageKey(key) ? t(key) : fallback);
  return {
    interest: (tag: string) => named(`application.interests.tags.${tag}`, tag),
    language: (code: string) => named(`application.interests.languageNames.${code}`, code),
    goal: (goal: string) => named(`youths.goals.${goal}`, goal),
    slot: (slot: string) => {
      const [day = "", part = ""] = slot.split(":");
      const dayKey = `application.availability.days.${day}`;
      const partKey = `application.availability.parts.${part}`;
      return isMessageKey(dayKey) && isMessageKey(partKey) ? t("youths.slot", { day: t(dayKey), part: t(partKey).toLowerCase() }) : slot;
    },
    list: (values: string[], word: (value: string) => string) => values.map(word).join(", "),
  };
}
