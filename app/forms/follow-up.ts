import { z } from "zod";
import { fromCopenhagen, parseDate, parseTime } from "~/modules/courses/local-time";
import { checkInInput, closeInput, contactInput, type CheckInInput, type CloseInput, type ContactInput } from "~/modules/pairings/schemas";
import { addModuleIssues, type FieldMessages } from "./validate";

/**
 * The follow-up forms as posted: text fields and radio buttons, turned into the module's input. The module's
 * schemas judge the result and their messages land on the fields the person filled in.
 */

const text = z.string().default("");

export const contactFormFields = ["date", "time", "durationMinutes", "channel", "note"] as const;

/** The mentor's contact: a date and a time on a Copenhagen clock, minutes as typed, the channel, a note. */
export const contactForm = z
  .object({ date: text, time: text, durationMinutes: text, channel: text, note: text })
  .transform((form, ctx): ContactInput => {
    const date = parseDate(form.date);
    const time = parseTime(form.time);
    const minutes = form.durationMinutes.trim();
    const input = {
      occurredAt: date && time ? (fromCopenhagen(date, time) ?? form.date) : form.date.trim() ? form.date : undefined,
      durationMinutes: /^\d{1,4}$/.test(minutes) ? Number(minutes) : Number.NaN,
      channel: form.channel,
      note: form.note,
    } as ContactInput;
    const parsed = contactInput.safeParse(input);
    // An unreadable moment is the date's fault when the date cannot be read, else the time's.
    const fieldOf = (path: (string | number)[]) => (path[0] === "occurredAt" ? (date ? "time" : "date") : String(path[0]));
    const messages: FieldMessages = {
      required: { date: "pairings.errors.contactWhen", time: "pairings.errors.contactWhen", durationMinutes: "pairings.errors.contactMinutes" },
      invalid: { durationMinutes: "pairings.errors.contactMinutes" },
    };
    if (!parsed.success) addModuleIssues(ctx, parsed.error.issues, fieldOf, messages);
    if (date && !time) ctx.addIssue({ code: "custom", path: ["time"], message: "pairings.errors.contactWhen" });
    return input;
  });

export const checkInFormFields = ["heldOn", "spokeWith", "mood", "progress", "safetyConcern", "escalatedTo", "safetyNote", "nextStep", "goodFit"] as const;

/** The coordinator's check-in: yes/no radios become booleans, an empty choice is no choice. */
export const checkInForm = z
  .object(Object.fromEntries(checkInFormFields.map((field) => [field, text])) as Record<(typeof checkInFormFields)[number], typeof text>)
  .transform((form, ctx): CheckInInput => {
    const heldOn = parseDate(form.heldOn);
    const input = {
      heldOn: heldOn ?? (form.heldOn.trim() ? form.heldOn : undefined),
      spokeWith: form.spokeWith,
      mood: form.mood,
      progress: form.progress,
      safetyConcern: form.safetyConcern === "yes" ? true : form.safetyConcern === "no" ? false : undefined,
      escalatedTo: form.escalatedTo || undefined,
      safetyNote: form.safetyNote,
      nextStep: form.nextStep,
      goodFit: form.goodFit || undefined,
    } as CheckInInput;
    const parsed = checkInInput.safeParse(input);
    const messages: FieldMessages = { required: { heldOn: "pairings.errors.heldOn" } };
    if (!parsed.success) addModuleIssues(ctx, parsed.error.issues, (path) => String(path[0]), messages);
    // The module judges the concern's details only once the rest is valid; the form says everything at once.
    if (!parsed.success && input.safetyConcern) {
      if (!input.escalatedTo) ctx.addIssue({ code: "custom", path: ["escalatedTo"], message: "pairings.errors.escalatedTo" });
      if (!form.safetyNote.trim()) ctx.addIssue({ code: "custom", path: ["safetyNote"], message: "pairings.errors.safetyNote" });
    }
    return input;
  });

export const closeFormFields = ["kind", "reason", "exitNote", "rematch", "outcome"] as const;

/**
 * Closing a pairing: "rematch" is yes or no; the outcome is only read without a rematch ("still active" is the
 * empty choice), so a stale choice left on the form does not close the youth's course by mistake.
 */
export const closeForm = z
  .object(Object.fromEntries(closeFormFields.map((field) => [field, text])) as Record<(typeof closeFormFields)[number], typeof text>)
  .transform((form, ctx): CloseInput => {
    const rematch = form.rematch === "yes" ? true : form.rematch === "no" ? false : undefined;
    const input = {
      kind: form.kind,
      reason: form.reason,
      exitNote: form.exitNote,
      rematch,
      outcome: rematch === false && form.outcome ? form.outcome : undefined,
    } as CloseInput;
    const parsed = closeInput.safeParse(input);
    if (!parsed.success) addModuleIssues(ctx, parsed.error.issues, (path) => String(path[0]), { required: { exitNote: "validation.required" } });
    return input;
  });
