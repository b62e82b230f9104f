import { z } from "zod";

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
