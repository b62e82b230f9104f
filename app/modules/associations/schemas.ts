import { z } from "zod";
import { associationKinds, taskCategories, taskSchedules, taskTags } from "./types";

// Messages are catalogue keys, as in the other areas' schemas.
const text = (max: number) => z.string({ required_error: "validation.required" }).trim().min(1, "validation.required").max(max, "validation.invalid");
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "validation.invalid")
    .optional()
    .transform((value) => value || null);

/**
 * A CVR number: eight digits whose weighted sum (2, 7, 6, 5, 4, 3, 2, 1) is divisible by 11, as the register
 * hands them out. Spaces are allowed in what is typed.
 */
export function isValidCvr(value: string) {
  if (!/^[0-9]{8}$/.test(value)) return false;
  const weights = [2, 7, 6, 5, 4, 3, 2, 1];
  return [...value].reduce((sum, digit, i) => sum + Number(digit) * weights[i]!, 0) % 11 === 0;
}

const cvr = z
  .string()
  .transform((value) => value.replace(/\s+/g, ""))
  .refine((value) => value === "" || isValidCvr(value), "associations.errors.cvr")
  .optional()
  .transform((value) => value || null);

const website = z
  .string()
  .trim()
  .max(300, "validation.invalid")
  .transform((value) => (value && !/^https?:\/\//i.test(value) ? `https://${value}` : value))
  .refine((value) => !value || URL.canParse(value), "associations.errors.website")
  .optional()
  .transform((value) => value || null);

/** The association's own profile: what the public task pages and the coordinators read. */
export const associationProfileInput = z.object({
  name: text(200),
  kind: z.enum(associationKinds, { errorMap: () => ({ message: "associations.errors.kind" }) }),
  cvr,
  town: text(80),
  address: text(300),
  website,
  description: text(4000),
});
export type AssociationProfileInput = z.input<typeof associationProfileInput>;

/** The decision a coordinator takes on an association, with a note for a rejection or suspension. */
export const associationDecisionInput = z.discriminatedUnion("decision", [
  z.object({ decision: z.literal("approve"), note: optionalText(2000) }),
  z.object({ decision: z.literal("reject"), note: text(2000) }),
  z.object({ decision: z.literal("suspend"), note: text(2000) }),
]);
export type AssociationDecisionInput = z.input<typeof associationDecisionInput>;

export const inviteInput = z.object({
  name: text(200),
  email: z.string().trim().toLowerCase().email("validation.emailInvalid").max(254),
});

export const taskInput = z
  .object({
    title: text(200),
    description: text(4000),
    category: z.enum(taskCategories, { errorMap: () => ({ message: "associations.errors.category" }) }),
    town: text(80),
    address: text(300),
    schedule: z.enum(taskSchedules, { errorMap: () => ({ message: "associations.errors.schedule" }) }),
    startsAt: z.date().nullable().default(null),
    endsAt: z.date().nullable().default(null),
    recurrence: optionalText(200),
    daytime: z.boolean().default(false),
    evening: z.boolean().default(false),
    places: z.number({ invalid_type_error: "associations.errors.places" }).int("associations.errors.places").min(1, "associations.errors.places").max(500, "associations.errors.places"),
    minutesPerOccasion: z
      .number({ invalid_type_error: "associations.errors.minutes" })
      .int("associations.errors.minutes")
      .min(5, "associations.errors.minutes")
      .max(1440, "associations.errors.minutes"),
    minimumAge: z.number({ invalid_type_error: "associations.errors.minimumAge" }).int("associations.errors.minimumAge").min(13, "associations.errors.minimumAge").max(30, "associations.errors.minimumAge"),
    contactName: text(200),
    contactPhone: optionalText(30),
    contactEmail: z.string().trim().toLowerCase().email("validation.emailInvalid").max(254).optional().or(z.literal("").transform(() => undefined)).transform((value) => value ?? null),
    expiresOn: z.string({ required_error: "validation.required" }).date("associations.errors.expiresOn"),
    tags: z.array(z.enum(taskTags)).default([]),
    involvesChildren: z.boolean().default(false),
  })
  .superRefine((task, ctx) => {
    // A one-off task has its time; a recurring one its rhythm in words.
    if (task.schedule === "one_off") {
      if (!task.startsAt) ctx.addIssue({ code: "custom", path: ["startsAt"], message: "associations.errors.startsAt" });
      if (!task.endsAt || (task.startsAt && task.endsAt <= task.startsAt)) ctx.addIssue({ code: "custom", path: ["endsAt"], message: "associations.errors.endsAt" });
    }
    if (task.schedule === "recurring" && !task.recurrence) ctx.addIssue({ code: "custom", path: ["recurrence"], message: "associations.errors.recurrence" });
  });
export type TaskInput = z.input<typeof taskInput>;

export const participationProposalInput = z.object({
  note: text(1000),
  contactArrangement: text(1000),
});
export type ParticipationProposalInput = z.input<typeof participationProposalInput>;

export const participationDeclineInput = z.object({ reason: text(1000) });

/** Hours confirmed by the association, as minutes: up to 1 000 hours in quarter hours. */
export const confirmHoursInput = z.object({
  minutes: z.number({ invalid_type_error: "associations.errors.hours" }).int("associations.errors.hours").min(0, "associations.errors.hours").max(60_000, "associations.errors.hours"),
});

export const publicTaskQuery = z.object({
  town: z.string().trim().max(80).catch(""),
  category: z.enum(["", ...taskCategories]).catch(""),
  tags: z.array(z.enum(taskTags)).catch([]),
  when: z.enum(["", "day", "evening"]).catch(""),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type PublicTaskQuery = z.infer<typeof publicTaskQuery>;
