import { z } from "zod";
import { youthOutcomes } from "~/modules/youths/types";
import { closeKinds, closeReasons } from "./types";

// Messages are catalogue keys, as in the other areas' schemas.
const text = (max: number) => z.string({ required_error: "validation.required" }).trim().min(1, "validation.required").max(max, "validation.invalid");

export const proposalInput = z.object({ note: z.string().trim().max(2000, "validation.invalid").default("") });
export const declineInput = z.object({ reason: text(1000) });
export const agreementInput = z.object({
  kickoffAt: z.date({ required_error: "validation.required", invalid_type_error: "pairings.errors.kickoff" }),
  meetingFrequency: text(200),
  durationMonths: z.number({ invalid_type_error: "pairings.errors.duration" }).int("pairings.errors.duration").min(1, "pairings.errors.duration").max(36, "pairings.errors.duration"),
  contactArrangement: text(1000),
  afterHoursArrangement: text(1000),
});
export type AgreementInput = z.input<typeof agreementInput>;

export const contactChannels = ["meeting", "phone", "video", "message", "other"] as const;
export const checkInMoods = ["well", "mixed", "poorly"] as const;
export const checkInWith = ["mentor", "youth", "both"] as const;
export const goodFitAnswers = ["yes", "unsure", "no"] as const;
export const escalations = ["team_lead", "social_services", "police", "other"] as const;

/** A contact the mentor logs: a moment that has happened (on a Copenhagen clock), minutes, how, a short note. */
export const contactInput = z.object({
  occurredAt: z.date({ required_error: "validation.required", invalid_type_error: "pairings.errors.contactWhen" }),
  durationMinutes: z
    .number({ invalid_type_error: "pairings.errors.contactMinutes" })
    .int("pairings.errors.contactMinutes")
    .min(1, "pairings.errors.contactMinutes")
    .max(1440, "pairings.errors.contactMinutes"),
  channel: z.enum(contactChannels, { errorMap: () => ({ message: "pairings.errors.channel" }) }),
  note: z.string().trim().max(1000, "pairings.errors.noteTooLong").default(""),
});
export type ContactInput = z.input<typeof contactInput>;

export const helpInput = z.object({ message: text(2000) });

export const checkInInput = z
  .object({
    heldOn: z.string({ required_error: "validation.required" }).regex(/^\d{4}-\d{2}-\d{2}$/, "pairings.errors.heldOn"),
    spokeWith: z.enum(checkInWith, { errorMap: () => ({ message: "pairings.errors.spokeWith" }) }),
    mood: z.enum(checkInMoods, { errorMap: () => ({ message: "pairings.errors.mood" }) }),
    progress: text(4000),
    safetyConcern: z.boolean({ required_error: "pairings.errors.safetyConcern", invalid_type_error: "pairings.errors.safetyConcern" }),
    escalatedTo: z.enum(escalations, { errorMap: () => ({ message: "pairings.errors.escalatedTo" }) }).optional(),
    safetyNote: z.string().trim().max(4000, "validation.invalid").default(""),
    nextStep: text(1000),
    goodFit: z.enum(goodFitAnswers, { errorMap: () => ({ message: "pairings.errors.goodFit" }) }).optional(),
  })
  .superRefine((input, ctx) => {
    // A concern is escalated somewhere and described; without one, nothing is said about escalation.
    if (!input.safetyConcern) return;
    if (!input.escalatedTo) ctx.addIssue({ code: "custom", path: ["escalatedTo"], message: "pairings.errors.escalatedTo" });
    if (!input.safetyNote) ctx.addIssue({ code: "custom", path: ["safetyNote"], message: "pairings.errors.safetyNote" });
  });
export type CheckInInput = z.input<typeof checkInInput>;

export const closeInput = z.object({
  kind: z.enum(closeKinds, { errorMap: () => ({ message: "pairings.errors.closeKind" }) }),
  reason: z.enum(closeReasons, { errorMap: () => ({ message: "pairings.errors.closeReason" }) }),
  exitNote: text(4000),
  rematch: z.boolean({ required_error: "pairings.errors.rematch", invalid_type_error: "pairings.errors.rematch" }),
  /** Closes the youth's course too, with this outcome; only without a rematch. */
  outcome: z.enum(youthOutcomes, { errorMap: () => ({ message: "youths.errors.outcome" }) }).optional(),
});
export type CloseInput = z.input<typeof closeInput>;

export const exitNoteInput = z.object({ note: text(4000) });
