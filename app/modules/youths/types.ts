export const youthStatuses = ["intake", "ready", "matched", "closed"] as const;
export const referralSources = ["job_centre", "youth_unit", "self", "other"] as const;
export const youthGoals = ["job", "education", "everyday_life", "social"] as const;
export const youthGenders = ["female", "male", "other", "unspecified"] as const;
export const mentorGenderPreferences = ["any", "female", "male"] as const;
/** The evaluation report's table 2.2; "still active" is the open state, not an outcome. */
export const youthOutcomes = [
  "ordinary_employment",
  "flex_job",
  "early_retirement",
  "education_fgu",
  "education_stu",
  "education_eud",
  "education_hf",
  "education_other",
  "public_support",
  "other",
] as const;
/** The sensitive notes, encrypted together as one value. */
export const sensitiveNoteFields = ["diagnoses", "substanceUse", "other"] as const;

export type YouthStatus = (typeof youthStatuses)[number];
export type YouthOutcome = (typeof youthOutcomes)[number];
export type SensitiveNotes = Record<(typeof sensitiveNoteFields)[number], string>;

export type { Actor, Refusal, Result } from "~/modules/volunteers/types";
