import { Form, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { Button, type ButtonVariant } from "~/components/ui";
import type { FieldErrors } from "~/forms/validate";
import { useT } from "~/i18n/react";
import type { RejectionReason } from "~/modules/volunteers/types";

/** A reject waiting for its confirmation on the page, with what to send again. */
export type RejectConfirmation = { intent: "reject"; reason: RejectionReason; note: string };

/** A form on the volunteer page that came back with errors: which one, its messages, and what was typed. */
export type FailedForm = { key: string; errors: FieldErrors; values: Record<string, string> };

/**
 * The props that wire one field of one of the page's forms: ids carry the form's key (several forms have a
 * "note"), the error shows only on the form that failed, and that form shows again what was typed.
 */
export function useFieldProps(failed: FailedForm | null, formKey: string) {
  const t = useT();
  const mine = failed?.key === formKey ? failed : null;
  return (field: string, saved?: string | null) => {
    const message = mine?.errors[field];
    return {
      id: `${formKey}-${field}`,
      name: field,
      error: message ? t(message) : undefined,
      defaultValue: mine ? (mine.values[field] ?? "") : (saved ?? ""),
    };
  };
}

type VettingFormProps = {
  intent: string;
  /** Hidden fields besides the intent, e.g. a reference's position. */
  fields?: Record<string, string>;
  submitLabel: string;
  variant?: ButtonVariant;
  children?: ReactNode;
};

/** A posted form with its intent and a submit button that shows when this very form is being sent. */
export function VettingForm({ intent, fields = {}, submitLabel, variant = "primary", children }: VettingFormProps) {
  const navigation = useNavigation();
  const sending =
    navigation.state === "submitting" &&
    navigation.formData?.get("intent") === intent &&
    Object.entries(fields).every(([name, value]) => navigation.formData?.get(name) === value);
  return (
    <Form method="post" noValidate>
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <Button variant={variant} pending={sending}>
        {submitLabel}
      </Button>
    </Form>
  );
}

/** A form behind a disclosure when there is already something recorded; open when it has just failed. */
export function Disclosure({ summary, open, children }: { summary: string; open: boolean; children: ReactNode }) {
  return (
    <details className="details" open={open || undefined}>
      <summary className="details-summary">
        <span className="details-summary-text">{summary}</span>
      </summary>
      <div className="details-text">{children}</div>
    </details>
  );
}

/** "date by name", where a missing name is someone whose account is gone. */
export function useDoneBy(names: Record<string, string>) {
  const t = useT();
  return (id: string | null) => (id ? (names[id] ?? t("vetting.record.someone")) : t("vetting.record.system"));
}
