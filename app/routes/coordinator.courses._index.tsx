import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { ColumnDef } from "@tanstack/react-table";
import { useMemo } from "react";
import { DataTable } from "~/components/data-table";
import { ButtonLink } from "~/components/ui";
import { hoursOf } from "~/forms/course-admin";
import { pageTitle } from "~/i18n/meta";
import { useFormat, useT } from "~/i18n/react";
import { requirePermission } from "~/modules/auth/guards.server";
import { can } from "~/modules/auth/permissions";
import { listCourses } from "~/modules/courses/catalogue.server";
import { actorOf } from "~/request.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "courseAdmin.list.title");

export async function loader(args: LoaderFunctionArgs) {
  const user = await requirePermission(args, "read:course:any");
  const courses = await listCourses(args.context.db, actorOf(args, user));
  if (!courses) throw new Response("Forbidden", { status: 403 });
  return { courses, canEditSettings: can(user.role, "update:course-settings:any") };
}

type CourseRow = Awaited<ReturnType<typeof loader>>["courses"][number];

export default function CoordinatorCourses() {
  const t = useT();
  const format = useFormat();
  const { courses, canEditSettings } = useLoaderData<typeof loader>();

  const columns = useMemo<ColumnDef<CourseRow>[]>(
    () => [
      {
        id: "title",
        header: t("courseAdmin.list.columns.title"),
        cell: ({ row }) => <Link to={`/coordinator/courses/${row.original.id}`}>{row.original.title}</Link>,
        meta: { rowHeader: true },
      },
      { id: "kind", header: t("courseAdmin.list.columns.kind"), cell: ({ row }) => t(`courseAdmin.kinds.${row.original.kind}`) },
      {
        id: "required",
        header: t("courseAdmin.list.columns.required"),
        cell: ({ row }) => t(row.original.required ? "courseAdmin.yes" : "courseAdmin.no"),
      },
      {
        id: "hours",
        header: t("courseAdmin.list.columns.hours"),
        cell: ({ row }) => format.number(hoursOf(row.original.trainingMinutes)),
      },
      {
        id: "upcoming",
        header: t("courseAdmin.list.columns.upcoming"),
        cell: ({ row }) => format.number(row.original.upcomingSessions),
      },
      {
        id: "next",
        header: t("courseAdmin.list.columns.next"),
        cell: ({ row }) => (row.original.nextSession ? format.dateTime(row.original.nextSession) : t("courseAdmin.list.noNext")),
      },
    ],
    [t, format],
  );

  return (
    <>
      <h1>{t("courseAdmin.list.title")}</h1>
      <p className="font-lead">{t("courseAdmin.list.intro")}</p>
      <p>
        <ButtonLink to="/coordinator/courses/new" icon="plus">
          {t("courseAdmin.list.new")}
        </ButtonLink>
      </p>
      <DataTable
        columns={columns}
        data={courses}
        getRowId={(row) => row.id}
        caption={t("courseAdmin.list.caption")}
        captionHidden
        empty={t("courseAdmin.list.empty")}
      />
      {canEditSettings ? (
        <p className="mt-7">
          <Link to="/admin/course-settings">{t("courseAdmin.settings.title")}</Link>
          <br />
          <span className="form-hint">{t("courseAdmin.list.settingsHint")}</span>
        </p>
      ) : null}
    </>
  );
}
