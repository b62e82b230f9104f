import type { LoaderFunctionArgs } from "@remix-run/node";
import { attachmentDisposition } from "~/http-download";
import { getLocale } from "~/i18n/locale.server";
import { translator } from "~/i18n/catalogue";
import { requirePermission } from "~/modules/auth/guards.server";
import { exportOutcomeCsv } from "~/modules/reports/export.server";
import { parseReportPeriod } from "~/modules/reports/period";
import { copenhagenToday } from "~/modules/volunteers/dates";
import { actorOf } from "~/request.server";

/** The report page's table 2.2 as a CSV download, for the same `from` and `to` as the page. */
export async function loader(args: LoaderFunctionArgs) {
  const user = await requirePermission(args, "read:report:any");
  const parsed = parseReportPeriod(new URL(args.request.url).searchParams, copenhagenToday());
  // The page checks the period before it offers the link: a bad one here is a hand-made URL.
  if (!parsed.ok) throw new Response("Bad Request", { status: 400 });
  const locale = await getLocale(args);
  const t = translator(locale);
  const csv = await exportOutcomeCsv(args.context.db, actorOf(args, user), parsed.period, { t, locale });
  if (csv === null) throw new Response("Forbidden", { status: 403 });
  const { from, to } = parsed.period;
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": attachmentDisposition(`${t("reports.csv.filename")}-${from}-${to}.csv`),
      // Aggregates only, but of youth records: not kept by a browser or proxy cache.
      "Cache-Control": "no-store",
    },
  });
}
