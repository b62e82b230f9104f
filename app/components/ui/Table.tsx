import { Link } from "@remix-run/react";
import { useId, type ReactNode, type TableHTMLAttributes } from "react";
import { cx } from "./class-names";
import { Icon } from "./icon";

export type TableProps = Omit<TableHTMLAttributes<HTMLTableElement>, "children"> & {
  /** Every table is named by its caption; hide it visually when a heading above already says the same. */
  caption: ReactNode;
  captionHidden?: boolean;
  compact?: boolean;
  zebra?: boolean;
  /** `thead` and `tbody`. */
  children: ReactNode;
};

/** DKFDS table in a horizontally scrollable, keyboard reachable region for narrow screens. */
export function Table({ caption, captionHidden, compact, zebra, className, children, ...table }: TableProps) {
  const captionId = useId();
  return (
    <div className="table--responsive-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table {...table} className={cx("table", compact && "table--compact", zebra && "table--zebra", className)}>
        <caption id={captionId} className={captionHidden ? "sr-only" : undefined}>
          {caption}
        </caption>
        {children}
      </table>
    </div>
  );
}

export type SortDirection = "ascending" | "descending";

export type SortHeaderProps = {
  children: ReactNode;
  /** The URL that sorts by this column; the caller builds it, since the sort state lives in the URL. */
  href: string;
  /** How the list is sorted by this column now; leave out when it is sorted by another. */
  sorted?: SortDirection;
};

const sortIcons = {
  ascending: "sort-table-ascending",
  descending: "sort-table-descending",
  none: "sort-table-none",
} as const;

/** A column header that sorts by following a link; `aria-sort` tells screen readers the current order. */
export function SortHeader({ children, href, sorted }: SortHeaderProps) {
  return (
    <th scope="col" aria-sort={sorted}>
      <Link to={href} className="function-link" preventScrollReset>
        {children}
        <Icon name={sortIcons[sorted ?? "none"]} className="ml-2" />
      </Link>
    </th>
  );
}
