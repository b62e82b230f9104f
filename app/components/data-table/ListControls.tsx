import { Link } from "@remix-run/react";
import type { MessageKey } from "~/i18n/catalogue";
import { useFormat, useT } from "~/i18n/react";
import { Button, Select } from "~/components/ui";
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
