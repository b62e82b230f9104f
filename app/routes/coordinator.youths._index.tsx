import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import type { ColumnDef } from "@tanstack/react-table";
import { useMemo } from "react";
import { CoordinatorFilter, DataTable, FilterActions, listHref, pageBeyondEnd, pageRange, PageSizeSelect, ResultCount, SearchField, useListHref, usePageHref } from "~/components/data-table";
import { ButtonLink, CheckboxField, Pagination, Select, Tabs } from "~/components/ui";
import { WaitingDays } from "~/components/youths/record-text";
import { pageTitle } from "~/i18n/meta";
import { useFormat, useT } from "~/i18n/react";
import { requirePermission } from "~/modules/auth/guards.server";
import { copenhagenToday, daysBetween } from "~/modules/volunteers/dates";
import { ageOf } from "~/modules/youths/age";
import { listYouths } from "~/modules/youths/records.server";
import { youthPageSizes } from "~/modules/youths/schemas";
import { youthStatuses } from "~/modules/youths/types";
import { actorOf } from "~/request.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "youths.list.title");

/** The waiting times the list offers as a filter, in days. */
const waitingChoices = [14, 30, 60] as const;

export async function loader(args: LoaderFunctionArgs) {
  const user = await requirePermission(args, "read:youth:any");
  const url = new URL(args.request.url);
  // The search and its terms are audited inside the module (`youth.searched`).
  const result = await listYouths(args.context.db, actorOf(args, user), Object.fromEntries(url.searchParams));
  if (!result) throw new Response("Forbidden", { status: 403 });
  const { query, total } = result;
  const lastPage = pageBeyondEnd(query.page, query.size, total);
  if (lastPage !== null) throw redirect(listHref(url, { page: lastPage > 1 ? lastPage : null }));
  const now = new Date();
  const today = copenhagenToday(now);
  const rows = result.rows.map(({ birthYear, readySince, ...row }) => ({
    ...row,
    age: ageOf(birthYear, now),
    // Waiting counts in Danish calendar days, and only while the youth waits for a mentor.
    daysWaiting: row.status === "ready" && readySince ? daysBetween(copenhagenToday(readySince), today) : null,
  }));
  return { query, rows, total, me: user.id };
}

type YouthRow = Awaited<ReturnType<typeof loader>>["rows"][number];

export default function CoordinatorYouths() {
  const t = useT();
  const format = useFormat();
  const { query, rows, total, me } = useLoaderData<typeof loader>();
  const pageHref = usePageHref();
  const href = useListHref();
  const { pageCount } = pageRange(query.page, query.size, total);
  const filtered = Boolean(query.q || query.status || query.coordinator || query.waitingDays !== "" || query.afterHours);

  const columns = useMemo<ColumnDef<YouthRow>[]>(
    () => [
      {
        id: "name",
        accessorFn: (row) => `${row.firstName} ${row.lastName}`,
        header: t("youths.list.columns.name"),
        cell: ({ row }) => <Link to={`/coordinator/youths/${row.original.id}`}>{`${row.original.firstName} ${row.original.lastName}`}</Link>,
        meta: { rowHeader: true },
      },
      { id: "age", header: t("youths.list.columns.age"), cell: ({ row }) => format.number(row.original.age) },
      { id: "town", accessorKey: "town", header: t("youths.list.columns.town") },
      { id: "status", accessorKey: "status", header: t("youths.list.columns.status"), cell: ({ row }) => t(`youths.statuses.${row.original.status}`) },
      {
        id: "waiting",
        accessorKey: "daysWaiting",
        header: t("youths.list.columns.waiting"),
        sortDescFirst: true,
        cell: ({ row }) => <WaitingDays days={row.original.daysWaiting} />,
      },
      {
        id: "afterHours",
        header: t("youths.list.columns.afterHours"),
        cell: ({ row }) => (row.original.afterHoursSupport ? t("youths.list.needsAfterHours") : t("youths.no")),
      },
      {
        id: "coordinator",
        accessorKey: "coordinatorName",
        header: t("youths.list.columns.coordinator"),
        cell: ({ row }) => row.original.coordinatorName ?? t("youths.list.unassigned"),
      },
    ],
    [t, format],
  );

  // The statuses are tabs that keep the other filters; a new one starts on page 1.
  const statusTabs = [
    { label: t("youths.list.all"), to: href({ status: null, page: null }), current: !query.status },
    ...youthStatuses.map((status) => ({ label: t(`youths.statuses.${status}`), to: href({ status, page: null }), current: query.status === status })),
  ];
  return (
    <>
      <h1>{t("youths.list.title")}</h1>
      <p className="font-lead">{t("youths.list.intro")}</p>
      <p>
        <ButtonLink to="/coordinator/youths/new" icon="plus">
          {t("youths.list.new")}
        </ButtonLink>
      </p>

      <Tabs label={t("youths.list.statusLabel")} tabs={statusTabs} />

      {/* GET: the filters become the URL, so a filtered list can be bookmarked and works without JavaScript. */}
      <Form method="get" role="search" aria-label={t("youths.list.filtersLabel")}>
        <input type="hidden" name="sort" value={query.sort} />
        <input type="hidden" name="dir" value={query.dir} />
        {query.status ? <input type="hidden" name="status" value={query.status} /> : null}
        <div className="row">
          <div className="col-12 col-lg-4">
            <SearchField value={query.q} hint={t("youths.list.searchHint")} />
          </div>
          <div className="col-12 col-sm-6 col-lg-4">
            <CoordinatorFilter value={query.coordinator} me={me} label={t("youths.list.columns.coordinator")} />
          </div>
          <div className="col-12 col-sm-6 col-lg-4">
            <Select
              key={`waiting-${query.waitingDays}`}
              name="waitingDays"
              label={t("youths.list.waiting")}
              hint={t("youths.list.waitingHint")}
              placeholder={t("youths.list.waitingAny")}
              options={waitingChoices.map((days) => ({ value: String(days), label: t("youths.list.waitingAtLeast", { days: format.number(days) }) }))}
              defaultValue={String(query.waitingDays)}
            />
          </div>
          <div className="col-12 col-sm-6 col-lg-4">
            <PageSizeSelect sizes={youthPageSizes} value={query.size} />
          </div>
        </div>
        <CheckboxField key={`after-hours-${query.afterHours}`} name="afterHours" value="1" label={t("youths.list.afterHours")} defaultChecked={query.afterHours === "1"} />
        <FilterActions filtered={filtered} resetTo={href({ q: null, status: null, coordinator: null, waitingDays: null, afterHours: null, page: null })} />
      </Form>

      <ResultCount {...query} total={total} shown={rows.length} one="youths.list.showingOne" many="youths.list.showing" />
      <DataTable
        columns={columns}
        data={rows}
        getRowId={(row) => row.id}
        caption={t("youths.list.caption")}
        captionHidden
        sort={query.sort}
        dir={query.dir}
        empty={t(filtered ? "youths.list.emptyFiltered" : "youths.list.empty")}
      />
      <Pagination page={query.page} pageCount={pageCount} hrefFor={pageHref} />
    </>
  );
}
