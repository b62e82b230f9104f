import type { Database } from "#db/client.server";
import type { Translate } from "~/i18n/catalogue";
import { formatNumber } from "~/i18n/format";
import type { Locale } from "~/i18n/locales";
import type { Actor } from "~/modules/volunteers/types";
import { csvCell } from "~/modules/volunteers/export.server";
import { readOutcomeReport } from "./outcomes.server";
import type { ReportPeriod } from "./period";

/**
 * Table 2.2 for the period as CSV (BOM, `;`, CRLF, numbers in the reader's format, so Danish Excel reads the
 * decimal comma): the rows as on the page, then the total. Audited as `report.exported` with the period.
 */
export async function exportOutcomeCsv(db: Database, actor: Actor, period: ReportPeriod, options: { t: Translate; locale: Locale }) {
  const report = await readOutcomeReport(db, actor, period, { auditAction: "report.exported" });
  if (!report) return null;
  const { t, locale } = options;
  const number = (value: number | null) => (value === null ? "" : formatNumber(locale, value));
  const header = [t("reports.csv.columns.status"), t("reports.csv.columns.count"), t("reports.csv.columns.percent")];
  const rows = report.youths.rows.map((row) => [t(`reports.youths.rows.${row.key}`), number(row.count), number(row.percent)]);
  const total = [t("reports.youths.total"), number(report.youths.total), number(report.youths.total > 0 ? 100 : null)];
  const lines = [header, ...rows, total].map((cells) => cells.map(csvCell).join(";"));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
