import { z } from "zod";
import type { MessageKey } from "~/i18n/catalogue";
import { mentorKinds } from "~/modules/volunteers/types";
import { courseKinds } from "./types";
import { urlParam } from "~/url-param";

// Messages are catalogue keys, as in the other areas' schemas; `key` has the type check prove they exist.
const key = (message: MessageKey) => message;
const text = (max: number) => z.string({ required_error: "validation.required" }).trim().min(1, "validation.required").max(max, "validation.invalid");

export const courseInput = z.object({
  title: text(200),
  description: text(8000),
  kind: z.enum(courseKinds, { errorMap: () => ({ message: key("courseAdmin.errors.kindRequired") }) }),
  audience: z.array(z.enum(mentorKinds)).max(mentorKinds.length).default([]),
  openToAll: z.boolean().default(false),
  trainingMinutes: z.number().int().min(0, key("courseAdmin.errors.hoursRange")).max(6000, key("courseAdmin.errors.hoursRange")),
  requiredBeforeMatching: z.boolean().default(false),
});
export type CourseInput = z.input<typeof courseInput>;

export const sessionInput = z
  .object({
    startsAt: z.date({ required_error: "validation.required", invalid_type_error: key("courseAdmin.errors.timeInvalid") }),
    endsAt: z.date({ required_error: "validation.required", invalid_type_error: key("courseAdmin.errors.timeInvalid") }),
    online: z.boolean().default(false),
    town: z.string().trim().max(80, "validation.invalid").optional().transform((value) => value || null),
    address: z.string().trim().max(300, "validation.invalid").optional().transform((value) => value || null),
    // Only web addresses: the link is sent to participants and shown to them, so no javascript: or data: URLs.
    onlineUrl: z
      .string()
      .trim()
      .url(key("courseAdmin.errors.urlInvalid"))
      .regex(/^https?:\/\//i, key("courseAdmin.errors.urlInvalid"))
      .max(500, key("courseAdmin.errors.urlInvalid"))
      .optional()
      .or(z.literal("").transform(() => undefined))
      .transform((value) => value ?? null),
    capacity: z
      .number({ invalid_type_error: key("courseAdmin.errors.capacityRange") })
      .int(key("courseAdmin.errors.capacityRange"))
      .min(1, key("courseAdmin.errors.capacityRange"))
      .max(1000, key("courseAdmin.errors.capacityRange")),
    bookingOpensAt: z.date().nullable().default(null),
    bookingClosesAt: z.date().nullable().default(null),
    cancellationHours: z.number().int().min(0, key("courseAdmin.errors.cancellationRange")).max(720, key("courseAdmin.errors.cancellationRange")).default(24),
    waitlistEnabled: z.boolean().default(true),
  })
  .refine((session) => session.endsAt > session.startsAt, { message: key("courseAdmin.errors.endBeforeStart"), path: ["endsAt"] })
  .refine((session) => session.online || session.address, { message: key("courseAdmin.errors.placeRequired"), path: ["address"] })
  .refine((session) => !session.bookingClosesAt || session.bookingClosesAt <= session.startsAt, {
    message: key("courseAdmin.errors.closesAfterStart"),
    path: ["bookingClosesAt"],
  })
  .refine((session) => !session.bookingOpensAt || !session.bookingClosesAt || session.bookingOpensAt < session.bookingClosesAt, {
    message: key("courseAdmin.errors.opensAfterCloses"),
    path: ["bookingOpensAt"],
  });
export type SessionInput = z.input<typeof sessionInput>;

export const cataloguePageSizes = [10, 25, 50] as const;

/** The public catalogue's URL state; anything unexpected falls back to the default, never to an error. */
export const catalogueQuery = z.object({
  page: urlParam(z.coerce.number().int().min(1).max(10_000), 1),
  size: urlParam(
    z.coerce.number().refine((value) => (cataloguePageSizes as readonly number[]).includes(value)),
    25,
  ),
  kind: urlParam(z.enum(["", ...courseKinds]), ""),
  /** A month as YYYY-MM. */
  month: urlParam(z.literal("").or(z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/)), ""),
  /** A town, or "online". */
  place: urlParam(z.string().trim().max(80), ""),
  /** Logged-in volunteers: only the courses their vetting still needs. */
  needed: urlParam(z.enum(["1", ""]), ""),
});
export type CatalogueQuery = z.infer<typeof catalogueQuery>;
