import { SummaryList, SummaryRow, Table } from "~/components/ui";
import { useFormat, useT } from "~/i18n/react";
import type { OutcomeReport } from "~/modules/reports/outcomes.server";
import { usePercent } from "./OutcomeTable";

type Pairings = OutcomeReport["pairings"];

/** The pairings of the period: how many ran, started and closed, how long the closed ones lasted, and after-hours contact. */
export function PairingFigures({ pairings }: { pairings: Pairings }) {
  const t = useT();
  const format = useFormat();
  const percent = usePercent();
  const days = (value: number) => (value === 1 ? t("reports.pairings.dayOne") : t("reports.pairings.days", { days: format.number(value) }));
  return (
    <SummaryList>
      <SummaryRow label={t("reports.pairings.active")}>{format.number(pairings.active)}</SummaryRow>
      <SummaryRow label={t("reports.pairings.started")}>{format.number(pairings.startedInPeriod)}</SummaryRow>
      <SummaryRow label={t("reports.pairings.closed")}>{format.number(pairings.closed)}</SummaryRow>
      <SummaryRow label={t("reports.pairings.running")}>{format.number(pairings.runningAtEnd)}</SummaryRow>
      <SummaryRow label={t("reports.pairings.averageDuration")}>
        {pairings.averageDays === null ? t("reports.pairings.noneClosed") : days(pairings.averageDays)}
      </SummaryRow>
      <SummaryRow label={t("reports.pairings.afterHours")}>
        {pairings.active === 0
          ? t("reports.pairings.noneActive")
          : t("reports.pairings.afterHoursValue", {
              count: format.number(pairings.afterHours),
              total: format.number(pairings.active),
              percent: percent(pairings.afterHoursPercent),
            })}
      </SummaryRow>
    </SummaryList>
  );
}

/** The closures of the period by reason, planned or not, with totals both ways. */
export function ClosureTable({ pairings }: { pairings: Pairings }) {
  const t = useT();
  const format = useFormat();
  if (pairings.closed === 0) return <p>{t("reports.closures.none")}</p>;
  return (
    <>
      <p>{t("reports.closures.summary", { planned: format.number(pairings.planned), unplanned: format.number(pairings.unplanned) })}</p>
      <Table caption={t("reports.closures.caption")} compact>
        <thead>
          <tr>
            <th scope="col">{t("reports.closures.columns.reason")}</th>
            <th scope="col" className="align-text-right">
              {t("reports.closures.columns.planned")}
            </th>
            <th scope="col" className="align-text-right">
              {t("reports.closures.columns.unplanned")}
            </th>
            <th scope="col" className="align-text-right">
              {t("reports.closures.columns.total")}
            </th>
          </tr>
        </thead>
        <tbody>
          {pairings.closures.map((row) => (
            <tr key={row.reason}>
              <th scope="row">{t(`reports.closures.reasons.${row.reason}`)}</th>
              <td className="align-text-right">{format.number(row.planned)}</td>
              <td className="align-text-right">{format.number(row.unplanned)}</td>
              <td className="align-text-right">{format.number(row.planned + row.unplanned)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t("reports.closures.total")}</th>
            <td className="align-text-right weight-semibold">{format.number(pairings.planned)}</td>
            <td className="align-text-right weight-semibold">{format.number(pairings.unplanned)}</td>
            <td className="align-text-right weight-semibold">{format.number(pairings.closed)}</td>
          </tr>
        </tfoot>
      </Table>
    </>
  );
}
