import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import type { ColumnDef } from "@tanstack/react-table";
import { useMemo } from "react";
import { CoordinatorFilter, DataTable, FilterActions, listHref, pageBeyondEnd, pageRange, PageSizeSelect, ResultCount, SearchField, useListHref, usePageHref } from "~/components/data-table";
import { Pagination, Select, Tabs, TextField } from "~/components/ui";
import { pageTitle } from "~/i18n/meta";
import { useFormat, useT } from "~/i18n/react";
import { requirePermission } from "~/modules/auth/guards.server";
import { listPipeline } from "~/modules/volunteers/coordinator.server";
import { parsePipelineQuery, pipelinePageSizes, pipelineQuickFilters } from "~/modules/volunteers/schemas";
import { mentorKinds } from "~/modules/volunteers/types";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "vetting.pipeline.title");

export async function loader(args: LoaderFunctionArgs) {
  const user = await requirePermission(args, "read:vetting:any");
  const url = new URL(args.request.url);
  const query = parsePipelineQuery(url.searchParams);
  const actor = { id: user.id, role: user.role, requestId: args.context.requestId, ip: args.context.ip };
  // The search itself is audited inside the module (`vetting.searched`).
  const result = await listPipeline(args.context.db, actor, query);
  if (!result) throw new Response("Forbidden", { status: 403 });
  const lastPage = pageBeyondEnd(query.page, query.size, result.total);
  if (lastPage !== null) throw redirect(listHref(url, { page: lastPage > 1 ? lastPage : null }));
  return { query, rows: result.rows, total: result.total, me: user.id };
}

type PipelineRow = Awaited<ReturnType<typeof loader>>["rows"][number];

/** The statuses the pipeline can filter by: drafts are never listed. */
const statuses = ["submitted", "approved", "paused", "rejected", "withdrawn", "expired"] as const;

export default function CoordinatorVolunteers() {
  const t = useT();
  const format = useFormat();
  const location = useLocation();
  const { query, rows, total, me } = useLoaderData<typeof loader>();
  const pageHref = usePageHref();
  const href = useListHref();
  const { pageCount } = pageRange(query.page, query.size, total);
  const filtered = Boolean(query.q || query.status || query.kind || query.town || query.coordinator || query.quick);

  const columns = useMemo<ColumnDef<PipelineRow>[]>(
    () => [
      {
        id: "name",
        header: t("vetting.pipeline.columns.name"),
        enableSorting: false,
        cell: ({ row }) => <Link to={`/coordinator/volunteers/${row.original.id}`}>{row.original.name}</Link>,
        meta: { rowHeader: true },
      },
      {
        id: "status",
        accessorKey: "status",
        header: t("vetting.pipeline.columns.status"),
        cell: ({ row }) => t(`vetting.statuses.${row.original.status}`),
      },
      {
        id: "kind",
        accessorKey: "kind",
        header: t("vetting.pipeline.columns.kind"),
        cell: ({ row }) => t(`vetting.kinds.${row.original.kind}`),
      },
      { id: "town", accessorKey: "town", header: t("vetting.pipeline.columns.town") },
      {
        id: "daysWaiting",
        accessorKey: "daysWaiting",
        header: t("vetting.pipeline.columns.daysWaiting"),
        sortDescFirst: true,
        cell: ({ row }) =>
          row.original.daysWaiting === 1
            ? t("vetting.pipeline.oneDay")
            : t("vetting.pipeline.days", { days: format.number(row.original.daysWaiting) }),
      },
      {
        id: "progress",
        accessorFn: (row) => row.checksPassed,
        header: t("vetting.pipeline.columns.progress"),
        sortDescFirst: true,
        cell: ({ row }) =>
          t("vetting.pipeline.progress", {
            passed: format.number(row.original.checksPassed),
            required: format.number(row.original.checksRequired),
          }),
      },
      {
        id: "nextStep",
        accessorKey: "nextStep",
        header: t("vetting.pipeline.columns.nextStep"),
        cell: ({ row }) => (row.original.nextStep ? t(`vetting.steps.${row.original.nextStep}`) : t("vetting.pipeline.nothingNext")),
      },
      {
        id: "coordinator",
        accessorKey: "coordinatorName",
        header: t("vetting.pipeline.columns.coordinator"),
        cell: ({ row }) => row.original.coordinatorName ?? t("vetting.pipeline.unassigned"),
      },
    ],
    [t, format],
  );

  // Quick filters are links that keep the other filters; a new quick filter starts on page 1.
  const quickTabs = [
    { label: t("vetting.pipeline.quick.all"), to: href({ quick: null, page: null }), current: !query.quick },
    ...pipelineQuickFilters.map((quick) => ({
      label: t(`vetting.pipeline.quick.${quick}`),
      to: href({ quick, page: null }),
      current: query.quick === quick,
    })),
  ];
  // The same filter and sort, without the paging: the file holds every matching row.
  const csvHref = listHref({ pathname: "/coordinator/volunteers/csv", search: location.search }, { page: null, size: null });

  return (
    <>
      <h1>{t("vetting.pipeline.title")}</h1>
      <p className="font-lead">{t("vetting.pipeline.intro")}</p>

      <Tabs label={t("vetting.pipeline.quickLabel")} tabs={quickTabs} />

      {/* GET: the filters become the URL, so a filtered list can be bookmarked and works without JavaScript. */}
      <Form method="get" role="search" aria-label={t("vetting.pipeline.filtersLabel")}>
        <input type="hidden" name="sort" value={query.sort} />
        <input type="hidden" name="dir" value={query.dir} />
        {query.quick ? <input type="hidden" name="quick" value={query.quick} /> : null}
        <div className="row">
          <div className="col-12 col-lg-4">
            <SearchField value={query.q} hint={t("vetting.pipeline.searchHint")} />
          </div>
          <div className="col-12 col-sm-6 col-lg-4">
            <TextField
              key={`town-${query.town}`}
              name="town"
              label={t("vetting.pipeline.columns.town")}
              hint={t("vetting.pipeline.townHint")}
              defaultValue={query.town}
              maxLength={80}
            />
          </div>
          <div className="col-12 col-sm-6 col-lg-4">
            <CoordinatorFilter value={query.coordinator} me={me} label={t("vetting.pipeline.columns.coordinator")} />
          </div>
          <div className="col-12 col-sm-6 col-lg-4">
            <Select
              key={`status-${query.status}`}
              name="status"
              label={t("vetting.pipeline.columns.status")}
              placeholder={t("vetting.pipeline.allStatuses")}
              options={statuses.map((status) => ({ value: status, label: t(`vetting.statuses.${status}`) }))}
              defaultValue={query.status}
            />
          </div>
          <div className="col-12 col-sm-6 col-lg-4">
            <Select
              key={`kind-${query.kind}`}
              name="kind"
              label={t("vetting.pipeline.columns.kind")}
              placeholder={t("vetting.pipeline.allKinds")}
              options={mentorKinds.map((kind) => ({ value: kind, label: t(`vetting.kinds.${kind}`) }))}
              defaultValue={query.kind}
            />
          </div>
          <div className="col-12 col-sm-6 col-lg-4">
            <PageSizeSelect sizes={pipelinePageSizes} value={query.size} />
          </div>
        </div>
        <FilterActions
          filtered={filtered}
          resetTo={href({ q: null, status: null, kind: null, town: null, coordinator: null, quick: null, page: null })}
        />
      </Form>

      <ResultCount {...query} total={total} shown={rows.length} one="vetting.pipeline.showingOne" many="vetting.pipeline.showing" />
      <DataTable
        columns={columns}
        data={rows}
        getRowId={(row) => row.id}
        caption={t("vetting.pipeline.caption")}
        captionHidden
        sort={query.sort}
        dir={query.dir}
        empty={t(filtered ? "vetting.pipeline.emptyFiltered" : "vetting.pipeline.empty")}
      />
      <Pagination page={query.page} pageCount={pageCount} hrefFor={pageHref} />

      {total > 0 ? (
        <p className="mt-7">
          {/* A document, not a route change: reloadDocument lets the browser download it. */}
          <Link to={csvHref} reloadDocument>
            {t("vetting.pipeline.export")}
          </Link>
          <br />
          <span className="form-hint">{t("vetting.pipeline.exportHint")}</span>
        </p>
      ) : null}
    </>
  );
}
