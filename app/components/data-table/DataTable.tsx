import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type RowData,
  type SortingState,
} from "@tanstack/react-table";
import { useMemo, type ReactNode } from "react";
import { SortHeader, Table } from "~/components/ui";
import { useListHref } from "./list-url";

declare module "@tanstack/react-table" {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    /** The cell names its row (e.g. the user's name): rendered as `<th scope="row">`. */
    rowHeader?: boolean;
  }
}

export type SortDir = "asc" | "desc";

export type DataTableProps<TData> = {
  /**
   * A column sorts when it has an accessor and `enableSorting` is not false; its `id` (by default the accessor
   * key) is the `sort` value in the URL, so it must be one the loader accepts. `sortDescFirst` for columns such
   * as dates, where the newest first is the useful first click.
   */
  columns: ColumnDef<TData, unknown>[];
  data: TData[];
  /** Names the table for screen readers; visually hidden with `captionHidden` when a heading already says it. */
  caption: ReactNode;
  captionHidden?: boolean;
  /** The sort in force, from the parsed URL; leave out for a list with a fixed order. */
  sort?: string;
  dir?: SortDir;
  /** Shown in place of the rows when there are none. */
  empty: ReactNode;
  getRowId?: (row: TData, index: number) => string;
  compact?: boolean;
  /**
   * On a phone each row becomes a card of labelled values (DKFDS "responsive headers"), instead of a table
   * to scroll sideways: for lists that visitors read on their phones. Needs plain-text headers.
   */
  stackOnPhone?: boolean;
};

/**
 * A DKFDS table on @tanstack/react-table for lists whose paging and sorting the server does: the table renders
 * the page it is given, and a sortable header is a link to the same list sorted by its column, back on page 1.
 */
export function DataTable<TData>({
  columns,
  data,
  caption,
  captionHidden,
  sort,
  dir = "asc",
  empty,
  getRowId,
  compact,
  stackOnPhone,
}: DataTableProps<TData>) {
  const href = useListHref();
  const sorting = useMemo<SortingState>(() => (sort ? [{ id: sort, desc: dir === "desc" }] : []), [sort, dir]);
  const table = useReactTable({
    columns,
    data,
    getRowId,
    getCoreRowModel: getCoreRowModel(),
    manualPagination: true,
    manualSorting: true,
    manualFiltering: true,
    enableSorting: sort !== undefined,
    enableSortingRemoval: false,
    sortDescFirst: false,
    state: { sorting },
  });
  const rows = table.getRowModel().rows;
  const columnCount = table.getVisibleLeafColumns().length;

  return (
    <Table caption={caption} captionHidden={captionHidden} compact={compact} className={stackOnPhone ? "table--responsive-headers" : undefined}>
      <thead>
        {table.getHeaderGroups().map((group) => (
          <tr key={group.id}>
            {group.headers.map((header) => {
              const content = header.isPlaceholder ? null : flexRender(header.column.columnDef.header, header.getContext());
              const column = header.column;
              if (!column.getCanSort()) {
                return (
                  <th key={header.id} scope="col" colSpan={header.colSpan > 1 ? header.colSpan : undefined}>
                    {content}
                  </th>
                );
              }
              const current = column.getIsSorted();
              const next: SortDir = current ? (current === "asc" ? "desc" : "asc") : column.getFirstSortDir();
              return (
                <SortHeader
                  key={header.id}
                  href={href({ sort: column.id, dir: next, page: null })}
                  sorted={current === "asc" ? "ascending" : current === "desc" ? "descending" : undefined}
                >
                  {content}
                </SortHeader>
              );
            })}
          </tr>
        ))}
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <tr>
            <td colSpan={columnCount}>{empty}</td>
          </tr>
        ) : (
          rows.map((row) => (
            <tr key={row.id}>
              {row.getVisibleCells().map((cell) => {
                const content = flexRender(cell.column.columnDef.cell, cell.getContext());
                const { header } = cell.column.columnDef;
                // The label DKFDS shows above a value when the row is stacked on a phone.
                const title = stackOnPhone && typeof header === "string" ? header : undefined;
                return cell.column.columnDef.meta?.rowHeader ? (
                  <th key={cell.id} scope="row" data-title={title}>
                    {content}
                  </th>
                ) : (
                  <td key={cell.id} data-title={title}>
                    {content}
                  </td>
                );
              })}
            </tr>
          ))
        )}
      </tbody>
    </Table>
  );
}
