import { SummaryList, SummaryRow } from "~/components/ui";
import { useFormat, useT } from "~/i18n/react";
import type { TaskCategory } from "~/modules/associations/types";
import { ChildCertificate } from "./ChildCertificate";
import { TaskTags, useTaskText } from "./task-text";

export type TaskDetailsView = {
  description: string;
  category: TaskCategory;
  town: string;
  address: string;
  schedule: "one_off" | "recurring" | "flexible";
  startsAt: Date | string | null;
  endsAt: Date | string | null;
  recurrence: string | null;
  places: number;
  placesTaken: number;
  minutesPerOccasion: number;
  minimumAge: number;
  contactName: string;
  contactPhone: string | null;
  contactEmail: string | null;
  expiresOn: string;
  tags: string[];
  involvesChildren: boolean;
};

/** The address, and the town unless the address names it already. */
export function placeOf(task: Pick<TaskDetailsView, "address" | "town">) {
  return task.address.toLowerCase().includes(task.town.toLowerCase()) ? task.address : `${task.address}, ${task.town}`;
}

/**
 * A task as everyone reads it: when, where, places, time, age, tags, the contact person, the description, and
 * the børneattest when the task is with children. `contactsHidden` says why phone and email are missing.
 */
export function TaskDetails({ task, contactsHidden = false, headingLevel = 2 }: { task: TaskDetailsView; contactsHidden?: boolean; headingLevel?: 2 | 3 }) {
  const t = useT();
  const format = useFormat();
  const text = useTaskText();
  const Heading = `h${headingLevel}` as const;
  return (
    <>
      <SummaryList>
        <SummaryRow label={t("tasks.page.when")}>{text.when(task)}</SummaryRow>
        <SummaryRow label={t("tasks.page.where")}>{placeOf(task)}</SummaryRow>
        <SummaryRow label={t("tasks.page.places")}>{text.places(task)}</SummaryRow>
        <SummaryRow label={t("tasks.page.duration")}>{text.duration(task.minutesPerOccasion)}</SummaryRow>
        <SummaryRow label={t("tasks.page.minimumAge")}>{t("tasks.text.age", { age: format.number(task.minimumAge) })}</SummaryRow>
        <SummaryRow label={t("tasks.page.category")}>{t(`tasks.categories.${task.category}`)}</SummaryRow>
        {task.tags.length ? (
          <SummaryRow label={t("tasks.page.tags")}>
            <TaskTags tags={task.tags} />
          </SummaryRow>
        ) : null}
        <SummaryRow label={t("tasks.page.contact")}>
          {task.contactName}
          {task.contactPhone ? (
            <>
              <br />
              <a href={`tel:${task.contactPhone.replace(/\s+/g, "")}`}>{task.contactPhone}</a>
            </>
          ) : null}
          {task.contactEmail ? (
            <>
              <br />
              <a href={`mailto:${task.contactEmail}`}>{task.contactEmail}</a>
            </>
          ) : null}
          {contactsHidden ? <span className="form-hint d-block mt-2">{t("tasks.page.contactHidden")}</span> : null}
        </SummaryRow>
        <SummaryRow label={t("tasks.page.expires")}>{format.date(task.expiresOn)}</SummaryRow>
      </SummaryList>
      {task.involvesChildren ? <ChildCertificate headingLevel={headingLevel} /> : null}
      <Heading className="mt-7">{t("tasks.page.about")}</Heading>
      <p className="preformatted">{task.description}</p>
    </>
  );
}
