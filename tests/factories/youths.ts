import type { YouthInput } from "~/modules/youths/schemas";

/** A valid intake of a young person; `overrides` replaces fields. */
export function youthSpec(overrides: Partial<YouthInput> = {}): YouthInput {
  return {
    firstName: "Sara",
    lastName: "Nielsen",
    birthYear: 2006,
    gender: "female",
    town: "Grindsted",
    phone: "+45 20 11 22 33",
    referralSource: "job_centre",
    consentDate: "2026-02-01",
    consentScope: "Samtykke til at Ungeafdelingen registrerer oplysningerne og deler resuméet med en mentor.",
    interests: ["sport", "music"],
    goals: ["job"],
    languages: ["da"],
    availability: ["tue:evening", "thu:evening"],
    afterHoursSupport: true,
    preferredMentorGender: "any",
    preferredMentorKind: null,
    sharedSummary: "Sara vil gerne i praktik i en butik og har brug for hjælp til at komme op om morgenen.",
    sensitiveNotes: { diagnoses: "ADHD", substanceUse: "", other: "" },
    ...overrides,
  };
}
