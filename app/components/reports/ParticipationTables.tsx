import { Table } from "~/components/ui";
import { useFormat, useT } from "~/i18n/react";
import { isMessageKey } from "~/i18n/catalogue";
import type { OutcomeReport, ParticipationRow } from "~/modules/reports/outcomes.server";

type Participations = OutcomeReport["participations"];

/** Young people in associations' tasks in the period: per association and per category, with the hours confirmed. */
export function ParticipationTables({ participations }: { participations: Participations }) {
  const t = useT();
  if (participations.byCategory.length === 0) return <p>{t("reports.participation.none")}</p>;
  const category = (key: string) => {
    const label = `tasks.categories.${key}`;
    return isMessageKey(label) ? t(label) : key;
  };
  return (
    <>
      <ParticipationTable caption={t("reports.participation.byAssociation")} head={t("reports.participation.association")} rows={participations.byAssociation} total={participations.total} />
      <ParticipationTable
        caption={t("reports.participation.byCategory")}
        head={t("reports.participation.category")}
        rows={participations.byCategory.map((row) => ({ ...row, key: category(row.key) }))}
        total={participations.total}
      />
    </>
  );
}

function ParticipationTable({ caption, head, rows, total }: { caption: string; head: string; rows: ParticipationRow[]; total: Participations["total"] }) {
  const t = useT();
  const format = useFormat();
  const cells = (row: Omit<ParticipationRow, "key">) => (
    <>
      <td className="align-text-right">{format.number(row.proposed)}</td>
      <td className="align-text-right">{format.number(row.takingPart)}</td>
      <td className="align-text-right">{format.number(row.completed)}</td>
      <td className="align-text-right">{format.number(row.hours)}</td>
    </>
  );
  return (
    <Table caption={caption} compact>
      <thead>
        <tr>
          <th scope="col">{head}</th>
          <th scope="col" className="align-text-right">
            {t("reports.participation.proposed")}
          </th>
          <th scope="col" className="align-text-right">
            {t("reports.participation.takingPart")}
          </th>
          <th scope="col" className="align-text-right">
            {t("reports.participation.completed")}
          </th>
          <th scope="col" className="align-text-right">
            {t("reports.participation.hours")}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.key}</th>
            {cells(row)}
          </tr>
        ))}
        <tr>
          <th scope="row">{t("reports.participation.total")}</th>
          {cells(total)}
        </tr>
      </tbody>
    </Table>
  );
}
