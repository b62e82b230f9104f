import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { ColumnDef } from "@tanstack/react-table";
import { useMemo, type ReactNode } from "react";
import { useCourseText } from "~/components/courses/use-course-text";
import { DataTable } from "~/components/data-table";
import { ButtonLink } from "~/components/ui";
import { pageTitle } from "~/i18n/meta";
import { useFormat, useT } from "~/i18n/react";
import { forbidden, requirePermission } from "~/modules/auth/guards.server";
import { listMyBookings } from "~/modules/courses/catalogue.server";
import { actorOf } from "~/request.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "courses.mine.title");

export async function loader(args: LoaderFunctionArgs) {
  const user = await requirePermission(args, "read:booking:own");
  const bookings = await listMyBookings(args.context.db, actorOf(args, user));
  if (!bookings) forbidden();
  return bookings;
}

type Bookings = Awaited<ReturnType<typeof loader>>;
type Upcoming = Bookings["upcoming"][number];
type Past = Bookings["past"][number];

/** The columns both tables share: the course (a link to its page), when and where. */
function useSessionColumns<T extends Past>() {
  const t = useT();
  const format = useFormat();
  const text = useCourseText();
  return useMemo<ColumnDef<T>[]>(
    () => [
      {
        id: "course",
        header: t("courses.mine.columns.course"),
        cell: ({ row }) => <Link to={`/courses/${row.original.sessionId}`}>{row.original.title}</Link>,
        meta: { rowHeader: true },
      },
      { id: "when", header: t("courses.mine.columns.when"), cell: ({ row }) => format.dateTimeRange(row.original.startsAt, row.original.endsAt) },
      { id: "place", header: t("courses.mine.columns.place"), cell: ({ row }) => text.place(row.original) },
    ],
    [t, format, text],
  );
}

export default function MyCourses() {
  const t = useT();
  const format = useFormat();
  const text = useCourseText();
  const { upcoming, past, trainingMinutes } = useLoaderData<typeof loader>();
  const sessionColumns = useSessionColumns<Upcoming>();
  const pastSessionColumns = useSessionColumns<Past>();

  const upcomingColumns = useMemo<ColumnDef<Upcoming>[]>(
    () => [
      ...sessionColumns,
      {
        id: "status",
        header: t("courses.mine.columns.status"),
        cell: ({ row }) => {
          const booking = row.original;
          if (booking.status === "waitlisted") return t("courses.mine.waitlisted", { position: format.number(booking.position ?? 1) });
          if (booking.status === "offered" && booking.offerExpiresAt) return t("courses.mine.offered", { time: format.dateTime(booking.offerExpiresAt) });
          return t(`courses.statuses.${booking.status}`);
        },
      },
      {
        id: "calendar",
        header: t("courses.mine.columns.calendar"),
        cell: ({ row }) =>
          row.original.status === "confirmed" ? (
            // A document, not a route change: reloadDocument lets the browser download it.
            <Link to={`/my-courses/${row.original.bookingId}.ics`} reloadDocument aria-label={t("courses.mine.calendarFileFor", { title: row.original.title })}>
              {t("courses.mine.calendarFile")}
            </Link>
          ) : null,
      },
    ],
    [sessionColumns, t, format],
  );

  const pastColumns = useMemo<ColumnDef<Past>[]>(
    () => [
      ...pastSessionColumns,
      {
        id: "status",
        header: t("courses.mine.columns.status"),
        // A seat kept to the end says whether the person came; an ended booking says why it ended.
        cell: ({ row }) => {
          const { status, endReason, attendance } = row.original;
          if (status === "confirmed") return t(`courses.attendance.${attendance ?? "unmarked"}`);
          return endReason ? t(`courses.endReasons.${endReason}`) : t(`courses.statuses.${status}`);
        },
      },
    ],
    [pastSessionColumns, t],
  );

  return (
    <div className="row">
      <div className="col-12 col-xl-10">
        <h1>{t("courses.mine.title")}</h1>
        <p className="font-lead">{t("courses.mine.intro")}</p>

        <section aria-labelledby="hours">
          <h2 id="hours">{t("courses.mine.hoursHeading")}</h2>
          <p>{trainingMinutes > 0 ? t("courses.mine.hoursTotal", { hours: text.hours(trainingMinutes) }) : t("courses.mine.hoursNone")}</p>
        </section>

        <BookingsSection id="upcoming" heading={t("courses.mine.upcomingHeading")} columns={upcomingColumns} data={upcoming} empty={t("courses.mine.upcomingEmpty")}>
          <ButtonLink to="/courses" variant="secondary" className="mt-5">
            {t("courses.mine.findCourses")}
          </ButtonLink>
        </BookingsSection>
        <BookingsSection id="past" heading={t("courses.mine.pastHeading")} columns={pastColumns} data={past} empty={t("courses.mine.pastEmpty")} />
      </div>
    </div>
  );
}

/** One list of bookings under its heading; on a phone each booking is a card. */
function BookingsSection<T extends Past>(props: { id: string; heading: string; columns: ColumnDef<T>[]; data: T[]; empty: string; children?: ReactNode }) {
  return (
    <section aria-labelledby={props.id} className="mt-8">
      <h2 id={props.id}>{props.heading}</h2>
      <DataTable
        columns={props.columns}
        data={props.data}
        getRowId={(row) => row.bookingId}
        caption={props.heading}
        captionHidden
        stackOnPhone
        compact
        empty={props.empty}
      />
      {props.children}
    </section>
  );
}
