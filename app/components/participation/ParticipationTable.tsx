import { Link } from "@remix-run/react";
import type { ColumnDef } from "@tanstack/react-table";
import { useMemo, type ReactNode } from "react";
import { DataTable } from "~/components/data-table";
import { useFormat, useT } from "~/i18n/react";
import type { ParticipationStatus } from "#db/schema";
import { useHours } from "./hours";

/** A youth's proposal or participation as the coordinator and the mentor follow it. */
export type YouthParticipationRow = {
  id: string;
  status: ParticipationStatus;
  proposedAt: Date | string;
  confirmedMinutes: number | null;
  declineReason: string | null;
  taskId: string;
  taskTitle: string;
  associationName: string;
  /** The association's contact person: only once the association has said yes. */
  contactName: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
};

type Props = {
  rows: YouthParticipationRow[];
  caption: string;
  empty: string;
  /** A last column with what can be done with a row, e.g. withdrawing a waiting proposal. */
  actions?: (row: YouthParticipationRow) => ReactNode;
};

/** The youth's tasks: the task, the association, where it stands, the hours and whom to call once accepted. */
export function ParticipationTable({ rows, caption, empty, actions }: Props) {
  const t = useT();
  const format = useFormat();
  const hours = useHours();
  const columns = useMemo<ColumnDef<YouthParticipationRow>[]>(
    () => [
      {
        id: "task",
        header: t("participation.youth.columns.task"),
        cell: ({ row }) => <Link to={`/tasks/${row.original.taskId}`}>{row.original.taskTitle}</Link>,
        meta: { rowHeader: true },
      },
      { id: "association", header: t("participation.youth.columns.association"), cell: ({ row }) => row.original.associationName },
      {
        id: "status",
        header: t("participation.youth.columns.status"),
        cell: ({ row }) => (
          <>
            {t(`participation.statuses.${row.original.status}`)}
            {row.original.declineReason ? <span className="d-block form-hint preformatted">{row.original.declineReason}</span> : null}
          </>
        ),
      },
      { id: "proposed", header: t("participation.youth.columns.proposed"), cell: ({ row }) => format.date(row.original.proposedAt) },
      {
        id: "hours",
        header: t("participation.youth.columns.hours"),
        cell: ({ row }) => (row.original.confirmedMinutes === null ? t("participation.youth.noHours") : hours(row.original.confirmedMinutes)),
      },
      { id: "contact", header: t("participation.youth.columns.contact"), cell: ({ row }) => <ContactPerson row={row.original} /> },
      ...(actions ? [{ id: "actions", header: t("participation.youth.columns.actions"), cell: ({ row }) => actions(row.original) } satisfies ColumnDef<YouthParticipationRow>] : []),
    ],
    [t, format, hours, actions],
  );
  return <DataTable columns={columns} data={rows} getRowId={(row) => row.id} caption={caption} captionHidden stackOnPhone compact empty={empty} />;
}

function ContactPerson({ row }: { row: YouthParticipationRow }) {
  const t = useT();
  if (!row.contactName) return <>{row.status === "proposed" ? t("participation.youth.noContact") : "–"}</>;
  return (
    <>
      {row.contactName}
      {row.contactPhone ? (
        <span className="d-block">
          <a href={`tel:${row.contactPhone.replace(/\s+/g, "")}`}>{row.contactPhone}</a>
        </span>
      ) : null}
      {row.contactEmail ? (
        <span className="d-block">
          <a href={`mailto:${row.contactEmail}`}>{row.contactEmail}</a>
        </span>
      ) : null}
    </>
  );
}
