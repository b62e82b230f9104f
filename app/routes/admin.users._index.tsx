import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import type { ColumnDef } from "@tanstack/react-table";
import { useMemo } from "react";
import { DataTable, FilterActions, listHref, pageBeyondEnd, pageRange, PageSizeSelect, ResultCount, SearchField, useListHref, usePageHref } from "~/components/data-table";
import { Pagination, Select } from "~/components/ui";
import { pageTitle } from "~/i18n/meta";
import { useFormat, useT } from "~/i18n/react";
import { requirePermission } from "~/modules/auth/guards.server";
import { roles } from "~/modules/auth/permissions";
import { listUsers, pageSizes, parseUserListQuery } from "~/modules/auth/users.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "admin.users.title");

export async function loader(args: LoaderFunctionArgs) {
  await requirePermission(args, "read:user:any");
  const url = new URL(args.request.url);
  const query = parseUserListQuery(url.searchParams);
  const { rows, total } = await listUsers(args.context.db, query);
  const lastPage = pageBeyondEnd(query.page, query.size, total);
  if (lastPage !== null) throw redirect(listHref(url, { page: lastPage > 1 ? lastPage : null }));
  // Page sizes travel with the data: the component must not import the server module.
  return { query, rows, total, pageSizes };
}

type UserRow = Awaited<ReturnType<typeof loader>>["rows"][number];
type Status = "active" | "disabled" | "unverified";

const statuses: Status[] = ["active", "disabled", "unverified"];

function statusOf(user: Pick<UserRow, "disabledAt" | "emailVerifiedAt">): Status {
  if (user.disabledAt) return "disabled";
  return user.emailVerifiedAt ? "active" : "unverified";
}

export default function AdminUsers() {
  const t = useT();
  const format = useFormat();
  const { query, rows, total, pageSizes } = useLoaderData<typeof loader>();
  const pageHref = usePageHref();
  const href = useListHref();
  const { pageCount } = pageRange(query.page, query.size, total);
  const filtered = Boolean(query.q || query.role || query.status);

  const columns = useMemo<ColumnDef<UserRow>[]>(
    () => [
      {
        id: "name",
        accessorKey: "name",
        header: t("admin.users.columns.name"),
        cell: ({ row }) => <Link to={`/admin/users/${row.original.id}`}>{row.original.name}</Link>,
        meta: { rowHeader: true },
      },
      { id: "email", accessorKey: "email", header: t("admin.users.columns.email") },
      {
        id: "role",
        accessorKey: "role",
        header: t("admin.users.columns.role"),
        cell: ({ row }) => t(`common.roles.${row.original.role}`),
      },
      {
        id: "status",
        header: t("admin.users.columns.status"),
        cell: ({ row }) => t(`admin.users.statuses.${statusOf(row.original)}`),
      },
      {
        id: "createdAt",
        accessorKey: "createdAt",
        header: t("admin.users.columns.createdAt"),
        sortDescFirst: true,
        cell: ({ row }) => format.dateTime(row.original.createdAt),
      },
      {
        id: "lastLoginAt",
        accessorKey: "lastLoginAt",
        header: t("admin.users.columns.lastLoginAt"),
        sortDescFirst: true,
        cell: ({ row }) => (row.original.lastLoginAt ? format.dateTime(row.original.lastLoginAt) : t("admin.users.never")),
      },
    ],
    [t, format],
  );

  return (
    <>
      <h1>{t("admin.users.title")}</h1>
      <p className="font-lead">{t("admin.users.intro")}</p>

      {/* GET: the filters become the URL, so a filtered list can be bookmarked and works without JavaScript. */}
      <Form method="get" role="search" aria-label={t("admin.users.filtersLabel")}>
        <input type="hidden" name="sort" value={query.sort} />
        <input type="hidden" name="dir" value={query.dir} />
        <div className="row">
          <div className="col-12 col-lg-4">
            <SearchField value={query.q} hint={t("admin.users.searchHint")} />
          </div>
          <div className="col-12 col-sm-6 col-lg-3">
            <Select
              key={`role-${query.role}`}
              name="role"
              label={t("admin.users.columns.role")}
              placeholder={t("admin.users.allRoles")}
              options={roles.map((role) => ({ value: role, label: t(`common.roles.${role}`) }))}
              defaultValue={query.role}
            />
          </div>
          <div className="col-12 col-sm-6 col-lg-3">
            <Select
              key={`status-${query.status}`}
              name="status"
              label={t("admin.users.columns.status")}
              placeholder={t("admin.users.allStatuses")}
              options={statuses.map((status) => ({ value: status, label: t(`admin.users.statuses.${status}`) }))}
              defaultValue={query.status}
            />
          </div>
          <div className="col-12 col-sm-6 col-lg-2">
            <PageSizeSelect sizes={pageSizes} value={query.size} />
          </div>
        </div>
        <FilterActions filtered={filtered} resetTo={href({ q: null, role: null, status: null, page: null })} />
      </Form>

      <ResultCount {...query} total={total} shown={rows.length} one="admin.users.showingOne" many="admin.users.showing" />
      <DataTable
        columns={columns}
        data={rows}
        getRowId={(row) => row.id}
        caption={t("admin.users.caption")}
        captionHidden
        sort={query.sort}
        dir={query.dir}
        empty={t(filtered ? "admin.users.emptyFiltered" : "admin.users.empty")}
      />
      <Pagination page={query.page} pageCount={pageCount} hrefFor={pageHref} />
    </>
  );
}
