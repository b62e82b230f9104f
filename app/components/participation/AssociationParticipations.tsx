import { Link } from "@remix-run/react";
import type { ColumnDef } from "@tanstack/react-table";
import { useCallback, useMemo } from "react";
import { DataTable } from "~/components/data-table";
import { useFormat, useT } from "~/i18n/react";
import type { ParticipationStatus } from "#db/schema";

/** A proposal in the association's lists: the youth's first name and age, never more of the youth. */
export type AssociationRow = {
  id: string;
  status: ParticipationStatus;
  proposedAt: Date | string;
  taskTitle: string;
  youthFirstName: string;
  youthAge: number;
  proposedByName: string | null;
  proposerRole: "coordinator" | "mentor" | null;
};

/** "Karin Koordinator (koordinator)", or a former user when the proposer's account is gone. */
export function useProposer() {
  const t = useT();
  return useCallback(
    (row: Pick<AssociationRow, "proposedByName" | "proposerRole">) =>
      row.proposedByName && row.proposerRole
        ? t("participation.association.list.proposer", { name: row.proposedByName, role: t(`participation.proposerRoles.${row.proposerRole}`) })
        : t("participation.association.list.unknownProposer"),
    [t],
  );
}

type Props = { id: string; heading: string; rows: AssociationRow[]; empty: string; showStatus?: boolean };

/** One of the association's lists (waiting, taking part, ended) under its heading; on a phone each row is a card. */
export function AssociationParticipations({ id, heading, rows, empty, showStatus = false }: Props) {
  const t = useT();
  const format = useFormat();
  const proposer = useProposer();
  const columns = useMemo<ColumnDef<AssociationRow>[]>(
    () => [
      {
        id: "youth",
        header: t("participation.association.list.columns.youth"),
        cell: ({ row }) => (
          <Link to={`/association/proposals/${row.original.id}`}>
            {row.original.youthFirstName}, {t("participation.age", { age: format.number(row.original.youthAge) })}
          </Link>
        ),
        meta: { rowHeader: true },
      },
      { id: "task", header: t("participation.association.list.columns.task"), cell: ({ row }) => row.original.taskTitle },
      { id: "proposedBy", header: t("participation.association.list.columns.proposedBy"), cell: ({ row }) => proposer(row.original) },
      { id: "date", header: t("participation.association.list.columns.date"), cell: ({ row }) => format.date(row.original.proposedAt) },
      ...(showStatus
        ? [{ id: "status", header: t("participation.association.list.columns.status"), cell: ({ row }) => t(`participation.statuses.${row.original.status}`) } satisfies ColumnDef<AssociationRow>]
        : []),
    ],
    [t, format, proposer, showStatus],
  );
  return (
    <section aria-labelledby={id} className="mt-8">
      <h2 id={id}>{heading}</h2>
      <DataTable columns={columns} data={rows} getRowId={(row) => row.id} caption={heading} captionHidden stackOnPhone compact empty={empty} />
    </section>
  );
}
