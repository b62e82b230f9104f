import { useMemo } from "react";
import { useFormat, useT } from "~/i18n/react";
import type { TaskStatus } from "#db/schema";
import type { TaskTag } from "~/modules/associations/types";

type When = { schedule: "one_off" | "recurring" | "flexible"; startsAt: Date | string | null; endsAt: Date | string | null; recurrence: string | null };
type Places = { places: number; placesTaken: number };

/** The words a task is shown in: when, free places, time per occasion. */
export function useTaskText() {
  const t = useT();
  const format = useFormat();
  return useMemo(
    () => ({
      when(task: When) {
        if (task.schedule === "one_off" && task.startsAt && task.endsAt) return format.longDateTimeRange(task.startsAt, task.endsAt);
        if (task.schedule === "recurring" && task.recurrence) return task.recurrence;
        return t("tasks.text.flexible");
      },
      /** "2 af 5 pladser ledige", or "Alle pladser er optaget". */
      places({ places, placesTaken }: Places) {
        const left = Math.max(places - placesTaken, 0);
        if (left === 0) return t("tasks.text.full");
        if (left === 1) return places === 1 ? t("tasks.text.onePlaceLeft") : t("tasks.text.placeLeft", { places: format.number(places) });
        return t("tasks.text.placesLeft", { left: format.number(left), places: format.number(places) });
      },
      duration(minutes: number) {
        const [hours, rest] = [Math.floor(minutes / 60), minutes % 60];
        if (hours === 0) return t("tasks.text.minutes", { minutes: format.number(minutes) });
        if (rest === 0) return hours === 1 ? t("tasks.text.oneHour") : t("tasks.text.hours", { hours: format.number(hours) });
        return t("tasks.text.hoursMinutes", { hours: format.number(hours), minutes: format.number(rest) });
      },
    }),
    [t, format],
  );
}

const statusBadges: Record<TaskStatus, string> = {
  draft: "badge",
  awaiting_approval: "badge badge-warning",
  open: "badge badge-success",
  filled: "badge badge-info",
  closed: "badge",
  expired: "badge",
};

export function TaskStatusBadge({ status }: { status: TaskStatus }) {
  const t = useT();
  return <span className={statusBadges[status]}>{t(`tasks.statuses.${status}`)}</span>;
}

/** The low-threshold tags as badges, and a mark when the task is with children under 15. */
export function TaskTags({ tags, involvesChildren = false }: { tags: readonly string[]; involvesChildren?: boolean }) {
  const t = useT();
  if (!tags.length && !involvesChildren) return null;
  return (
    <span className="task-tags">
      {tags.map((tag) => (
        <span key={tag} className="badge badge-info mr-3 mb-2">
          {t(`tasks.tags.${tag as TaskTag}`)}
        </span>
      ))}
      {involvesChildren ? <span className="badge badge-warning mr-3 mb-2">{t("tasks.text.children")}</span> : null}
    </span>
  );
}
