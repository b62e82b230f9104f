import type { MatchReason } from "#db/schema";
import { useFormat, useT } from "~/i18n/react";
import { useMatchingWords } from "./record-text";

/** The factors a comparison shows, one row each; a mentor is in the same or a nearby town, never both. */
export const comparedFactors = [
  "shared_interests",
  "town",
  "overlapping_availability",
  "after_hours",
  "shared_language",
  "kind_fits_goals",
  "preferred_kind",
  "preferred_gender",
  "free_capacity",
] as const;
export type ComparedFactor = (typeof comparedFactors)[number];

/** The reason behind one compared factor, if it moved the score. */
export function reasonFor(reasons: MatchReason[], factor: ComparedFactor) {
  return reasons.find((reason) => (factor === "town" ? reason.factor === "same_town" || reason.factor === "nearby_town" : reason.factor === factor));
}

/** One reason in words ("3 fælles interesser: Sport, Musik"), from the factor and the detail the score kept. */
export function useReasonText() {
  const t = useT();
  const format = useFormat();
  const words = useMatchingWords();
  return (reason: MatchReason): string => {
    const detail = reason.detail ?? {};
    const many = (key: string) => {
      const value = detail[key];
      return Array.isArray(value) ? value : [];
    };
    const one = (key: string) => String(detail[key] ?? "");
    const counted = (values: string[], word: (value: string) => string) => ({ count: format.number(values.length), list: words.list(values, word) });
    switch (reason.factor) {
      case "shared_interests": {
        const interests = many("interests");
        return t(interests.length === 1 ? "youths.reasons.sharedInterest" : "youths.reasons.sharedInterests", counted(interests, words.interest));
      }
      case "same_town":
        return t("youths.reasons.sameTown", { town: one("town") });
      case "nearby_town":
        return t("youths.reasons.nearbyTown", { town: one("town") });
      case "overlapping_availability": {
        const slots = many("slots");
        return t(slots.length === 1 ? "youths.reasons.overlappingSlot" : "youths.reasons.overlappingSlots", counted(slots, words.slot));
      }
      case "after_hours":
        return t(reason.points > 0 ? "youths.reasons.afterHoursYes" : "youths.reasons.afterHoursNo");
      case "shared_language":
        return t("youths.reasons.sharedLanguage", { list: words.list(many("languages"), words.language) });
      case "kind_fits_goals":
        return t("youths.reasons.kindFitsGoals", { list: words.list(many("goals"), words.goal) });
      case "preferred_kind":
        return t("youths.reasons.preferredKind");
      case "preferred_gender":
        return t(reason.points > 0 ? "youths.reasons.preferredGender" : "youths.reasons.otherGender");
      case "free_capacity":
        return t("youths.reasons.freeCapacity", { free: format.number(Number(detail.free ?? 0)), capacity: format.number(Number(detail.capacity ?? 0)) });
      default:
        return reason.factor;
    }
  };
}

/** "+6" or "−12": the sign is written out, so that a drawback never shows by colour alone. */
export function Points({ points }: { points: number }) {
  const t = useT();
  const format = useFormat();
  return (
    <strong className="match-points">
      {t(points < 0 ? "youths.reasons.minus" : "youths.reasons.plus", { points: format.number(Math.abs(points)) })}
    </strong>
  );
}

/** A reason with its points; a drawback is marked in words as well. */
export function Reason({ reason }: { reason: MatchReason }) {
  const t = useT();
  const text = useReasonText();
  return (
    <>
      <Points points={reason.points} /> {text(reason)}
      {reason.points < 0 ? <span className="badge badge-warning ml-2">{t("youths.reasons.drawback")}</span> : null}
    </>
  );
}

/** Every reason behind a score, the biggest first. */
export function ReasonList({ reasons }: { reasons: MatchReason[] }) {
  const t = useT();
  if (reasons.length === 0) return <p>{t("youths.reasons.none")}</p>;
  const ordered = [...reasons].sort((a, b) => Math.abs(b.points) - Math.abs(a.points));
  return (
    <ul className="match-reasons">
      {ordered.map((reason) => (
        <li key={reason.factor}>
          <Reason reason={reason} />
        </li>
      ))}
    </ul>
  );
}
