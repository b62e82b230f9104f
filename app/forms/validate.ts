import { z } from "zod";
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
 *
 * `lists` names the fields posted several times (a group of checkboxes): the schema gets them as arrays of
 * strings, and the values sent back hold them joined by commas (their values are identifiers), which
 * `listValue` splits again.
 */
export function validateForm<S extends z.ZodTypeAny>(
  formData: FormData,
  schema: S,
  options: { lists?: readonly string[] } = {},
): FormResult<z.infer<S>> {
  const lists = options.lists ?? [];
  const raw: Record<string, string | string[]> = {};
  for (const [key, value] of formData) if (typeof value === "string" && !lists.includes(key)) raw[key] = value;
  for (const name of lists) raw[name] = formData.getAll(name).filter((value): value is string => typeof value === "string");
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, data: parsed.data };

  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? "form");
    if (errors[field]) continue;
    errors[field] = isMessageKey(issue.message) ? issue.message : fallbackMessage(issue.code);
  }
  const values = Object.fromEntries(
    Object.entries(raw)
      .filter(([key]) => !secretFields.test(key))
      .map(([key, value]) => [key, Array.isArray(value) ? value.join(",") : value]),
  );
  return { ok: false, errors, values };
}

/** A list field's values as `validateForm` sent them back. */
export function listValue(values: Record<string, string>, name: string): string[] {
  return (values[name] ?? "").split(",").filter(Boolean);
}

function fallbackMessage(code: string): MessageKey {
  return code === "invalid_type" ? "validation.required" : "validation.invalid";
}

/** The field errors in the order the form shows its fields, for the error summary. */
export function errorList(errors: FieldErrors | undefined, order: readonly string[], t: (key: MessageKey) => string) {
  if (!errors) return [];
  return order.filter((field) => errors[field]).map((field) => ({ field, message: t(errors[field]!) }));
}

/** A whole number typed into a text field, with one message for every way it can be wrong. */
export const wholeNumber = (min: number, max: number, message: MessageKey) =>
  z
    .string({ required_error: message })
    .trim()
    .regex(/^\d{1,4}$/, message)
    .transform(Number)
    .pipe(z.number().min(min, message).max(max, message));

/** Better words for a field than the generic "fill in the field" (`required`) or "not valid" (`invalid`). */
export type FieldMessages = { required?: Partial<Record<string, MessageKey>>; invalid?: Partial<Record<string, MessageKey>> };

/**
 * Puts a module schema's issues on the form fields they came from (`fieldOf` maps an issue's path to a field),
 * one message a field: the schema's own catalogue key, said more precisely for the field where `messages` can.
 * For forms whose fields are not the module's input one to one, so that the module's rules are written once.
 */
export function addModuleIssues(ctx: z.RefinementCtx, issues: z.ZodIssue[], fieldOf: (path: (string | number)[]) => string, messages: FieldMessages = {}) {
  const failed = new Set<string>();
  for (const issue of issues) {
    const field = fieldOf(issue.path);
    if (failed.has(field)) continue;
    failed.add(field);
    const generic = !isMessageKey(issue.message) || issue.message === "validation.invalid";
    const message: MessageKey =
      issue.message === "validation.required"
        ? (messages.required?.[field] ?? "validation.required")
        : generic
          ? (messages.invalid?.[field] ?? "validation.invalid")
          : (issue.message as MessageKey);
    ctx.addIssue({ code: "custom", path: [field], message });
  }
}
