import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { ColumnDef } from "@tanstack/react-table";
import { useMemo } from "react";
import { DataTable } from "~/components/data-table";
import { TaskStatusBadge } from "~/components/tasks/task-text";
import { Alert, ButtonLink } from "~/components/ui";
import { pageTitle } from "~/i18n/meta";
import { useFormat, useT } from "~/i18n/react";
import { requirePermission } from "~/modules/auth/guards.server";
import { listOwnTasks } from "~/modules/associations/tasks.server";
import { actorOf } from "~/request.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "tasks.own.title");

export async function loader(args: LoaderFunctionArgs) {
  const user = await requirePermission(args, "read:association:own");
  return { own: await listOwnTasks(args.context.db, actorOf(args, user)) };
}

type Row = NonNullable<Awaited<ReturnType<typeof loader>>["own"]>["tasks"][number];

export default function OwnTasks() {
  const t = useT();
  const format = useFormat();
  const { own } = useLoaderData<typeof loader>();

  const columns = useMemo<ColumnDef<Row>[]>(
    () => [
      {
        id: "title",
        header: t("tasks.own.columns.title"),
        cell: ({ row }) => <Link to={`/association/tasks/${row.original.id}`}>{row.original.title}</Link>,
        meta: { rowHeader: true },
      },
      { id: "status", header: t("tasks.own.columns.status"), cell: ({ row }) => <TaskStatusBadge status={row.original.status} /> },
      {
        id: "places",
        header: t("tasks.own.columns.places"),
        cell: ({ row }) => t("tasks.own.placesTaken", { taken: format.number(row.original.placesTaken), places: format.number(row.original.places) }),
      },
      { id: "expires", header: t("tasks.own.columns.expires"), cell: ({ row }) => format.date(row.original.expiresOn) },
    ],
    [t, format],
  );

  if (!own) {
    return (
      <>
        <h1>{t("tasks.own.title")}</h1>
        <Alert variant="warning">
          <p>{t("tasks.own.noAssociation")}</p>
        </Alert>
      </>
    );
  }
  const { association, tasks } = own;
  const inactive = association.status === "rejected" || association.status === "suspended";
  const direct = association.status === "approved" && association.publishesDirectly;
  return (
    <>
      <h1>{t("tasks.own.title")}</h1>
      <p className="font-lead">{association.name}</p>
      <p>{t(direct ? "tasks.own.introDirect" : "tasks.own.intro")}</p>
      {association.status === "pending" ? (
        <Alert variant="info">
          <p>{t("tasks.own.pending")}</p>
        </Alert>
      ) : null}
      {inactive ? (
        <Alert variant="warning">
          <p>{t("tasks.own.inactive")}</p>
        </Alert>
      ) : (
        <p>
          <ButtonLink to="/association/tasks/new" icon="plus">
            {t("tasks.own.new")}
          </ButtonLink>
        </p>
      )}
      <DataTable columns={columns} data={tasks} getRowId={(row) => row.id} caption={t("tasks.own.caption")} captionHidden stackOnPhone empty={t("tasks.own.empty")} />
    </>
  );
}
