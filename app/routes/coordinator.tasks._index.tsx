import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { ColumnDef } from "@tanstack/react-table";
import { useMemo } from "react";
import { DataTable } from "~/components/data-table";
import { pageTitle } from "~/i18n/meta";
import { useFormat, useT } from "~/i18n/react";
import { requirePermission } from "~/modules/auth/guards.server";
import { listTasksAwaitingApproval } from "~/modules/associations/tasks.server";
import { actorOf } from "~/request.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "tasks.coordinator.title");

export async function loader(args: LoaderFunctionArgs) {
  const user = await requirePermission(args, "read:association:any");
  return { tasks: (await listTasksAwaitingApproval(args.context.db, actorOf(args, user))) ?? [] };
}

type Row = Awaited<ReturnType<typeof loader>>["tasks"][number];

export default function TasksAwaitingApproval() {
  const t = useT();
  const format = useFormat();
  const { tasks } = useLoaderData<typeof loader>();
  const ready = tasks.filter((task) => task.associationStatus === "approved").length;

  const columns = useMemo<ColumnDef<Row>[]>(
    () => [
      {
        id: "title",
        header: t("tasks.coordinator.columns.title"),
        cell: ({ row }) => (
          <>
            <Link to={`/coordinator/tasks/${row.original.id}`}>{row.original.title}</Link>
            {row.original.involvesChildren ? (
              <>
                <br />
                <span className="badge badge-warning mt-2">{t("tasks.text.children")}</span>
              </>
            ) : null}
          </>
        ),
        meta: { rowHeader: true },
      },
      {
        id: "association",
        header: t("tasks.coordinator.columns.association"),
        cell: ({ row }) => (
          <>
            <Link to={`/coordinator/associations/${row.original.associationId}`}>{row.original.associationName}</Link>
            {row.original.associationStatus === "approved" ? null : (
              <>
                <br />
                <span className="badge mt-2">{t("tasks.coordinator.associationPending")}</span>
              </>
            )}
          </>
        ),
      },
      { id: "town", header: t("tasks.coordinator.columns.town"), cell: ({ row }) => row.original.town },
      {
        id: "submitted",
        header: t("tasks.coordinator.columns.submitted"),
        cell: ({ row }) => (row.original.submittedAt ? format.date(row.original.submittedAt) : null),
      },
    ],
    [t, format],
  );

  return (
    <>
      <h1>{t("tasks.coordinator.title")}</h1>
      <p className="font-lead">{t("tasks.coordinator.intro")}</p>
      {ready > 0 ? <p>{ready === 1 ? t("tasks.coordinator.countOne") : t("tasks.coordinator.count", { count: format.number(ready) })}</p> : null}
      <DataTable columns={columns} data={tasks} getRowId={(row) => row.id} caption={t("tasks.coordinator.caption")} captionHidden stackOnPhone empty={t("tasks.coordinator.empty")} />
    </>
  );
}
