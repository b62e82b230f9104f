import type { z } from "zod";
import { isMessageKey, type MessageKey } from "~/i18n/catalogue";

export type FieldErrors = Partial<Record<string, MessageKey>>;

export type FormResult<T> =
  | { ok: true; data: T }
  | { ok: false; errors: FieldErrors; values: Record<string, string> };

// Never sent back to the browser with a failed form.
const secretFields = /password/i;

/**
 * Validates a posted form against a zod schema whose messages are catalogue keys. On failure it returns
 * one message per field and what the user typed (passwords excepted), for the form to show again.
 */
export function validateForm<S extends z.ZodTypeAny>(formData: FormData, schema: S): FormResult<z.infer<S>> {
  const raw: Record<string, string> = {};
  for (const [key, value] of formData) if (typeof value === "string") raw[key] = value;
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, data: parsed.data };

  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? "form");
    if (errors[field]) continue;
    errors[field] = isMessageKey(issue.message) ? issue.message : fallbackMessage(issue.code);
  }
  const values = Object.fromEntries(Object.entries(raw).filter(([key]) => !secretFields.test(key)));
  return { ok: false, errors, values };
}

function fallbackMessage(code: string): MessageKey {
  return code === "invalid_type" ? "validation.required" : "validation.invalid";
}

/** The field errors in the order the form shows its fields, for the error summary. */
export function errorList(errors: FieldErrors | undefined, order: readonly string[], t: (key: MessageKey) => string) {
  if (!errors) return [];
  return order.filter((field) => errors[field]).map((field) => ({ field, message: t(errors[field]!) }));
}
