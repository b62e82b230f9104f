import { Link } from "@remix-run/react";
import type { ColumnDef } from "@tanstack/react-table";
import { useMemo, type ReactNode } from "react";
import { useFormat, useT } from "~/i18n/react";
import { DataTable } from "./DataTable";

/** An audit event as the audit log and a user's page show it (the actor's name joined in). */
export type AuditEventView = {
  id: number;
  occurredAt: Date;
  actorId: string | null;
  actorName: string | null;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  ip: string | null;
  requestId: string | null;
  details: unknown;
};

export type AuditEventTableProps = {
  events: AuditEventView[];
  caption: ReactNode;
  captionHidden?: boolean;
  empty: ReactNode;
};

function hasDetails(details: unknown): details is Record<string, unknown> {
  return typeof details === "object" && details !== null && Object.keys(details).length > 0;
}

/** The audit trail in a fixed order (newest first, as the query returns it): no sortable columns. */
export function AuditEventTable({ events, caption, captionHidden, empty }: AuditEventTableProps) {
  const t = useT();
  const format = useFormat();
  const columns = useMemo<ColumnDef<AuditEventView>[]>(
    () => [
      {
        id: "time",
        header: t("admin.audit.columns.time"),
        cell: ({ row }) => format.dateTime(row.original.occurredAt),
        meta: { rowHeader: true },
      },
      {
        id: "actor",
        header: t("admin.audit.columns.actor"),
        cell: ({ row }) => {
          const { actorId, actorName } = row.original;
          if (!actorId) return t("admin.audit.system");
          // The trail outlives accounts: an actor without a name is one whose account is gone.
          if (actorName === null) return t("admin.audit.deletedActor", { id: actorId });
          return <Link to={`/admin/users/${actorId}`}>{actorName}</Link>;
        },
      },
      {
        id: "action",
        header: t("admin.audit.columns.action"),
        cell: ({ row }) => <code>{row.original.action}</code>,
      },
      {
        id: "subject",
        header: t("admin.audit.columns.subject"),
        cell: ({ row }) => {
          const { subjectType, subjectId } = row.original;
          if (!subjectId) return null;
          if (subjectType === "user") return <Link to={`/admin/users/${subjectId}`}>{subjectId}</Link>;
          return subjectType ? `${subjectType}: ${subjectId}` : subjectId;
        },
      },
      { id: "ip", header: t("admin.audit.columns.ip"), cell: ({ row }) => row.original.ip },
      {
        id: "requestId",
        header: t("admin.audit.columns.requestId"),
        cell: ({ row }) => (row.original.requestId ? <code>{row.original.requestId}</code> : null),
      },
      {
        id: "details",
        header: t("admin.audit.columns.details"),
        cell: ({ row }) => (hasDetails(row.original.details) ? <code>{JSON.stringify(row.original.details)}</code> : null),
      },
    ],
    [t, format],
  );
  return (
    <DataTable
      columns={columns}
      data={events}
      getRowId={(event) => String(event.id)}
      caption={caption}
      captionHidden={captionHidden}
      empty={empty}
      compact
    />
  );
}
