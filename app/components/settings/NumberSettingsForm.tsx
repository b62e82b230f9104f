import { Form, useNavigation } from "@remix-run/react";
import { numberInput } from "~/components/course-admin/fields";
import { Button, ErrorSummary, TextField } from "~/components/ui";
import { errorList, type FieldErrors } from "~/forms/validate";
import { useT } from "~/i18n/react";

type NumberSettingsFormProps<F extends string> = {
  fields: readonly F[];
  saved: Record<F, number>;
  /** The posted form that failed, shown again with its messages. */
  failed: { errors: FieldErrors; values: Record<string, string> } | undefined;
  label: (field: F) => { label: string; hint: string };
  maxLength: number;
  submitLabel: string;
};

/** An admin settings page's whole numbers: one field each, the saved value or what was just typed, and a save. */
export function NumberSettingsForm<F extends string>({ fields, saved, failed, label, maxLength, submitLabel }: NumberSettingsFormProps<F>) {
  const t = useT();
  const navigation = useNavigation();
  return (
    <>
      <ErrorSummary errors={errorList(failed?.errors, fields, t)} />
      {/* Keyed by the saved values, so the fields show them again after a change. */}
      <Form method="post" noValidate key={fields.map((field) => saved[field]).join("-")}>
        {fields.map((field) => {
          const message = failed?.errors[field];
          return (
            <TextField
              key={field}
              name={field}
              {...numberInput}
              {...label(field)}
              maxLength={maxLength}
              defaultValue={failed ? (failed.values[field] ?? "") : String(saved[field])}
              error={message ? t(message) : undefined}
            />
          );
        })}
        <Button pending={navigation.state === "submitting"}>{submitLabel}</Button>
      </Form>
    </>
  );
}
