import { Link } from "@remix-run/react";
import type { MessageKey } from "~/i18n/catalogue";
import { useFormat, useT } from "~/i18n/react";
import { Button, Select, TextField } from "~/components/ui";
import { pageRange } from "./page-range";

/** The end of a list's filter form: apply, and — when a filter is on — a link back to the whole list. */
export function FilterActions({ filtered, resetTo }: { filtered: boolean; resetTo: string }) {
  const t = useT();
  return (
    <>
      <Button variant="secondary">{t("admin.list.filter")}</Button>
      {filtered ? (
        <Link to={resetTo} className="ml-5">
          {t("admin.list.reset")}
        </Link>
      ) : null}
    </>
  );
}

/** "Viser 1–25 af 100.000 …", announced to screen readers when a filter changes the list. */
export function ResultCount(props: {
  page: number;
  size: number;
  total: number;
  shown: number;
  one: MessageKey;
  many: MessageKey;
}) {
  const t = useT();
  const format = useFormat();
  const { from, to } = pageRange(props.page, props.size, props.total);
  return (
    <p className="mt-7" role="status">
      {props.shown === 0
        ? null
        : props.total === 1
          ? t(props.one)
          : t(props.many, { from: format.number(from), to: format.number(to), total: format.number(props.total) })}
    </p>
  );
}

/** How many rows a page shows, as a filter-form field named `size`. */
export function PageSizeSelect({ sizes, value }: { sizes: readonly number[]; value: number }) {
  const t = useT();
  const format = useFormat();
  return (
    <Select
      key={`size-${value}`}
      name="size"
      label={t("admin.list.pageSize")}
      options={sizes.map((size) => ({ value: String(size), label: format.number(size) }))}
      defaultValue={String(value)}
    />
  );
}

/** A list's search field, named `q`; keyed by the value, so that it shows the URL's search after a navigation. */
export function SearchField({ value, hint }: { value: string; hint: string }) {
  const t = useT();
  return <TextField key={`q-${value}`} name="q" type="search" label={t("admin.list.search")} hint={hint} defaultValue={value} maxLength={100} />;
}

/** A filter by responsible coordinator, named `coordinator`: all, mine, none, or another one chosen in a bookmark. */
export function CoordinatorFilter({ value, me, label }: { value: string; me: string; label: string }) {
  const t = useT();
  const options = [
    { value: me, label: t("admin.list.mine") },
    { value: "none", label: t("admin.list.noCoordinator") },
    // A bookmarked filter on another coordinator stays selectable, so filtering again does not drop it.
    ...(value && value !== "none" && value !== me ? [{ value, label: t("admin.list.chosenCoordinator") }] : []),
  ];
  return <Select key={`coordinator-${value}`} name="coordinator" label={label} placeholder={t("admin.list.allCoordinators")} options={options} defaultValue={value} />;
}
