import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { Alert, Button, ConfirmAction, type ButtonVariant } from "~/components/ui";
import { useHydrated } from "~/components/ui/use-hydrated";
import { useT } from "~/i18n/react";

type ConfirmedActionProps = {
  /** Where the form posts; a `#fragment` brings a browser without JavaScript back to the same place. */
  action: string;
  /** Hidden fields besides `confirmed`. */
  fields: Record<string, string>;
  label: string;
  title: string;
  children: ReactNode;
  /** True when the action has asked on the page (no JavaScript ran): the question is shown in place of the button. */
  asking: boolean;
  /** Where "Fortryd" leads. */
  cancelTo: string;
  variant?: ButtonVariant;
};

/**
 * A destructive action that is always confirmed: with JavaScript in a modal (the hidden `confirmed` field then
 * says so), without it on the page, where the action answers the first submit with the question.
 */
export function ConfirmedAction({ action, fields, label, title, children, asking, cancelTo, variant = "warning" }: ConfirmedActionProps) {
  const t = useT();
  const hydrated = useHydrated();
  if (asking) {
    return (
      <Alert variant="warning" heading={title} headingLevel={3} focus>
        {children}
        <Form method="post" action={action} preventScrollReset>
          {Object.entries(fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <input type="hidden" name="confirmed" value="yes" />
          <Button variant="warning">{label}</Button>
          <Link to={cancelTo} className="ml-5" preventScrollReset>
            {t("ui.modal.cancel")}
          </Link>
        </Form>
      </Alert>
    );
  }
  return (
    <ConfirmAction action={action} fields={{ ...fields, confirmed: hydrated ? "yes" : "" }} label={label} title={title} variant={variant}>
      {children}
    </ConfirmAction>
  );
}
