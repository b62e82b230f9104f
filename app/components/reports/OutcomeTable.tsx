import { Table } from "~/components/ui";
import { useFormat, useT } from "~/i18n/react";
import type { OutcomeRow } from "~/modules/reports/outcome-table";

/** A share in per cent, in the reader's number format ("12,5 %"); a dash when there is no total to share. */
export function usePercent() {
  const t = useT();
  const format = useFormat();
  return (value: number | null) => (value === null ? t("reports.noValue") : t("reports.percent", { value: format.number(value) }));
}

/**
 * The evaluation report's table 2.2 for the chosen period: one row per status in the report's order and words,
 * the kinds of education under "Uddannelse" (the report's footnote), and the total.
 */
export function OutcomeTable({ rows, total, caption }: { rows: OutcomeRow[]; total: number; caption: string }) {
  const t = useT();
  const format = useFormat();
  const percent = usePercent();
  return (
    <Table caption={caption} compact>
      <thead>
        <tr>
          <th scope="col">{t("reports.youths.columns.status")}</th>
          <th scope="col" className="align-text-right">
            {t("reports.youths.columns.count")}
          </th>
          <th scope="col" className="align-text-right">
            {t("reports.youths.columns.percent")}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            {/* A breakdown ("heraf FGU") is indented and in normal weight under the row it breaks down. */}
            <th scope="row" className={row.level === 1 ? "pl-7" : undefined}>
              {row.level === 1 ? <span className="weight-normal">{t(`reports.youths.rows.${row.key}`)}</span> : t(`reports.youths.rows.${row.key}`)}
            </th>
            <td className="align-text-right">{format.number(row.count)}</td>
            <td className="align-text-right">{percent(row.percent)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t("reports.youths.total")}</th>
          <td className="align-text-right weight-semibold">{format.number(total)}</td>
          <td className="align-text-right weight-semibold">{percent(total > 0 ? 100 : null)}</td>
        </tr>
      </tfoot>
    </Table>
  );
}
