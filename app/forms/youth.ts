import { z } from "zod";
import type { Youth } from "#db/schema";
import { parseDate } from "~/modules/courses/local-time";
import { copenhagenToday } from "~/modules/volunteers/dates";
import { youthInput, type YouthInput } from "~/modules/youths/schemas";
import type { SensitiveNotes } from "~/modules/youths/types";
import { languages, towns } from "./application";
import { addModuleIssues, type FieldMessages } from "./validate";

/**
 * The intake form for a young person as the browser posts it, and the way to and from the module's input:
 * the town from the application's list or written in, languages ticked or written in, the birth year and the
 * consent date as typed. The module's schema judges the result, so its rules are written once; its messages
 * land on the form's fields. The new-youth page and the youth's page show the same fields.
 */

export const youthFormFields = [
  "firstName",
  "lastName",
  "birthYear",
  "gender",
  "town",
  "townOther",
  "phone",
  "email",
  "referralSource",
  "responsibleCoordinatorId",
  "consentDate",
  "consentScope",
  "interests",
  "goals",
  "goalsOwnWords",
  "languages",
  "otherLanguages",
  "availability",
  "afterHoursSupport",
  "preferredMentorGender",
  "preferredMentorKind",
  "sharedSummary",
  "notesDiagnoses",
  "notesSubstanceUse",
  "notesOther",
] as const;
export type YouthFormValues = Record<(typeof youthFormFields)[number], string>;
/** Field names that are posted several times (checkboxes), for `validateForm`'s `lists`. */
export const youthFormLists = ["interests", "goals", "languages", "availability"] as const;

/** The form's field for each sensitive note. */
const noteFields: Record<keyof SensitiveNotes, (typeof youthFormFields)[number]> = {
  diagnoses: "notesDiagnoses",
  substanceUse: "notesSubstanceUse",
  other: "notesOther",
};

/** Where the module's generic "fill in the field" or "not valid" is better said for the field. */
const messages: FieldMessages = {
  required: {
    firstName: "youths.errors.firstName",
    lastName: "youths.errors.lastName",
    town: "youths.errors.town",
    townOther: "youths.errors.townOther",
    consentScope: "youths.errors.consentScope",
  },
  invalid: {
    phone: "youths.errors.phone",
    otherLanguages: "youths.errors.otherLanguages",
    responsibleCoordinatorId: "youths.errors.coordinator",
  },
};

/** The form field a module issue belongs to. */
function fieldOf(path: (string | number)[], town: string): string {
  const [first, second] = path;
  if (first === "sensitiveNotes") return noteFields[second as keyof SensitiveNotes] ?? "notesOther";
  if (first === "town" && town === "other") return "townOther";
  // A ticked language is always valid; a written one may not be.
  if (first === "languages" && typeof second === "number") return "otherLanguages";
  return String(first ?? "form");
}

const text = z.string().default("");
const list = z.array(z.string()).default([]);

export const youthForm = z
  .object({
    ...(Object.fromEntries(youthFormFields.map((field) => [field, text])) as Record<(typeof youthFormFields)[number], typeof text>),
    ...(Object.fromEntries(youthFormLists.map((field) => [field, list])) as Record<(typeof youthFormLists)[number], typeof list>),
  })
  .transform((form, ctx): YouthInput => {
    const birthYear = form.birthYear.trim();
    const written = form.otherLanguages
      .split(",")
      .map((language) => language.trim())
      .filter(Boolean);
    const input = {
      firstName: form.firstName,
      lastName: form.lastName,
      // Anything but four digits is refused with the birth year's own message.
      birthYear: /^\d{4}$/.test(birthYear) ? Number(birthYear) : Number.NaN,
      gender: form.gender || "unspecified",
      town: form.town === "other" ? form.townOther : form.town,
      phone: form.phone,
      email: form.email,
      referralSource: form.referralSource,
      responsibleCoordinatorId: form.responsibleCoordinatorId || null,
      consentDate: parseDate(form.consentDate) ?? form.consentDate,
      consentScope: form.consentScope,
      interests: form.interests,
      goals: form.goals,
      goalsOwnWords: form.goalsOwnWords,
      languages: [...new Set([...form.languages, ...written])],
      availability: form.availability,
      afterHoursSupport: form.afterHoursSupport === "yes",
      preferredMentorGender: form.preferredMentorGender || "any",
      preferredMentorKind: form.preferredMentorKind || null,
      sharedSummary: form.sharedSummary,
      sensitiveNotes: { diagnoses: form.notesDiagnoses, substanceUse: form.notesSubstanceUse, other: form.notesOther },
    } as YouthInput;
    const parsed = youthInput.safeParse(input);
    if (!parsed.success) addModuleIssues(ctx, parsed.error.issues, (path) => fieldOf(path, form.town), messages);
    return input;
  });

/**
 * What was posted, as `validateForm` sends it back (lists joined by commas), for a refusal only the module can
 * find once the form is valid: a responsible coordinator who has been disabled in the meantime.
 */
export function postedYouthValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of formData) {
    if (typeof value !== "string") continue;
    const list = (youthFormLists as readonly string[]).includes(name);
    values[name] = list && values[name] ? `${values[name]},${value}` : value;
  }
  return values;
}

/** A new youth: in intake, the consent given today, the coordinator who writes it responsible. */
export function newYouthValues(coordinatorId: string, now = new Date()): YouthFormValues {
  const blank = Object.fromEntries(youthFormFields.map((field) => [field, ""])) as YouthFormValues;
  return { ...blank, gender: "unspecified", responsibleCoordinatorId: coordinatorId, consentDate: copenhagenToday(now), preferredMentorGender: "any" };
}

type SavedYouth = Omit<Youth, "sensitiveNotesEncrypted"> & { sensitiveNotes: SensitiveNotes };

/** A saved youth as the form's values (a list field joined by commas, as `validateForm` sends it back). */
export function youthFormValues(youth: SavedYouth): YouthFormValues {
  const listedTown = towns.includes(youth.town);
  const spoken = youth.languages;
  const listed = (language: string) => (languages as readonly string[]).includes(language);
  return {
    firstName: youth.firstName,
    lastName: youth.lastName,
    birthYear: String(youth.birthYear),
    gender: youth.gender,
    town: listedTown ? youth.town : "other",
    townOther: listedTown ? "" : youth.town,
    phone: youth.phone ?? "",
    email: youth.email ?? "",
    referralSource: youth.referralSource,
    responsibleCoordinatorId: youth.responsibleCoordinatorId ?? "",
    consentDate: youth.consentDate,
    consentScope: youth.consentScope,
    interests: youth.interests.join(","),
    goals: youth.goals.join(","),
    goalsOwnWords: youth.goalsOwnWords ?? "",
    languages: spoken.filter(listed).join(","),
    otherLanguages: spoken.filter((language) => !listed(language)).join(", "),
    availability: youth.availability.join(","),
    afterHoursSupport: youth.afterHoursSupport ? "yes" : "",
    preferredMentorGender: youth.preferredMentorGender,
    preferredMentorKind: youth.preferredMentorKind ?? "",
    sharedSummary: youth.sharedSummary,
    notesDiagnoses: youth.sensitiveNotes.diagnoses,
    notesSubstanceUse: youth.sensitiveNotes.substanceUse,
    notesOther: youth.sensitiveNotes.other,
  };
}
