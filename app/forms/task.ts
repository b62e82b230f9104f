import { z } from "zod";
import type { AssociationTask } from "#db/schema";
import { taskInput, type TaskInput } from "~/modules/associations/schemas";
import type { TaskCategory, TaskTag } from "~/modules/associations/types";
import { fromCopenhagen, parseDate, parseTime } from "~/modules/courses/local-time";
import { copenhagenToday, copenhagenWallClock } from "~/modules/volunteers/dates";
import { addModuleIssues, type FieldMessages } from "./validate";

/**
 * An association's task form as the browser posts it: a one-off task's day and times on a Copenhagen clock,
 * numbers as typed, the parts of the day and the tags as checkbox groups. The module's schema judges the result
 * and its messages land on the fields; the form adds only what needs today's date (no expiry in the past).
 */

export const taskFormFields = [
  "title",
  "description",
  "category",
  "address",
  "town",
  "schedule",
  "date",
  "startTime",
  "endTime",
  "recurrence",
  "partsOfDay",
  "minutesPerOccasion",
  "expiresOn",
  "places",
  "minimumAge",
  "tags",
  "involvesChildren",
  "contactName",
  "contactPhone",
  "contactEmail",
] as const;
export type TaskFormValues = Record<(typeof taskFormFields)[number], string>;
/** Field names that are posted several times, for `validateForm`'s `lists`. */
export const taskFormLists = ["partsOfDay", "tags"] as const;
export const partsOfDay = ["daytime", "evening"] as const;

const text = z.string().default("");
/** A ticked checkbox posts "yes"; an unticked one posts nothing. */
const ticked = z
  .string()
  .optional()
  .transform((value) => value === "yes");

/** "Fill in the field" said for each field that has better words. */
const messages: FieldMessages = {
  required: {
    title: "tasks.errors.title",
    description: "tasks.errors.description",
    town: "tasks.errors.town",
    address: "tasks.errors.address",
    contactName: "tasks.errors.contactName",
    expiresOn: "associations.errors.expiresOn",
  },
};

function whole(value: string) {
  const typed = value.trim();
  return /^\d{1,4}$/.test(typed) ? Number(typed) : Number.NaN;
}

export const taskForm = z
  .object({
    ...(Object.fromEntries(taskFormFields.map((field) => [field, text])) as Record<(typeof taskFormFields)[number], typeof text>),
    partsOfDay: z.array(z.string()).default([]),
    tags: z.array(z.string()).default([]),
    involvesChildren: ticked,
  })
  .transform((form, ctx): TaskInput => {
    const oneOff = form.schedule === "one_off";
    const date = parseDate(form.date);
    /** A moment on the task's day; unreadable or skipped when summer time starts, it is missing (the schema says so). */
    const at = (field: "startTime" | "endTime") => {
      const time = parseTime(form[field]);
      return oneOff && date && time ? fromCopenhagen(date, time) : null;
    };
    const expiresOn = parseDate(form.expiresOn) ?? form.expiresOn.trim();
    const input: TaskInput = {
      title: form.title,
      description: form.description,
      category: form.category as TaskCategory,
      town: form.town,
      address: form.address,
      schedule: form.schedule as TaskInput["schedule"],
      startsAt: at("startTime"),
      endsAt: at("endTime"),
      recurrence: form.schedule === "recurring" ? form.recurrence : "",
      daytime: form.partsOfDay.includes("daytime"),
      evening: form.partsOfDay.includes("evening"),
      places: whole(form.places),
      minutesPerOccasion: whole(form.minutesPerOccasion),
      minimumAge: whole(form.minimumAge),
      contactName: form.contactName,
      contactPhone: form.contactPhone,
      contactEmail: form.contactEmail,
      expiresOn,
      tags: form.tags as TaskTag[],
      involvesChildren: form.involvesChildren,
    };
    // Said at once with the other fields' messages: the schema's own rule on the schedule speaks only once they are right.
    if (oneOff && !date) ctx.addIssue({ code: "custom", path: ["date"], message: "associations.errors.startsAt" });
    if (oneOff && date && !input.startsAt) ctx.addIssue({ code: "custom", path: ["startTime"], message: "associations.errors.startsAt" });
    if (oneOff && date && !input.endsAt) ctx.addIssue({ code: "custom", path: ["endTime"], message: "associations.errors.endsAt" });
    if (form.schedule === "recurring" && !form.recurrence.trim()) ctx.addIssue({ code: "custom", path: ["recurrence"], message: "associations.errors.recurrence" });
    const parsed = taskInput.safeParse(input);
    // No day is the day's fault; a readable day leaves the time to blame.
    const fieldOf = (path: (string | number)[]) => {
      const key = String(path[0]);
      if (key === "startsAt") return date ? "startTime" : "date";
      if (key === "endsAt") return date ? "endTime" : "date";
      if (key === "daytime" || key === "evening") return "partsOfDay";
      return key;
    };
    if (!parsed.success) addModuleIssues(ctx, parsed.error.issues, fieldOf, messages);
    else if (parsed.data.expiresOn < copenhagenToday()) ctx.addIssue({ code: "custom", path: ["expiresOn"], message: "tasks.errors.expiresPast" });
    return input;
  });

/** Every field of the form, empty, but for the defaults the page gives it. */
export function emptyTask(defaults: Partial<TaskFormValues> = {}): TaskFormValues {
  return { ...(Object.fromEntries(taskFormFields.map((field) => [field, ""])) as TaskFormValues), ...defaults };
}

/** A saved task as the form's values, in Copenhagen time (a list field joined by commas, as `validateForm` sends it back). */
export function taskFormValues(task: AssociationTask): TaskFormValues {
  const start = task.startsAt ? copenhagenWallClock(new Date(task.startsAt)) : null;
  return {
    title: task.title,
    description: task.description,
    category: task.category,
    town: task.town,
    address: task.address,
    schedule: task.schedule,
    date: start?.date ?? "",
    startTime: start?.time ?? "",
    endTime: task.endsAt ? copenhagenWallClock(new Date(task.endsAt)).time : "",
    recurrence: task.recurrence ?? "",
    partsOfDay: [task.daytime ? "daytime" : null, task.evening ? "evening" : null].filter(Boolean).join(","),
    places: String(task.places),
    minutesPerOccasion: String(task.minutesPerOccasion),
    minimumAge: String(task.minimumAge),
    contactName: task.contactName,
    contactPhone: task.contactPhone ?? "",
    contactEmail: task.contactEmail ?? "",
    expiresOn: task.expiresOn,
    tags: task.tags.join(","),
    involvesChildren: task.involvesChildren ? "yes" : "",
  };
}

/** The coordinator's note when returning a task: what the association should change. */
export const returnTaskForm = z.object({
  note: z.string({ required_error: "tasks.errors.note" }).trim().min(1, "tasks.errors.note").max(2000, "validation.invalid"),
});
