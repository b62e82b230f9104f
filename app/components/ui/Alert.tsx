import { useEffect, useRef, type ReactNode } from "react";
import { useT } from "~/i18n/react";
import { cx } from "./class-names";
import { Icon } from "./icon";

export type AlertVariant = "info" | "success" | "warning" | "error";

export type AlertProps = {
  variant?: AlertVariant;
  heading?: ReactNode;
  headingLevel?: 2 | 3 | 4;
  children?: ReactNode;
  className?: string;
  /** Takes focus when shown (and the page scrolls to it): for an answer to what the person just did. */
  focus?: boolean;
};

// Only an error interrupts a screen reader; a success is announced politely; info and warnings are page content.
const roles: Record<AlertVariant, "alert" | "status" | undefined> = {
  error: "alert",
  success: "status",
  info: undefined,
  warning: undefined,
};

/** DKFDS "besked". */
export function Alert({ variant = "info", heading, headingLevel = 2, children, className, focus = false }: AlertProps) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const Heading = `h${headingLevel}` as const;
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  return (
    <div ref={ref} className={cx("alert", `alert-${variant}`, className)} role={roles[variant]} tabIndex={focus ? -1 : undefined}>
      {/* The icon's name tells screen reader users what the colour tells everyone else. */}
      <Icon name={variant} label={t(`ui.alert.${variant}`)} className="alert-icon" />
      <div className="alert-body">
        {heading ? <Heading className="alert-heading">{heading}</Heading> : null}
        {children ? <div className="alert-text">{children}</div> : null}
      </div>
    </div>
  );
}
