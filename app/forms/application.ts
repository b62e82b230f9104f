import type { ZodError } from "zod";
import { isMessageKey, type MessageKey } from "~/i18n/catalogue";
import type { ApplicationAnswers, ApplicationStepName } from "~/modules/volunteers/schemas";
import { CODE_OF_CONDUCT_VERSION, mentorKinds, type MentorKind } from "~/modules/volunteers/types";
import type { FieldErrors } from "./validate";

/**
 * The application form's fields as the browser posts them, and the way to and from the module's answers.
 * Shared by the application form (`/apply/<step>`) and the profile edits after submitting
 * (`/application/edit/<section>`), which show the same fields.
 */

/** Billund Kommune's towns; anyone may still write another. Stored as written, so they are not translated. */
export const towns = ["Billund", "Grindsted", "Vorbasse", "Hejnsvig", "Sønder Omme", "Filskov", "Stenderup-Krogager", "Grene"];
export const languages = ["da", "en", "de", "uk", "ar", "pl", "ro", "tr", "so", "fa"] as const;
export const referenceSlots = [1, 2] as const;
const referenceFields = ["name", "relation", "phone", "email"] as const;
type ReferenceFieldName = (typeof referenceFields)[number];

export function referenceField(n: number, field: ReferenceFieldName) {
  return `ref${n}${field[0]!.toUpperCase()}${field.slice(1)}`;
}

/** The fields of each step in the order the form shows them, for the error summary. */
export const fieldOrder: Record<ApplicationStepName, string[]> = {
  kind: ["kind"],
  about: ["motivation", "experience", "occupation", "employer"],
  interests: ["interests", "ownWords", "languages", "otherLanguages"],
  availability: ["town", "townOther", "slots", "afterHoursReachable"],
  preferences: ["capacity", "ageMin", "ageMax", "genderPreference", "ownGender"],
  references: referenceSlots.flatMap((n) => referenceFields.map((field) => referenceField(n, field))),
  consents: ["criminalRecordConsent", "codeOfConduct", "privacyAcknowledged"],
};

/** A missing answer to a choice reads better as "choose …" than as the generic "fill in the field". */
const requiredMessages: Partial<Record<string, MessageKey>> = {
  kind: "application.kind.required",
  languages: "application.interests.languagesRequired",
  slots: "application.availability.slotsRequired",
  afterHoursReachable: "application.availability.afterHoursRequired",
  capacity: "application.preferences.capacityRequired",
  genderPreference: "application.preferences.genderRequired",
  ref1Phone: "application.references.contactRequired",
  ref2Phone: "application.references.contactRequired",
  criminalRecordConsent: "application.consents.criminalRecordRequired",
  codeOfConduct: "application.consents.codeOfConductRequired",
  privacyAcknowledged: "application.consents.privacyRequired",
};

/** Every posted field's values, as `FormData.getAll` gives them. */
export type FormValues = Record<string, string[]>;

/** What the module's `getApplication` returns that the form shows. */
type SavedApplication = {
  kind: MentorKind;
  answers: ApplicationAnswers;
  references: ({ position: number } & Record<ReferenceFieldName, string | null>)[];
};

/** The saved answers of one step as the form's values. */
export function savedValues(step: ApplicationStepName, application: SavedApplication | null, kindParam: string | null = null): FormValues {
  const answers = application?.answers ?? {};
  const text = (value: string | number | undefined | null) => (value === undefined || value === null ? [] : [String(value)]);
  switch (step) {
    case "kind":
      return { kind: text(application?.kind ?? mentorKinds.find((kind) => kind === kindParam)) };
    case "about": {
      const about = answers.about;
      return { motivation: text(about?.motivation), experience: text(about?.experience), occupation: text(about?.occupation), employer: text(about?.employer) };
    }
    case "interests": {
      const interests = answers.interests;
      const spoken = interests?.languages ?? [];
      const others = spoken.filter((language) => !(languages as readonly string[]).includes(language));
      return {
        interests: interests?.interests ?? [],
        ownWords: text(interests?.ownWords),
        languages: spoken.filter((language) => (languages as readonly string[]).includes(language)),
        otherLanguages: others.length ? [others.join(", ")] : [],
      };
    }
    case "availability": {
      const availability = answers.availability;
      if (!availability) return {};
      const listed = towns.includes(availability.town);
      return {
        town: [listed ? availability.town : "other"],
        townOther: listed ? [] : [availability.town],
        slots: availability.slots,
        afterHoursReachable: [availability.afterHoursReachable ? "yes" : "no"],
      };
    }
    case "preferences": {
      const preferences = answers.preferences;
      return {
        capacity: text(preferences?.capacity),
        ageMin: text(preferences?.ageMin ?? 15),
        ageMax: text(preferences?.ageMax ?? 25),
        genderPreference: text(preferences?.genderPreference ?? "any"),
        ownGender: text(preferences?.ownGender ?? "unspecified"),
      };
    }
    case "references": {
      const values: FormValues = {};
      for (const reference of application?.references ?? []) {
        for (const field of referenceFields) values[referenceField(reference.position, field)] = text(reference[field]);
      }
      return values;
    }
    case "consents": {
      const consents = answers.consents;
      return {
        criminalRecordConsent: consents ? ["yes"] : [],
        codeOfConduct: consents?.codeOfConductVersion === CODE_OF_CONDUCT_VERSION ? ["yes"] : [],
        privacyAcknowledged: consents ? ["yes"] : [],
      };
    }
  }
}

/** What the form posted, in the shape the step's schema expects. */
export function inputOf(step: ApplicationStepName, form: FormData): unknown {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : undefined;
  };
  const list = (name: string) => form.getAll(name).filter((value): value is string => typeof value === "string");
  const whole = (name: string) => {
    const value = text(name)?.trim();
    if (!value) return undefined;
    return /^\d{1,3}$/.test(value) ? Number(value) : Number.NaN;
  };
  const ticked = (name: string) => (text(name) === "yes" ? true : undefined);
  switch (step) {
    case "kind":
      return { kind: text("kind") || undefined };
    case "about":
      return { motivation: text("motivation"), experience: text("experience"), occupation: text("occupation"), employer: text("employer") };
    case "interests": {
      const others = (text("otherLanguages") ?? "").split(",").map((language) => language.trim()).filter(Boolean);
      return { interests: list("interests"), ownWords: text("ownWords"), languages: [...new Set([...list("languages"), ...others])] };
    }
    case "availability": {
      const town = text("town");
      const reachable = text("afterHoursReachable");
      return {
        town: town === "other" ? text("townOther") : town,
        slots: list("slots"),
        afterHoursReachable: reachable === "yes" ? true : reachable === "no" ? false : undefined,
      };
    }
    case "preferences":
      return { capacity: whole("capacity"), ageMin: whole("ageMin"), ageMax: whole("ageMax"), genderPreference: text("genderPreference") || undefined, ownGender: text("ownGender") || undefined };
    case "references":
      return {
        references: referenceSlots.map((n) => Object.fromEntries(referenceFields.map((field) => [field, text(referenceField(n, field)) ?? ""]))),
      };
    case "consents":
      return {
        criminalRecordConsent: ticked("criminalRecordConsent"),
        codeOfConductVersion: ticked("codeOfConduct") ? (text("codeOfConductVersion") ?? "") : "",
        privacyAcknowledged: ticked("privacyAcknowledged"),
      };
  }
}

/** One catalogue message per form field, named as the form names its inputs. */
export function fieldErrorsOf(step: ApplicationStepName, error: ZodError, form: FormData): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const [first, index, nested] = issue.path;
    let field = String(first ?? "form");
    if (step === "references" && typeof index === "number") field = referenceField(index + 1, nested as ReferenceFieldName);
    if (step === "consents" && field === "codeOfConductVersion") field = "codeOfConduct";
    if (step === "availability" && field === "town" && form.get("town") === "other") field = "townOther";
    if (errors[field]) continue;
    const missing = issue.code === "invalid_type" && issue.received === "undefined";
    const key: MessageKey = isMessageKey(issue.message) ? issue.message : missing ? "validation.required" : "validation.invalid";
    errors[field] = key === "validation.required" ? (requiredMessages[field] ?? key) : key;
  }
  return errors;
}

/** What was posted, to show again in a form that failed validation. */
export function postedValues(form: FormData): FormValues {
  const values: FormValues = {};
  for (const [name, value] of form) if (typeof value === "string") (values[name] ??= []).push(value);
  return values;
}
