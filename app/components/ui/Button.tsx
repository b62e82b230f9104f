import { Link, type LinkProps } from "@remix-run/react";
import { forwardRef, type ButtonHTMLAttributes, type ReactNode } from "react";
import { cx } from "./class-names";
import { Icon, type IconName } from "./icon";

export type ButtonVariant = "primary" | "secondary" | "tertiary" | "warning";

type Look = { variant?: ButtonVariant; icon?: IconName };

export type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> &
  Look & {
    /** While the form is being sent: disabled against double submits, and announced as busy. */
    pending?: boolean;
  };

export type ButtonLinkProps = LinkProps & Look;

function Content({ icon, children }: { icon?: IconName; children: ReactNode }) {
  if (!icon) return <>{children}</>;
  return (
    <>
      <Icon name={icon} />
      <span>{children}</span>
    </>
  );
}

export const Button = forwardRef<HTMLButtonElement, ButtonProps>(function Button(
  { variant = "primary", icon, pending = false, type = "submit", disabled, className, children, ...button },
  ref,
) {
  return (
    <button
      {...button}
      ref={ref}
      type={type}
      className={cx("button", `button-${variant}`, className)}
      disabled={disabled || pending}
      aria-busy={pending || undefined}
    >
      <Content icon={icon}>{children}</Content>
    </button>
  );
});

/** A link that looks like a button: for navigation, never for actions that change data. */
export const ButtonLink = forwardRef<HTMLAnchorElement, ButtonLinkProps>(function ButtonLink(
  { variant = "primary", icon, className, children, ...link },
  ref,
) {
  return (
    <Link {...link} ref={ref} className={cx("button", `button-${variant}`, className)}>
      <Content icon={icon}>{children}</Content>
    </Link>
  );
});
