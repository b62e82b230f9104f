import { useActionData } from "@remix-run/react";
import { useEffect, useRef, type MouseEvent } from "react";
import { useT } from "~/i18n/react";
import { Icon } from "./icon";

/** `field` is the id of the input the message belongs to (our fields default their id to their name). */
export type FieldError = { field: string; message: string };

export type ErrorSummaryProps = { errors: FieldError[] };

/**
 * DKFDS "fejlopsummering": the list of a failed form's errors at the top of the page, each linking to its field.
 * It takes focus when shown so that keyboard and screen reader users start from it.
 */
export function ErrorSummary({ errors }: ErrorSummaryProps) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  // Callers build `errors` anew on every render; focusing on identity would steal focus while the user types.
  // Refocus when the messages change, or when a new submission came back (new action data) with the same ones.
  const signature = errors.map((error) => `${error.field}\n${error.message}`).join("\n\n");
  const actionData = useActionData();

  useEffect(() => {
    if (signature) ref.current?.focus();
  }, [signature, actionData]);

  if (errors.length === 0) return null;

  return (
    <div ref={ref} className="alert alert-error mt-0 mb-8" role="alert" aria-atomic="true" tabIndex={-1}>
      <Icon name="error" className="alert-icon" />
      <div className="alert-body">
        <p className="alert-heading">{t("ui.errorSummary.heading")}</p>
        <ul className="alert-text nobullet-list">
          {errors.map((error) => (
            <li key={error.field}>
              <a className="function-link" href={`#${error.field}`} onClick={(event) => focusField(event, error.field)}>
                {error.message}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/**
 * A plain `#id` jump scrolls the input to the top edge and hides its label, and does not reliably move focus.
 * Like DKFDS's own script: bring the label (or the legend, for a choice) into view, then focus the input.
 */
function focusField(event: MouseEvent<HTMLAnchorElement>, id: string) {
  const input = document.getElementById(id);
  if (!input) return;
  event.preventDefault();
  const isChoice = input instanceof HTMLInputElement && (input.type === "radio" || input.type === "checkbox");
  const legend = isChoice ? input.closest("fieldset")?.querySelector("legend") : null;
  const label = document.querySelector(`label[for="${CSS.escape(id)}"]`);
  (legend ?? label ?? input).scrollIntoView();
  input.focus({ preventScroll: true });
}
