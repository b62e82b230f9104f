import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { AuditEventTable } from "~/components/data-table/AuditEventTable";
import { FilterActions, PageSizeSelect, ResultCount, listHref, pageBeyondEnd, pageRange, usePageHref } from "~/components/data-table";
import { Pagination, TextField } from "~/components/ui";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import { audit } from "~/modules/audit/audit.server";
import { activeAuditFilters, auditPageSizes, listAuditEvents, parseAuditLogQuery } from "~/modules/audit/audit-log.server";
import { requirePermission } from "~/modules/auth/guards.server";
import { auditOrigin } from "~/request.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "admin.audit.title");

export async function loader(args: LoaderFunctionArgs) {
  const admin = await requirePermission(args, "read:audit:any");
  const url = new URL(args.request.url);
  const query = parseAuditLogQuery(url.searchParams);
  const { db } = args.context;
  // Reading the trail is itself on the trail: who looked, and for what.
  const [{ rows, total }] = await Promise.all([
    listAuditEvents(db, query),
    audit(db, auditOrigin(args, admin.id), {
      action: "audit.viewed",
      details: { filters: activeAuditFilters(query), page: query.page },
    }),
  ]);
  const lastPage = pageBeyondEnd(query.page, query.size, total);
  if (lastPage !== null) throw redirect(listHref(url, { page: lastPage > 1 ? lastPage : null }));
  // Page sizes travel with the data: the component must not import the server module.
  return { query, rows, total, pageSizes: auditPageSizes, filtered: Object.keys(activeAuditFilters(query)).length > 0 };
}

export default function AdminAudit() {
  const t = useT();
  const { query, rows, total, pageSizes, filtered } = useLoaderData<typeof loader>();
  const pageHref = usePageHref();
  const { pageCount } = pageRange(query.page, query.size, total);

  return (
    <>
      <h1>{t("admin.audit.title")}</h1>
      <p className="font-lead">{t("admin.audit.intro")}</p>

      <Form method="get" role="search" aria-label={t("admin.audit.filtersLabel")}>
        <div className="row">
          <div className="col-12 col-md-6 col-lg-4">
            <TextField
              key={`action-${query.action}`}
              name="action"
              label={t("admin.audit.filters.action")}
              hint={t("admin.audit.filters.actionHint")}
              defaultValue={query.action}
              maxLength={100}
              spellCheck={false}
            />
          </div>
          <div className="col-12 col-md-6 col-lg-4">
            <TextField
              key={`actor-${query.actor}`}
              name="actor"
              label={t("admin.audit.filters.actor")}
              hint={t("admin.audit.filters.actorHint")}
              defaultValue={query.actor}
              maxLength={36}
              spellCheck={false}
            />
          </div>
          <div className="col-12 col-md-6 col-lg-4">
            <TextField
              key={`subject-${query.subject}`}
              name="subject"
              label={t("admin.audit.filters.subject")}
              hint={t("admin.audit.filters.subjectHint")}
              defaultValue={query.subject}
              maxLength={200}
              spellCheck={false}
            />
          </div>
          <div className="col-12 col-sm-6 col-lg-4">
            <TextField key={`from-${query.from}`} name="from" type="date" label={t("admin.audit.filters.from")} defaultValue={query.from} />
          </div>
          <div className="col-12 col-sm-6 col-lg-4">
            <TextField key={`to-${query.to}`} name="to" type="date" label={t("admin.audit.filters.to")} defaultValue={query.to} />
          </div>
          <div className="col-12 col-sm-6 col-lg-4">
            <PageSizeSelect sizes={pageSizes} value={query.size} />
          </div>
        </div>
        <FilterActions filtered={filtered} resetTo="/admin/audit" />
      </Form>

      <ResultCount {...query} total={total} shown={rows.length} one="admin.audit.showingOne" many="admin.audit.showing" />
      <AuditEventTable
        events={rows}
        caption={t("admin.audit.caption")}
        captionHidden
        empty={t(filtered ? "admin.audit.emptyFiltered" : "admin.audit.empty")}
      />
      <Pagination page={query.page} pageCount={pageCount} hrefFor={pageHref} />
    </>
  );
}

