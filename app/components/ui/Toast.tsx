import { useState } from "react";
import { useT } from "~/i18n/react";
import { useHydrated } from "./use-hydrated";

export type ToastVariant = "success" | "info" | "warning" | "error";

export type ToastProps = {
  message: string;
  heading?: string;
  variant?: ToastVariant;
};

/**
 * DKFDS toast for a one-off message, e.g. a flash after a redirect. It is rendered visible (class `show`) so it
 * works without JavaScript; the close button appears only once JavaScript runs, since before that it could do
 * nothing. It never hides by itself (WCAG 2.2.1). A new message shows again after an earlier one was closed;
 * give the toast a `key` per flash if the same text can come twice in a row.
 */
export function Toast({ message, heading, variant = "info" }: ToastProps) {
  const t = useT();
  const hydrated = useHydrated();
  const [closed, setClosed] = useState<string | null>(null);
  if (closed === message) return null;

  return (
    <div className="toast-container">
      <div className={`toast toast-${variant} show`} role={variant === "error" ? "alert" : "status"} aria-atomic="true">
        <div className="toast-icon" />
        <div className="toast-message">
          {heading ? (
            <p>
              <strong>{heading}</strong>
            </p>
          ) : null}
          <p>{message}</p>
          {hydrated ? (
            <button type="button" className="toast-close" onClick={() => setClosed(message)}>
              {t("ui.toast.close")}
            </button>
          ) : null}
        </div>
      </div>
    </div>
  );
}
