import { z } from "zod";
import { availabilitySlots, interestTags } from "~/modules/volunteers/schemas";
import { mentorKinds } from "~/modules/volunteers/types";
import { mentorGenderPreferences, referralSources, youthGenders, youthGoals, youthOutcomes, youthStatuses } from "./types";

// Messages are catalogue keys, as in the other areas' schemas.
const required = (max: number) => z.string({ required_error: "validation.required" }).trim().min(1, "validation.required").max(max, "validation.invalid");
const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "validation.invalid")
    .optional()
    .transform((value) => value || null);
const note = z.string().trim().max(8000, "validation.invalid").default("");

/** The intake form; the same shape edits the record later. */
export const youthInput = z.object({
  firstName: required(100),
  lastName: required(100),
  birthYear: z.number({ invalid_type_error: "youths.errors.birthYear" }).int("youths.errors.birthYear").min(1990, "youths.errors.birthYear").max(2015, "youths.errors.birthYear"),
  gender: z.enum(youthGenders).default("unspecified"),
  town: required(80),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()-]{8,20}$/, "validation.invalid")
    .optional()
    .or(z.literal("").transform(() => undefined))
    .transform((value) => value ?? null),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .email("validation.emailInvalid")
    .max(254)
    .optional()
    .or(z.literal("").transform(() => undefined))
    .transform((value) => value ?? null),
  referralSource: z.enum(referralSources, { errorMap: () => ({ message: "youths.errors.referralSource" }) }),
  responsibleCoordinatorId: z.string().uuid().nullable().default(null),
  consentDate: z.string().date("youths.errors.consentDate"),
  consentScope: required(2000),
  interests: z.array(z.enum(interestTags)).default([]),
  goals: z.array(z.enum(youthGoals)).min(1, "youths.errors.goals"),
  goalsOwnWords: optional(2000),
  languages: z.array(z.string().trim().min(2).max(40)).min(1, "youths.errors.languages").max(10),
  availability: z.array(z.enum(availabilitySlots as [string, ...string[]])).default([]),
  afterHoursSupport: z.boolean().default(false),
  preferredMentorGender: z.enum(mentorGenderPreferences).default("any"),
  preferredMentorKind: z.enum(mentorKinds).nullable().default(null),
  sharedSummary: z.string().trim().max(2000, "validation.invalid").default(""),
  sensitiveNotes: z.object({ diagnoses: note, substanceUse: note, other: note }).default({ diagnoses: "", substanceUse: "", other: "" }),
});
export type YouthInput = z.input<typeof youthInput>;

export const youthCloseInput = z.object({ outcome: z.enum(youthOutcomes, { errorMap: () => ({ message: "youths.errors.outcome" }) }) });

export const youthPageSizes = [10, 25, 50, 100] as const;
export const youthSortKeys = ["name", "status", "waiting", "town", "coordinator"] as const;

/** The youth list's URL state; anything unexpected falls back to the default, never to an error. */
export const youthListQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  size: z.coerce
    .number()
    .refine((value) => (youthPageSizes as readonly number[]).includes(value))
    .catch(25),
  sort: z.enum(youthSortKeys).catch("waiting"),
  dir: z.enum(["asc", "desc"]).catch("desc"),
  q: z.string().trim().max(100).catch(""),
  status: z.enum(youthStatuses).or(z.literal("")).catch(""),
  coordinator: z.string().uuid().or(z.enum(["none", ""])).catch(""),
  /** Waiting for a mentor at least this many days. */
  waitingDays: z.coerce.number().int().min(0).max(3650).or(z.literal("")).catch(""),
  afterHours: z.enum(["1", ""]).catch(""),
});
export type YouthListQuery = z.infer<typeof youthListQuery>;
