import { z } from "zod";
import type { MessageKey } from "~/i18n/catalogue";
import { fromCopenhagen, parseDate, parseTime } from "~/modules/courses/local-time";
import { courseInput, sessionInput, type CourseInput, type SessionInput } from "~/modules/courses/schemas";
import type { CourseKind } from "~/modules/courses/types";
import { copenhagenWallClock } from "~/modules/volunteers/dates";
import type { MentorKind } from "~/modules/volunteers/types";

/**
 * The coordinators' course and session forms as the browser posts them, and the way to and from the module's
 * input: hours with a decimal comma, dates and times in Danish local time. The module's own schema judges the
 * result, so its rules (an end after the start, a place or a link) are written once; its messages land on
 * the form's fields.
 */

/** Adds the module schema's messages to the form fields they came from, unless those fields already failed. */
function moduleIssues(ctx: z.RefinementCtx, issues: z.ZodIssue[], fieldOf: Record<string, { field: string; from: string[] }>, failed: Set<string>) {
  for (const issue of issues) {
    const key = String(issue.path[0] ?? "form");
    const target = fieldOf[key] ?? { field: key, from: [key] };
    if (target.from.some((field) => failed.has(field))) continue;
    ctx.addIssue({ code: "custom", path: [target.field], message: issue.message });
  }
}

function issueAdder(ctx: z.RefinementCtx) {
  const failed = new Set<string>();
  const add = (field: string, message: MessageKey) => {
    failed.add(field);
    ctx.addIssue({ code: "custom", path: [field], message });
  };
  return { failed, add };
}

/** Training hours as typed: "3", "3,5" or "3.5", at most two decimals; minutes, or null when unreadable. */
export function parseHours(value: string): number | null {
  const match = /^(\d{1,3})(?:[.,](\d{1,2}))?$/.exec(value.trim());
  if (!match) return null;
  return Math.round(Number(`${match[1]}.${match[2] ?? "0"}`) * 60);
}

/** Minutes as hours with at most two decimals, for a form field or a list ("3,5" once formatted). */
export function hoursOf(minutes: number) {
  return Math.round((minutes / 60) * 100) / 100;
}

function whole(value: string) {
  const text = value.trim();
  return /^\d{1,4}$/.test(text) ? Number(text) : null;
}

const text = z.string().default("");
/** A ticked checkbox posts "yes"; an unticked one posts nothing. */
const ticked = z
  .string()
  .optional()
  .transform((value) => value === "yes");

export const courseFormFields = ["title", "description", "kind", "audience", "openToAll", "requiredBeforeMatching", "trainingHours"] as const;
/** Field names that are posted several times, for `validateForm`'s `lists`. */
export const courseFormLists = ["audience"] as const;

export const courseForm = z
  .object({
    title: text,
    description: text,
    kind: text,
    audience: z.array(z.string()).default([]),
    openToAll: ticked,
    trainingHours: text,
    requiredBeforeMatching: ticked,
  })
  .transform((form, ctx): CourseInput => {
    const { failed, add } = issueAdder(ctx);
    if (!form.title.trim()) add("title", "courseAdmin.errors.titleRequired");
    if (!form.description.trim()) add("description", "courseAdmin.errors.descriptionRequired");
    const minutes = parseHours(form.trainingHours);
    if (minutes === null) add("trainingHours", "courseAdmin.errors.hoursRange");
    const input: CourseInput = {
      title: form.title,
      description: form.description,
      kind: form.kind as CourseKind,
      audience: form.audience as MentorKind[],
      openToAll: form.openToAll,
      trainingMinutes: minutes ?? 0,
      requiredBeforeMatching: form.requiredBeforeMatching,
    };
    const parsed = courseInput.safeParse(input);
    if (!parsed.success) moduleIssues(ctx, parsed.error.issues, { trainingMinutes: { field: "trainingHours", from: ["trainingHours"] } }, failed);
    return input;
  });

export type CourseFormValues = Record<(typeof courseFormFields)[number], string>;

/** Every field of a form, empty. */
function blank<F extends string>(fields: readonly F[]) {
  return Object.fromEntries(fields.map((field) => [field, ""])) as Record<F, string>;
}

export const emptyCourse: CourseFormValues = blank(courseFormFields);

/** A saved course as the form's values (a list field joined by commas, as `validateForm` sends it back). */
export function courseFormValues(
  course: Pick<CourseInput, "title" | "description" | "kind" | "audience" | "openToAll" | "trainingMinutes" | "requiredBeforeMatching">,
  formatNumber: (value: number) => string,
): CourseFormValues {
  return {
    title: course.title,
    description: course.description,
    kind: course.kind,
    audience: (course.audience ?? []).join(","),
    openToAll: course.openToAll ? "yes" : "",
    trainingHours: formatNumber(hoursOf(course.trainingMinutes)),
    requiredBeforeMatching: course.requiredBeforeMatching ? "yes" : "",
  };
}

export const sessionFormFields = [
  "date",
  "startTime",
  "endTime",
  "place",
  "town",
  "address",
  "onlineUrl",
  "capacity",
  "waitlist",
  "cancellationHours",
  "opensDate",
  "opensTime",
  "closesDate",
  "closesTime",
] as const;
export type SessionFormValues = Record<(typeof sessionFormFields)[number], string>;

/** A first session: at an address, with a waitlist and the usual 24 hours' notice for cancelling. */
export const emptySession: SessionFormValues = { ...blank(sessionFormFields), place: "address", waitlist: "yes", cancellationHours: "24" };

/** Where the module schema's fields come from in the form. */
const sessionFieldOf: Record<string, { field: string; from: string[] }> = {
  startsAt: { field: "startTime", from: ["date", "startTime"] },
  endsAt: { field: "endTime", from: ["date", "endTime"] },
  online: { field: "place", from: ["place"] },
  capacity: { field: "capacity", from: ["capacity"] },
  cancellationHours: { field: "cancellationHours", from: ["cancellationHours"] },
  bookingOpensAt: { field: "opensDate", from: ["opensDate", "opensTime"] },
  bookingClosesAt: { field: "closesDate", from: ["closesDate", "closesTime"] },
  waitlistEnabled: { field: "waitlist", from: ["waitlist"] },
};

export const sessionForm = z
  .object({
    date: text,
    startTime: text,
    endTime: text,
    place: text,
    town: text,
    address: text,
    onlineUrl: text,
    capacity: text,
    waitlist: ticked,
    cancellationHours: text,
    opensDate: text,
    opensTime: text,
    closesDate: text,
    closesTime: text,
  })
  .transform((form, ctx): SessionInput => {
    const { failed, add } = issueAdder(ctx);
    const date = parseDate(form.date);
    if (!date) add("date", form.date.trim() ? "courseAdmin.errors.dateInvalid" : "courseAdmin.errors.dateRequired");

    /** A time on the session's day; the hour skipped when summer time starts is refused by name. */
    const at = (field: "startTime" | "endTime") => {
      const time = parseTime(form[field]);
      if (!time) add(field, form[field].trim() ? "courseAdmin.errors.timeInvalid" : `courseAdmin.errors.${field}Required`);
      if (!date || !time) return undefined;
      const instant = fromCopenhagen(date, time);
      if (!instant) add(field, "courseAdmin.errors.timeSkipped");
      return instant ?? undefined;
    };
    const startsAt = at("startTime");
    const endsAt = at("endTime");

    /** An optional moment (booking opens or closes): both fields empty, or both filled in. */
    const moment = (dateField: "opensDate" | "closesDate", timeField: "opensTime" | "closesTime") => {
      const [dateText, timeText] = [form[dateField].trim(), form[timeField].trim()];
      if (!dateText && !timeText) return null;
      const day = parseDate(dateText);
      const time = parseTime(timeText);
      if (!day) add(dateField, dateText ? "courseAdmin.errors.dateInvalid" : "courseAdmin.errors.momentDateRequired");
      if (!time) add(timeField, timeText ? "courseAdmin.errors.timeInvalid" : "courseAdmin.errors.momentTimeRequired");
      if (!day || !time) return null;
      const instant = fromCopenhagen(day, time);
      if (!instant) add(timeField, "courseAdmin.errors.timeSkipped");
      return instant;
    };
    const bookingOpensAt = moment("opensDate", "opensTime");
    const bookingClosesAt = moment("closesDate", "closesTime");

    if (form.place !== "address" && form.place !== "online") add("place", "courseAdmin.errors.placeKindRequired");
    // Said at once with the other fields' messages; the module's own rule would only speak once they are right.
    else if (form.place === "address" && !form.address.trim()) add("address", "courseAdmin.errors.placeRequired");
    const capacity = whole(form.capacity);
    if (capacity === null) add("capacity", "courseAdmin.errors.capacityRange");
    const cancellationHours = whole(form.cancellationHours);
    if (cancellationHours === null) add("cancellationHours", "courseAdmin.errors.cancellationRange");

    const online = form.place === "online";
    const input: SessionInput = {
      startsAt: startsAt as Date,
      endsAt: endsAt as Date,
      online,
      town: online ? "" : form.town,
      address: online ? "" : form.address,
      onlineUrl: online ? form.onlineUrl : "",
      capacity: capacity ?? Number.NaN,
      bookingOpensAt,
      bookingClosesAt,
      cancellationHours: cancellationHours ?? Number.NaN,
      waitlistEnabled: form.waitlist,
    };
    const parsed = sessionInput.safeParse(input);
    if (!parsed.success) moduleIssues(ctx, parsed.error.issues, sessionFieldOf, failed);
    return input;
  });

/** A saved session as the form's values, in Copenhagen time. */
export function sessionFormValues(session: {
  startsAt: Date;
  endsAt: Date;
  online: boolean;
  town: string | null;
  address: string | null;
  onlineUrl: string | null;
  capacity: number;
  waitlistEnabled: boolean;
  cancellationHours: number;
  bookingOpensAt: Date | null;
  bookingClosesAt: Date | null;
}): SessionFormValues {
  const start = copenhagenWallClock(session.startsAt);
  const opens = session.bookingOpensAt ? copenhagenWallClock(session.bookingOpensAt) : null;
  const closes = session.bookingClosesAt ? copenhagenWallClock(session.bookingClosesAt) : null;
  return {
    date: start.date,
    startTime: start.time,
    endTime: copenhagenWallClock(session.endsAt).time,
    place: session.online ? "online" : "address",
    town: session.town ?? "",
    address: session.address ?? "",
    onlineUrl: session.onlineUrl ?? "",
    capacity: String(session.capacity),
    waitlist: session.waitlistEnabled ? "yes" : "",
    cancellationHours: String(session.cancellationHours),
    opensDate: opens?.date ?? "",
    opensTime: opens?.time ?? "",
    closesDate: closes?.date ?? "",
    closesTime: closes?.time ?? "",
  };
}
