import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import type { ColumnDef } from "@tanstack/react-table";
import { useMemo } from "react";
import { z } from "zod";
import { FilterActions, ResultCount, DataTable, listHref, pageBeyondEnd, pageRange, usePageHref } from "~/components/data-table";
import { Pagination, TextField } from "~/components/ui";
import { pageTitle } from "~/i18n/meta";
import { useFormat, useT } from "~/i18n/react";
import { requirePermission } from "~/modules/auth/guards.server";
import { listMailbox } from "~/modules/email/mailbox.server";
import { urlParam } from "~/url-param";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "admin.mailbox.title");

const pageSize = 25;

/** The mailbox's URL state; anything unexpected falls back to the default, never to an error. */
const mailboxQuery = z.object({
  page: urlParam(z.coerce.number().int().min(1).max(100_000), 1),
  to: urlParam(z.string().trim().max(320), ""),
});

export async function loader(args: LoaderFunctionArgs) {
  await requirePermission(args, "read:mailbox:any");
  const url = new URL(args.request.url);
  const query = mailboxQuery.parse(Object.fromEntries(url.searchParams));
  const { rows, total } = await listMailbox(args.context.db, { page: query.page, size: pageSize, to: query.to || undefined });
  const lastPage = pageBeyondEnd(query.page, pageSize, total);
  if (lastPage !== null) throw redirect(listHref(url, { page: lastPage > 1 ? lastPage : null }));
  return { query, size: pageSize, rows, total };
}

type MessageRow = Awaited<ReturnType<typeof loader>>["rows"][number];

export default function AdminMailbox() {
  const t = useT();
  const format = useFormat();
  const { query, size, rows, total } = useLoaderData<typeof loader>();
  const pageHref = usePageHref();
  const { pageCount } = pageRange(query.page, size, total);

  const columns = useMemo<ColumnDef<MessageRow>[]>(
    () => [
      { id: "to", header: t("admin.mailbox.columns.to"), cell: ({ row }) => row.original.to },
      {
        id: "subject",
        header: t("admin.mailbox.columns.subject"),
        cell: ({ row }) => <Link to={`/admin/mailbox/${row.original.id}`}>{row.original.subject}</Link>,
        meta: { rowHeader: true },
      },
      { id: "template", header: t("admin.mailbox.columns.template"), cell: ({ row }) => <code>{row.original.template}</code> },
      { id: "time", header: t("admin.mailbox.columns.time"), cell: ({ row }) => format.dateTime(row.original.createdAt) },
    ],
    [t, format],
  );

  return (
    <>
      <h1>{t("admin.mailbox.title")}</h1>
      <p className="font-lead">{t("admin.mailbox.intro")}</p>

      <Form method="get" role="search" aria-label={t("admin.mailbox.filtersLabel")}>
        <TextField
          key={`to-${query.to}`}
          name="to"
          type="email"
          label={t("admin.mailbox.filterTo")}
          hint={t("admin.mailbox.filterToHint")}
          defaultValue={query.to}
          maxLength={320}
          autoComplete="off"
          className="input-width-xl"
        />
        <FilterActions filtered={Boolean(query.to)} resetTo="/admin/mailbox" />
      </Form>

      <ResultCount page={query.page} size={size} total={total} shown={rows.length} one="admin.mailbox.showingOne" many="admin.mailbox.showing" />
      <DataTable
        columns={columns}
        data={rows}
        getRowId={(row) => row.id}
        caption={t("admin.mailbox.caption")}
        captionHidden
        empty={t(query.to ? "admin.mailbox.emptyFiltered" : "admin.mailbox.empty")}
      />
      <Pagination page={query.page} pageCount={pageCount} hrefFor={pageHref} />
    </>
  );
}
