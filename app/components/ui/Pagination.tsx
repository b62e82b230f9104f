import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useT } from "~/i18n/react";
import { Icon, type IconName } from "./icon";

export type PaginationProps = {
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
  /** Names the landmark; needed when a page has two paginations, e.g. "Sider med frivillige". */
  label?: string;
};

type Slot = number | "gap";

/** Seven slots at most, as DKFDS shows them: first, last, the current page and its neighbours, gaps between. */
export function pageSlots(page: number, pageCount: number): Slot[] {
  const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
  if (pageCount <= 7) return range(1, pageCount);
  if (page <= 4) return [...range(1, 5), "gap", pageCount];
  if (page >= pageCount - 3) return [1, "gap", ...range(pageCount - 4, pageCount)];
  return [1, "gap", page - 1, page, page + 1, "gap", pageCount];
}

/** DKFDS "paginering" with links; renders nothing for a single page. */
export function Pagination({ page, pageCount, hrefFor, label }: PaginationProps) {
  const t = useT();
  if (pageCount <= 1) return null;
  const current = Math.min(Math.max(1, Math.trunc(page)), pageCount);
  const atStart = current === 1;
  const atEnd = current === pageCount;

  return (
    <nav className="pagination" aria-label={label ?? t("ui.pagination.label")}>
      <Arrow to={atStart ? null : hrefFor(1)} kind="button-first" icon="first-page">
        <span className="sr-only">{t("ui.pagination.first")}</span>
      </Arrow>
      <Arrow to={atStart ? null : hrefFor(current - 1)} kind="button-previous" label={t("ui.pagination.previousPage")}>
        <Icon name="chevron-left" />
        <span className="pagination-nav-link">{t("ui.pagination.previous")}</span>
      </Arrow>
      <span className="pagination-mobile">{t("ui.pagination.pageOf", { page: current, count: pageCount })}</span>
      <ul className="pagination__items">
        {pageSlots(current, pageCount).map((slot, index) =>
          slot === "gap" ? (
            <li key={`gap-${index}`} className="pagination-item pagination-overflow">
              <span className="sr-only">{t("ui.pagination.hiddenPages")}</span>
              <span aria-hidden="true">{t("ui.pagination.ellipsis")}</span>
            </li>
          ) : (
            <li key={slot} className="pagination-item pagination-number">
              <Link
                to={hrefFor(slot)}
                className={slot === current ? "button current-page" : "button button-secondary"}
                aria-current={slot === current ? "page" : undefined}
                aria-label={t("ui.pagination.page", { page: slot })}
              >
                {slot}
              </Link>
            </li>
          ),
        )}
      </ul>
      <Arrow to={atEnd ? null : hrefFor(current + 1)} kind="button-next" label={t("ui.pagination.nextPage")}>
        <span className="pagination-nav-link">{t("ui.pagination.next")}</span>
        <Icon name="chevron-right" />
      </Arrow>
      <Arrow to={atEnd ? null : hrefFor(pageCount)} kind="button-last" icon="last-page">
        <span className="sr-only">{t("ui.pagination.last")}</span>
      </Arrow>
    </nav>
  );
}

type ArrowProps = {
  /** `null` where there is nowhere to go: DKFDS then keeps the arrow's place but hides it. */
  to: string | null;
  kind: "button-first" | "button-previous" | "button-next" | "button-last";
  icon?: IconName;
  label?: string;
  children: ReactNode;
};

function Arrow({ to, kind, icon, label, children }: ArrowProps) {
  const className = `button button-arrow ${kind}`;
  const content = (
    <>
      {icon ? <Icon name={icon} /> : null}
      {children}
    </>
  );
  if (to === null) return <span className={`${className} hidden`}>{content}</span>;
  return (
    <Link to={to} className={className} aria-label={label}>
      {content}
    </Link>
  );
}
