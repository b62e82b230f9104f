import sprite from "dkfds-dist/img/all-svg-icons.svg?url";
import { cx } from "./class-names";
import type { IconName } from "./icon-names";

export type { IconName } from "./icon-names";

/** URL of the DKFDS icon sprite, as served by our build. */
export const iconSprite: string = sprite;

export type IconProps = {
  name: IconName;
  /** Accessible name for an icon that carries meaning; without it the icon is decorative and hidden. */
  label?: string;
  className?: string;
};

export function Icon({ name, label, className }: IconProps) {
  const a11y = label ? { role: "img", "aria-label": label } : { "aria-hidden": true };
  return (
    <svg className={cx("icon-svg", className)} focusable="false" {...a11y}>
      <use href={`${iconSprite}#${name}`} />
    </svg>
  );
}
