import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import type { ColumnDef } from "@tanstack/react-table";
import { useMemo } from "react";
import { useCourseText } from "~/components/courses/use-course-text";
import { DataTable, FilterActions, PageSizeSelect, ResultCount, listHref, pageBeyondEnd, pageRange, useListHref, usePageHref } from "~/components/data-table";
import { Alert, CheckboxField, Pagination, Select } from "~/components/ui";
import { publicPageHeaders } from "~/http-cache";
import { pageTitle } from "~/i18n/meta";
import { useFormat, useT } from "~/i18n/react";
import { getCurrentUser } from "~/modules/auth/guards.server";
import { can } from "~/modules/auth/permissions";
import { listCatalogue, listCatalogueTowns } from "~/modules/courses/catalogue.server";
import { cataloguePageSizes } from "~/modules/courses/schemas";
import { neededCourseIds } from "~/modules/courses/training.server";
import { courseKinds } from "~/modules/courses/types";
import { addMonths, copenhagenToday } from "~/modules/volunteers/dates";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "courses.catalogue.title");

// The same for every visitor: the shared page cache keeps it, and never a logged-in person's copy (ADR 0008).
export const headers = publicPageHeaders;

/** The month filter offers the coming year, from this month in Copenhagen. */
function monthsAhead(now: Date) {
  const first = `${copenhagenToday(now).slice(0, 7)}-01`;
  return Array.from({ length: 12 }, (_, index) => addMonths(first, index).slice(0, 7));
}

export async function loader(args: LoaderFunctionArgs) {
  const url = new URL(args.request.url);
  const user = await getCurrentUser(args);
  // Only volunteers have courses they still need; for anyone else the page is the visitors' one.
  const volunteerId = user && can(user.role, "read:booking:own") ? user.id : null;
  const { db } = args.context;
  const now = new Date();
  const [result, towns, needed] = await Promise.all([
    listCatalogue(db, Object.fromEntries(url.searchParams), { now, userId: volunteerId }),
    listCatalogueTowns(db, { now }),
    volunteerId ? neededCourseIds(db, volunteerId) : Promise.resolve([]),
  ]);
  const { query, rows, total } = result;
  const lastPage = pageBeyondEnd(query.page, query.size, total);
  if (lastPage !== null) throw redirect(listHref(url, { page: lastPage > 1 ? lastPage : null }));
  const months = monthsAhead(now);
  return {
    query,
    total,
    rows: rows.map((row) => ({ ...row, needed: row.required && needed.includes(row.courseId) })),
    towns: query.place && query.place !== "online" && !towns.includes(query.place) ? [...towns, query.place] : towns,
    months: query.month && !months.includes(query.month) ? [query.month, ...months] : months,
    viewer: user ? { volunteer: Boolean(volunteerId), needsCourses: needed.length > 0 } : null,
  };
}

type CatalogueRow = Awaited<ReturnType<typeof loader>>["rows"][number];

export default function CourseCatalogue() {
  const t = useT();
  const format = useFormat();
  const text = useCourseText();
  const { query, rows, total, towns, months, viewer } = useLoaderData<typeof loader>();
  const href = useListHref();
  const pageHref = usePageHref();
  const { pageCount } = pageRange(query.page, query.size, total);
  const filtered = Boolean(query.kind || query.month || query.place || query.needed);
  const volunteer = viewer?.volunteer ?? false;

  const columns = useMemo<ColumnDef<CatalogueRow>[]>(
    () => [
      {
        id: "course",
        header: t("courses.catalogue.columns.course"),
        cell: ({ row }) => (
          <>
            <Link to={`/courses/${row.original.sessionId}`}>{row.original.title}</Link>
            {row.original.needed ? (
              <>
                <br />
                <span className="badge badge-info mt-2">{t("courses.needed")}</span>
              </>
            ) : null}
          </>
        ),
        meta: { rowHeader: true },
      },
      { id: "kind", header: t("courses.catalogue.columns.kind"), cell: ({ row }) => t(`courses.kinds.${row.original.kind}`) },
      {
        id: "when",
        header: t("courses.catalogue.columns.when"),
        cell: ({ row }) => format.dateTimeRange(row.original.startsAt, row.original.endsAt),
      },
      { id: "place", header: t("courses.catalogue.columns.place"), cell: ({ row }) => text.place({ online: row.original.online, town: row.original.town }) },
      { id: "seats", header: t("courses.catalogue.columns.seats"), cell: ({ row }) => text.seats(row.original) },
      ...(volunteer
        ? [
            {
              id: "mine",
              header: t("courses.catalogue.columns.mine"),
              cell: ({ row }) => (row.original.myStatus ? t(`courses.statuses.${row.original.myStatus}`) : null),
            } satisfies ColumnDef<CatalogueRow>,
          ]
        : []),
    ],
    [t, format, text, volunteer],
  );

  const empty = query.needed && volunteer ? (viewer?.needsCourses ? "courses.catalogue.emptyNeeded" : "courses.catalogue.noneNeeded") : filtered ? "courses.catalogue.emptyFiltered" : "courses.catalogue.empty";

  return (
    <>
      <h1>{t("courses.catalogue.title")}</h1>
      <p className="font-lead">{t("courses.catalogue.intro")}</p>
      {volunteer ? (
        <p>
          <Link to="/my-courses">{t("courses.catalogue.mineLink")}</Link>
        </p>
      ) : null}
      {query.needed && !viewer ? (
        <Alert variant="info">
          <p>
            <Link to={`/login?redirectTo=${encodeURIComponent(href({}))}`}>{t("courses.catalogue.neededLogin")}</Link>
          </p>
        </Alert>
      ) : null}

      {/* GET: the filters become the URL, so a filtered list can be bookmarked and works without JavaScript. */}
      <Form method="get" role="search" aria-label={t("courses.catalogue.filtersLabel")}>
        <div className="row">
          <div className="col-12 col-sm-6 col-lg-3">
            <Select
              key={`kind-${query.kind}`}
              name="kind"
              label={t("courses.catalogue.kind")}
              placeholder={t("courses.catalogue.allKinds")}
              options={courseKinds.map((kind) => ({ value: kind, label: t(`courses.kinds.${kind}`) }))}
              defaultValue={query.kind}
            />
          </div>
          <div className="col-12 col-sm-6 col-lg-3">
            <Select
              key={`month-${query.month}`}
              name="month"
              label={t("courses.catalogue.month")}
              placeholder={t("courses.catalogue.allMonths")}
              // The middle of the month, so that no time zone moves it into the month before.
              options={months.map((month) => ({ value: month, label: format.month(`${month}-15T12:00:00Z`) }))}
              defaultValue={query.month}
            />
          </div>
          <div className="col-12 col-sm-6 col-lg-3">
            <Select
              key={`place-${query.place}`}
              name="place"
              label={t("courses.catalogue.place")}
              placeholder={t("courses.catalogue.allPlaces")}
              options={[...towns.map((town) => ({ value: town, label: town })), { value: "online", label: t("courses.online") }]}
              defaultValue={query.place}
            />
          </div>
          <div className="col-12 col-sm-6 col-lg-3">
            <PageSizeSelect sizes={cataloguePageSizes} value={query.size} />
          </div>
        </div>
        {volunteer ? (
          <CheckboxField
            key={`needed-${query.needed}`}
            name="needed"
            value="1"
            label={t("courses.catalogue.neededOnly")}
            hint={t("courses.catalogue.neededHint")}
            defaultChecked={query.needed === "1"}
          />
        ) : null}
        <FilterActions filtered={filtered} resetTo={href({ kind: null, month: null, place: null, needed: null, page: null })} />
      </Form>

      <ResultCount {...query} total={total} shown={rows.length} one="courses.catalogue.showingOne" many="courses.catalogue.showing" />
      <DataTable
        columns={columns}
        data={rows}
        getRowId={(row) => row.sessionId}
        caption={t("courses.catalogue.caption")}
        captionHidden
        stackOnPhone
        compact
        empty={t(empty)}
      />
      <Pagination page={query.page} pageCount={pageCount} hrefFor={pageHref} />
    </>
  );
}
