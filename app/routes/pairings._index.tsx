import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { ColumnDef } from "@tanstack/react-table";
import { useMemo } from "react";
import { DataTable } from "~/components/data-table";
import { ButtonLink } from "~/components/ui";
import { pageTitle } from "~/i18n/meta";
import { useFormat, useT } from "~/i18n/react";
import { forbidden, requirePermission } from "~/modules/auth/guards.server";
import { listMentorPairings } from "~/modules/pairings/pairings.server";
import { actorOf } from "~/request.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "pairings.list.title");

export async function loader(args: LoaderFunctionArgs) {
  const user = await requirePermission(args, "read:pairing:own");
  const rows = await listMentorPairings(args.context.db, actorOf(args, user));
  if (!rows) forbidden();
  return {
    proposals: rows.filter((row) => row.status === "proposed"),
    running: rows.filter((row) => row.status === "accepted" || row.status === "active"),
    ended: rows.filter((row) => row.status === "closed"),
  };
}

type Row = Awaited<ReturnType<typeof loader>>["proposals"][number];
/** The date a list shows beside each pairing: when it was proposed, started or ended. */
type DateColumn = "proposed" | "started" | "ended";

function useColumns(date: DateColumn) {
  const t = useT();
  const format = useFormat();
  return useMemo<ColumnDef<Row>[]>(() => {
    const dateOf = (row: Row) => (date === "proposed" ? row.proposedAt : date === "started" ? row.startedAt : row.closedAt);
    return [
      {
        id: "youth",
        header: t("pairings.list.columns.youth"),
        cell: ({ row }) => <Link to={`/pairings/${row.original.id}`}>{row.original.youthFirstName}</Link>,
        meta: { rowHeader: true },
      },
      { id: "age", header: t("pairings.list.columns.age"), cell: ({ row }) => t("pairings.age", { age: format.number(row.original.youthAge) }) },
      { id: "status", header: t("pairings.list.columns.status"), cell: ({ row }) => t(`pairings.statuses.${row.original.status}`) },
      {
        id: date,
        header: t(`pairings.list.columns.${date}`),
        cell: ({ row }) => {
          const value = dateOf(row.original);
          return value ? format.date(value) : t("pairings.list.notStarted");
        },
      },
    ];
  }, [t, format, date]);
}

export default function MyPairings() {
  const t = useT();
  const { proposals, running, ended } = useLoaderData<typeof loader>();
  const none = proposals.length + running.length + ended.length === 0;

  return (
    <div className="row">
      <div className="col-12 col-xl-10">
        <h1>{t("pairings.list.title")}</h1>
        {none ? (
          <section aria-labelledby="empty">
            <h2 id="empty">{t("pairings.list.emptyHeading")}</h2>
            <p>{t("pairings.list.empty")}</p>
            <ButtonLink to="/application" variant="secondary">
              {t("pairings.list.emptyApplication")}
            </ButtonLink>
          </section>
        ) : (
          <>
            <p className="font-lead">{t("pairings.list.intro")}</p>
            <PairingsSection
              id="proposals"
              heading={t("pairings.list.proposalsHeading")}
              date="proposed"
              data={proposals}
              empty={t("pairings.list.proposalsEmpty")}
            />
            <PairingsSection id="running" heading={t("pairings.list.runningHeading")} date="started" data={running} empty={t("pairings.list.runningEmpty")} />
            <PairingsSection id="ended" heading={t("pairings.list.endedHeading")} date="ended" data={ended} empty={t("pairings.list.endedEmpty")} />
          </>
        )}
      </div>
    </div>
  );
}

/** One list of pairings under its heading; on a phone each pairing is a card. */
function PairingsSection(props: { id: string; heading: string; date: DateColumn; data: Row[]; empty: string }) {
  const columns = useColumns(props.date);
  return (
    <section aria-labelledby={props.id} className="mt-8">
      <h2 id={props.id}>{props.heading}</h2>
      <DataTable
        columns={columns}
        data={props.data}
        getRowId={(row) => row.id}
        caption={props.heading}
        captionHidden
        stackOnPhone
        compact
        empty={props.empty}
      />
    </section>
  );
}
