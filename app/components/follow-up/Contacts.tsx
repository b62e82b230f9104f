import type { ColumnDef } from "@tanstack/react-table";
import { useMemo } from "react";
import { DataTable } from "~/components/data-table";
import { useFormat, useT } from "~/i18n/react";
import type { CoordinatorFollowUp } from "~/modules/pairings/follow-up.server";

type ContactRow = CoordinatorFollowUp["contacts"][number];

/** The contacts the mentor logged, newest first, after-hours ones marked. */
export function ContactTable({ contacts }: { contacts: ContactRow[] }) {
  const t = useT();
  const format = useFormat();
  const columns = useMemo<ColumnDef<ContactRow>[]>(
    () => [
      {
        id: "when",
        header: t("pairingFollowUp.contacts.columns.when"),
        cell: ({ row }) => (
          <>
            {format.dateTime(row.original.occurredAt)}
            {row.original.afterHours ? (
              <>
                {" "}
                <span className="badge badge-info">{t("pairingFollowUp.contacts.afterHours")}</span>
              </>
            ) : null}
          </>
        ),
        meta: { rowHeader: true },
      },
      { id: "duration", header: t("pairingFollowUp.contacts.columns.duration"), cell: ({ row }) => t("pairingFollowUp.contacts.minutes", { count: format.number(row.original.durationMinutes) }) },
      { id: "channel", header: t("pairingFollowUp.contacts.columns.channel"), cell: ({ row }) => t(`pairings.channels.${row.original.channel}`) },
      { id: "note", header: t("pairingFollowUp.contacts.columns.note"), cell: ({ row }) => <span className="preformatted">{row.original.note || "–"}</span> },
    ],
    [t, format],
  );
  return (
    <section aria-labelledby="contacts" className="mt-8">
      <h2 id="contacts">{t("pairingFollowUp.sections.contacts")}</h2>
      <DataTable columns={columns} data={contacts} getRowId={(row) => row.id} caption={t("pairingFollowUp.contacts.caption")} captionHidden empty={t("pairingFollowUp.contacts.empty")} compact stackOnPhone />
    </section>
  );
}
