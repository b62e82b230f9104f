import type { Database } from "#db/client.server";
import type { Translate } from "~/i18n/catalogue";
import { audit } from "~/modules/audit/audit.server";
import { can } from "~/modules/auth/permissions";
import { originOf } from "./context.server";
import { readPipelinePage } from "./coordinator.server";
import { copenhagenToday } from "./dates";
import type { PipelineQuery } from "./schemas";
import type { Actor } from "./types";

/** The largest page the pipeline query accepts: the export reads the list in pages of this size. */
const chunkSize = 100;

const columns = [
  "name",
  "email",
  "status",
  "kind",
  "town",
  "submittedOn",
  "daysWaiting",
  "checksPassed",
  "checksRequired",
  "nextStep",
  "approvedUntil",
  "coordinator",
] as const;

/**
 * A spreadsheet cell. Danish Excel splits on `;`; a value starting with = + - @ (or a tab/CR) is prefixed with
 * an apostrophe, because names and towns are typed by applicants and must not run as formulas.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The pipeline under the given filter and sort as CSV (BOM, `;`, CRLF), every page of it, with a header in the
 * reader's language. It reads the same pages as the list, so it shows exactly the rows the list does; the
 * export is audited once, as `vetting.exported` with its terms and row count.
 */
export async function exportPipelineCsv(
  db: Database,
  actor: Actor,
  query: PipelineQuery,
  options: { t: Translate; today?: string },
): Promise<{ csv: string; rows: number } | null> {
  if (!can(actor.role, "read:vetting:any")) return null;
  const { t } = options;
  const today = options.today ?? copenhagenToday();
  const lines = [columns.map((column) => csvCell(t(`vetting.csv.columns.${column}`))).join(";")];
  let count = 0;
  for (let page = 1; ; page++) {
    const result = await readPipelinePage(db, { ...query, page, size: chunkSize }, today);
    for (const row of result.rows) {
      const cells = {
        name: row.name,
        email: row.email,
        status: t(`vetting.statuses.${row.status}`),
        kind: t(`vetting.kinds.${row.kind}`),
        town: row.town,
        submittedOn: row.submittedAt ? copenhagenToday(new Date(row.submittedAt)) : null,
        daysWaiting: row.daysWaiting,
        checksPassed: row.checksPassed,
        checksRequired: row.checksRequired,
        nextStep: row.nextStep ? t(`vetting.steps.${row.nextStep}`) : null,
        approvedUntil: row.approvedUntil,
        coordinator: row.coordinatorName,
      } satisfies Record<(typeof columns)[number], string | number | null>;
      lines.push(columns.map((column) => csvCell(cells[column])).join(";"));
    }
    count += result.rows.length;
    if (result.rows.length < chunkSize || count >= result.total) break;
  }
  const { page: _page, size: _size, ...terms } = query;
  await audit(db, originOf(actor), {
    action: "vetting.exported",
    subjectType: "volunteer",
    details: { ...Object.fromEntries(Object.entries(terms).filter(([, value]) => value !== "")), rows: count },
  });
  return { csv: `\uFEFF${lines.join("\r\n")}\r\n`, rows: count };
}
