import { z } from "zod";
import { fromCopenhagen, parseDate, parseTime } from "~/modules/courses/local-time";
import { agreementInput, type AgreementInput } from "~/modules/pairings/schemas";
import { copenhagenWallClock } from "~/modules/volunteers/dates";
import { addModuleIssues, type FieldMessages } from "./validate";

/**
 * The coordinator's kick-off and agreement form: the kick-off as a date and a time on a Copenhagen clock, the
 * months as typed. The module's schema judges the result and its messages land on the fields: an unreadable
 * or non-existent moment is handed on as it was typed, so that the module's own "kick-off" message says it.
 */

export const agreementFormFields = ["kickoffDate", "kickoffTime", "meetingFrequency", "durationMonths", "contactArrangement", "afterHoursArrangement"] as const;
export type AgreementFormValues = Record<(typeof agreementFormFields)[number], string>;

const text = z.string().default("");

/** "Fill in the field" said for each field. */
const messages: FieldMessages = {
  required: {
    kickoffDate: "youths.agreement.errors.kickoffDate",
    meetingFrequency: "youths.agreement.errors.meetingFrequency",
    contactArrangement: "youths.agreement.errors.contactArrangement",
    afterHoursArrangement: "youths.agreement.errors.afterHoursArrangement",
  },
};

export const agreementForm = z
  .object(Object.fromEntries(agreementFormFields.map((field) => [field, text])) as Record<(typeof agreementFormFields)[number], typeof text>)
  .transform((form, ctx): AgreementInput => {
    const date = parseDate(form.kickoffDate);
    const time = parseTime(form.kickoffTime);
    const typed = `${form.kickoffDate} ${form.kickoffTime}`.trim();
    // No date at all is a missing field; anything else that is not a moment on a Copenhagen clock is a bad one.
    const kickoffAt = !form.kickoffDate.trim() ? undefined : date && time ? (fromCopenhagen(date, time) ?? typed) : typed;
    const months = form.durationMonths.trim();
    const input = {
      kickoffAt,
      meetingFrequency: form.meetingFrequency,
      durationMonths: /^\d{1,3}$/.test(months) ? Number(months) : Number.NaN,
      contactArrangement: form.contactArrangement,
      afterHoursArrangement: form.afterHoursArrangement,
    } as AgreementInput;
    const parsed = agreementInput.safeParse(input);
    // A readable date leaves the time to blame: missing, unreadable, or skipped when summer time starts.
    const fieldOf = (path: (string | number)[]) => (path[0] === "kickoffAt" ? (date ? "kickoffTime" : "kickoffDate") : String(path[0]));
    if (!parsed.success) addModuleIssues(ctx, parsed.error.issues, fieldOf, messages);
    return input;
  });

/** A saved agreement as the form's values, in Copenhagen time; empty when none is written yet. */
export function agreementFormValues(pairing: {
  kickoffAt: Date | string | null;
  meetingFrequency: string | null;
  durationMonths: number | null;
  contactArrangement: string | null;
  afterHoursArrangement: string | null;
}): AgreementFormValues {
  const kickoff = pairing.kickoffAt ? copenhagenWallClock(new Date(pairing.kickoffAt)) : null;
  return {
    kickoffDate: kickoff?.date ?? "",
    kickoffTime: kickoff?.time ?? "",
    meetingFrequency: pairing.meetingFrequency ?? "",
    durationMonths: pairing.durationMonths === null ? "" : String(pairing.durationMonths),
    contactArrangement: pairing.contactArrangement ?? "",
    afterHoursArrangement: pairing.afterHoursArrangement ?? "",
  };
}
