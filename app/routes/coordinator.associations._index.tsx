import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { AssociationStatusBadge } from "~/components/associations/StatusBadge";
import { FilterActions, listHref, pageBeyondEnd, pageRange, ResultCount, SearchField, useListHref, usePageHref } from "~/components/data-table";
import { Pagination, Table, Tabs } from "~/components/ui";
import { pageTitle } from "~/i18n/meta";
import { useFormat, useT } from "~/i18n/react";
import { listAssociations } from "~/modules/associations/review.server";
import { associationStatuses } from "~/modules/associations/types";
import { requirePermission } from "~/modules/auth/guards.server";
import { actorOf } from "~/request.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "associations.review.list.title");

export async function loader(args: LoaderFunctionArgs) {
  const user = await requirePermission(args, "read:association:any");
  const url = new URL(args.request.url);
  const result = await listAssociations(args.context.db, actorOf(args, user), Object.fromEntries(url.searchParams));
  if (!result) throw new Response("Forbidden", { status: 403 });
  const lastPage = pageBeyondEnd(result.query.page, result.size, result.total);
  if (lastPage !== null) throw redirect(listHref(url, { page: lastPage > 1 ? lastPage : null }));
  return result;
}

export default function CoordinatorAssociations() {
  const t = useT();
  const format = useFormat();
  const { rows, total, query, size } = useLoaderData<typeof loader>();
  const href = useListHref();
  const pageHref = usePageHref();
  const { pageCount } = pageRange(query.page, size, total);
  const filtered = Boolean(query.q || query.status);
  // The statuses are tabs that keep the search; a new one starts on page 1.
  const statusTabs = [
    { label: t("associations.review.list.all"), to: href({ status: null, page: null }), current: !query.status },
    ...associationStatuses.map((status) => ({ label: t(`associations.statuses.${status}`), to: href({ status, page: null }), current: query.status === status })),
  ];
  return (
    <>
      <h1>{t("associations.review.list.title")}</h1>
      <p className="font-lead">{t("associations.review.list.intro")}</p>
      <p>
        <Link to="/coordinator/tasks">{t("associations.review.list.tasksLink")}</Link>
      </p>
      <Tabs label={t("associations.review.list.statusLabel")} tabs={statusTabs} />

      {/* GET: the search becomes the URL, so it can be bookmarked and works without JavaScript. */}
      <Form method="get" role="search" aria-label={t("associations.review.list.filtersLabel")}>
        {query.status ? <input type="hidden" name="status" value={query.status} /> : null}
        <div className="row">
          <div className="col-12 col-md-6">
            <SearchField value={query.q} hint={t("associations.review.list.searchHint")} />
          </div>
        </div>
        <FilterActions filtered={filtered} resetTo={href({ q: null, status: null, page: null })} />
      </Form>

      <ResultCount page={query.page} size={size} total={total} shown={rows.length} one="associations.review.list.showingOne" many="associations.review.list.showing" />
      {rows.length === 0 ? (
        <p className="font-lead">{t(filtered ? "associations.review.list.emptyFiltered" : "associations.review.list.empty")}</p>
      ) : (
        <Table caption={t("associations.review.list.caption")} captionHidden>
          <thead>
            <tr>
              <th scope="col">{t("associations.review.list.columns.name")}</th>
              <th scope="col">{t("associations.review.list.columns.kind")}</th>
              <th scope="col">{t("associations.review.list.columns.town")}</th>
              <th scope="col">{t("associations.review.list.columns.status")}</th>
              <th scope="col">{t("associations.review.list.columns.registered")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <th scope="row">
                  <Link to={`/coordinator/associations/${row.id}`}>{row.name}</Link>
                </th>
                <td>{t(`associations.kinds.${row.kind}`)}</td>
                <td>{row.town}</td>
                <td>
                  <AssociationStatusBadge status={row.status} />
                  {row.publishesDirectly ? <span className="d-block form-hint">{t("associations.review.list.publishesDirectly")}</span> : null}
                </td>
                <td>{format.date(row.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <Pagination page={query.page} pageCount={pageCount} hrefFor={pageHref} />
    </>
  );
}
