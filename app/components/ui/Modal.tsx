import { Form, useFormAction, useNavigation, type FormProps } from "@remix-run/react";
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode, type RefObject } from "react";
import { useT } from "~/i18n/react";
import { Button, type ButtonVariant } from "./Button";
import { Icon } from "./icon";

export type ModalProps = {
  open: boolean;
  /** Called however the modal closes: its close button, Escape, a click on the backdrop, or `open` turning false. */
  onClose: () => void;
  title: ReactNode;
  children: ReactNode;
  /** The actions, e.g. a primary and a secondary button. */
  footer?: ReactNode;
  /** Where focus goes back on close; defaults to what had focus when the modal opened. */
  returnFocusRef?: RefObject<HTMLElement>;
};

/**
 * DKFDS modal built on a native `<dialog>` shown with `showModal()`: the browser keeps focus inside it, makes the
 * rest of the page inert and closes it on Escape, which DKFDS's own script otherwise has to do by hand.
 */
export function Modal({ open, onClose, title, children, footer, returnFocusRef }: ModalProps) {
  const t = useT();
  const titleId = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog || dialog.open === open) return;
    if (open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
      document.body.classList.add("modal-open");
    } else {
      dialog.close();
    }
  }, [open]);

  useEffect(() => () => document.body.classList.remove("modal-open"), []);

  function handleClose() {
    document.body.classList.remove("modal-open");
    (returnFocusRef?.current ?? opener.current)?.focus();
    opener.current = null;
    onClose();
  }

  const close = () => dialogRef.current?.close();

  return (
    <dialog ref={dialogRef} aria-labelledby={titleId} onClose={handleClose}>
      {/* DKFDS's backdrop and layout classes; they cover the dialog element's own default box. */}
      <div className="modal-backdrop show" onClick={close} />
      <div className="fds-modal show-modal">
        <div className="modal-content">
          <div className="modal-header">
            <h2 className="modal-title" id={titleId}>
              {title}
            </h2>
            <button type="button" className="modal-close function-link" onClick={close}>
              <Icon name="close" />
              {t("ui.modal.close")}
            </button>
          </div>
          <div className="modal-body">{children}</div>
          {footer ? <div className="modal-footer">{footer}</div> : null}
        </div>
      </div>
    </dialog>
  );
}

export type ConfirmActionProps = {
  /** The action the form posts to; defaults to the current route's. */
  action?: string;
  method?: FormProps["method"];
  /** Hidden fields sent along, e.g. `{ intent: "delete", id }`. */
  fields?: Record<string, string>;
  /** The button's text, e.g. "Slet forløb". */
  label: string;
  /** The modal's heading, e.g. "Vil du slette forløbet?". */
  title: string;
  /** What will happen, shown in the modal. */
  children: ReactNode;
  /** The confirming button's text; defaults to `label`. */
  confirmLabel?: string;
  variant?: ButtonVariant;
};

/**
 * A destructive action behind a confirmation. It is a real form with a submit button, so it still works (without
 * asking) when JavaScript does not run; with JavaScript the submit is held back until the modal is confirmed.
 */
export function ConfirmAction({
  action,
  method = "post",
  fields = {},
  label,
  title,
  children,
  confirmLabel = label,
  variant = "warning",
}: ConfirmActionProps) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const confirmed = useRef(false);
  const navigation = useNavigation();
  const formAction = useFormAction(action);
  const pending =
    navigation.state === "submitting" &&
    navigation.formAction === formAction &&
    Object.entries(fields).every(([name, value]) => navigation.formData?.get(name) === value);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    if (confirmed.current) {
      confirmed.current = false;
      return;
    }
    event.preventDefault();
    setOpen(true);
  }

  function confirm() {
    confirmed.current = true;
    setOpen(false);
    // The trigger as submitter, so its name/value and the form's own submit handling apply as without the modal.
    formRef.current?.requestSubmit(triggerRef.current);
  }

  return (
    <Form ref={formRef} method={method} action={action} onSubmit={handleSubmit}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button ref={triggerRef} variant={variant} pending={pending}>
        {label}
      </Button>
      <Modal
        open={open}
        onClose={() => setOpen(false)}
        title={title}
        returnFocusRef={triggerRef}
        footer={
          <>
            <Button type="button" variant="warning" onClick={confirm}>
              {confirmLabel}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
              {t("ui.modal.cancel")}
            </Button>
          </>
        }
      >
        {children}
      </Modal>
    </Form>
  );
}
