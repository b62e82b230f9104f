import { z } from "zod";
import { attestResults, mentorKinds, referenceOutcomes, rejectionReasons, vettingSteps } from "./types";
import { urlParam } from "~/url-param";

// Messages are catalogue keys, as in app/modules/auth/schemas.ts.
const required = (max: number) => z.string({ required_error: "validation.required" }).trim().min(1, "validation.required").max(max, "validation.invalid");
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "validation.invalid")
    .optional()
    .transform((value) => value || undefined);

export const interestTags = [
  "sport",
  "outdoor",
  "music",
  "crafts",
  "cooking",
  "technology",
  "gaming",
  "art",
  "animals",
  "reading",
  "business",
  "health",
] as const;

export const weekdays = ["mon", "tue", "wed", "thu", "fri"] as const;
export const dayparts = ["daytime", "evening", "night"] as const;
/** The availability grid as a set of cells: each weekday × daypart, plus the weekend × daypart. */
export const availabilitySlots = [...weekdays, "weekend"].flatMap((day) => dayparts.map((part) => `${day}:${part}`)) as
  `${(typeof weekdays)[number] | "weekend"}:${(typeof dayparts)[number]}`[];

const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ()-]{8,20}$/, "validation.invalid");

export const referenceInput = z
  .object({
    name: required(120),
    relation: required(120),
    phone: phone.optional().or(z.literal("").transform(() => undefined)),
    email: z.string().trim().toLowerCase().email("validation.emailInvalid").max(254).optional().or(z.literal("").transform(() => undefined)),
  })
  .refine((reference) => reference.phone || reference.email, { message: "validation.required", path: ["phone"] });
export type ReferenceInput = z.infer<typeof referenceInput>;

/** One schema per step of the application form; a draft holds the answers of the steps saved so far. */
export const applicationSteps = {
  kind: z.object({ kind: z.enum(mentorKinds) }),
  about: z.object({
    motivation: required(4000),
    experience: required(4000),
    occupation: required(200),
    /** Required for company mentors (checked on submit, where the kind is known). */
    employer: optionalText(200),
  }),
  interests: z.object({
    interests: z.array(z.enum(interestTags)).max(interestTags.length).default([]),
    ownWords: optionalText(500),
    languages: z.array(z.string().trim().min(2).max(40)).min(1, "validation.required").max(10),
  }),
  availability: z.object({
    town: required(80),
    slots: z.array(z.enum(availabilitySlots as [string, ...string[]])).min(1, "validation.required"),
    afterHoursReachable: z.boolean(),
  }),
  preferences: z
    .object({
      capacity: z.number().int().min(1).max(3),
      ageMin: z.number().int().min(15).max(30),
      ageMax: z.number().int().min(15).max(30),
      genderPreference: z.enum(["any", "female", "male"]),
      /** The mentor's own gender, for a young person who wishes for a woman or a man; optional to give. */
      ownGender: z.enum(["female", "male", "other", "unspecified"]).default("unspecified"),
    })
    .refine((value) => value.ageMin <= value.ageMax, { message: "validation.invalid", path: ["ageMax"] }),
  references: z.object({ references: z.array(referenceInput).min(1, "validation.required").max(5) }),
  consents: z.object({
    criminalRecordConsent: z.literal(true),
    codeOfConductVersion: required(40),
    privacyAcknowledged: z.literal(true),
  }),
} as const;

export type ApplicationStepName = keyof typeof applicationSteps;
export const applicationStepNames = Object.keys(applicationSteps) as ApplicationStepName[];
export type StepAnswers<S extends ApplicationStepName> = z.infer<(typeof applicationSteps)[S]>;

/** What `volunteers.answers` holds. References live in their own table; the signature time is the server's. */
export interface ApplicationAnswers {
  about?: StepAnswers<"about">;
  interests?: StepAnswers<"interests">;
  availability?: StepAnswers<"availability">;
  preferences?: StepAnswers<"preferences">;
  consents?: StepAnswers<"consents"> & { codeOfConductSignedAt: string };
}

/** Read back from jsonb: each present step is re-validated, an invalid one dropped (and so "missing"). */
export function parseAnswers(value: unknown): ApplicationAnswers {
  const source = (value && typeof value === "object" ? value : {}) as Record<string, unknown>;
  const answers: ApplicationAnswers = {};
  for (const step of ["about", "interests", "availability", "preferences"] as const) {
    const parsed = applicationSteps[step].safeParse(source[step]);
    if (parsed.success) (answers as Record<string, unknown>)[step] = parsed.data;
  }
  const consents = applicationSteps.consents
    .and(z.object({ codeOfConductSignedAt: z.string() }))
    .safeParse(source.consents);
  if (consents.success) answers.consents = consents.data;
  return answers;
}

/** The steps a volunteer may change after submitting: what matching uses, not the vetted answers. */
export const profileSections = ["interests", "availability", "preferences"] as const satisfies readonly ApplicationStepName[];
export type ProfileSection = (typeof profileSections)[number];

/** What a volunteer may change after submitting: availability and matching preferences, not the vetted answers. */
export const profileUpdate = z.object({
  interests: applicationSteps.interests.optional(),
  availability: applicationSteps.availability.optional(),
  preferences: applicationSteps.preferences.optional(),
});
export type ProfileUpdate = z.input<typeof profileUpdate>;

const note = z.string().trim().max(8000);

export const interviewInput = z.object({
  outcome: z.enum(["passed", "failed"]),
  notes: z.object({ motivation: note, boundaries: note, availability: note, concerns: note }),
});
export const referenceCheckInput = z.object({
  position: z.number().int().min(1).max(5),
  outcome: z.enum(referenceOutcomes),
  note: note.optional(),
});
export const attestInput = z.object({
  result: z.enum(attestResults),
  /** The day the certificate was assessed (YYYY-MM-DD); the renewal date is counted from it. */
  assessedOn: z.string().date(),
});
export const trainingInput = z.object({ passed: z.boolean(), note: note.optional() });
export const waiverInput = z.object({ step: z.enum(vettingSteps), reason: z.string().trim().min(1, "validation.required").max(1000) });
export const rejectionInput = z.object({ reason: z.enum(rejectionReasons), note: note.optional() });
export const messageInput = z.object({ body: z.string().trim().min(1, "validation.required").max(4000) });

export const policyInput = z.object({
  requiredSteps: z.array(z.enum(vettingSteps)).transform((steps) => vettingSteps.filter((step) => steps.includes(step))),
  referencesRequired: z.number().int().min(0).max(5),
  attestRenewalMonths: z.number().int().min(1).max(120),
  requiredCourseIds: z.array(z.string().uuid()).max(20).default([]),
});
export type PolicyInput = z.input<typeof policyInput>;

export const pipelineSortKeys = ["status", "kind", "town", "daysWaiting", "progress", "nextStep", "coordinator"] as const;
export type PipelineSortKey = (typeof pipelineSortKeys)[number];
export const pipelineQuickFilters = ["needs_interview", "waiting_for_references", "ready_for_decision", "renewal_due_30"] as const;
export const pipelinePageSizes = [10, 25, 50, 100] as const;

/** The coordinators' pipeline's URL state; anything unexpected falls back to the default, never to an error. */
export const pipelineQuery = z.object({
  page: urlParam(z.coerce.number().int().min(1).max(100_000), 1),
  size: urlParam(
    z.coerce.number().refine((value) => (pipelinePageSizes as readonly number[]).includes(value)),
    25,
  ),
  sort: urlParam(z.enum(pipelineSortKeys), "daysWaiting"),
  dir: urlParam(z.enum(["asc", "desc"]), "desc"),
  q: urlParam(z.string().trim().max(100), ""),
  // Drafts are the applicant's own until submitted: the pipeline never lists them.
  status: urlParam(z.enum(["", "submitted", "approved", "paused", "rejected", "withdrawn", "expired"]), ""),
  kind: urlParam(z.enum(["", ...mentorKinds]), ""),
  town: urlParam(z.string().trim().max(80), ""),
  coordinator: urlParam(z.enum(["", "none"]).or(z.string().uuid()), ""),
  quick: urlParam(z.enum(["", ...pipelineQuickFilters]), ""),
});
export type PipelineQuery = z.infer<typeof pipelineQuery>;

export function parsePipelineQuery(searchParams: URLSearchParams): PipelineQuery {
  return pipelineQuery.parse(Object.fromEntries(searchParams));
}
