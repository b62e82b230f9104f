import type { LoaderFunctionArgs } from "@remix-run/node";
import { getTranslator } from "~/i18n/locale.server";
import { requirePermission } from "~/modules/auth/guards.server";
import { copenhagenToday } from "~/modules/volunteers/dates";
import { exportPipelineCsv } from "~/modules/volunteers/export.server";
import { parsePipelineQuery } from "~/modules/volunteers/schemas";

/** The pipeline's current filter and sort as a CSV download: the same URL parameters as the list page. */
export async function loader(args: LoaderFunctionArgs) {
  const user = await requirePermission(args, "read:vetting:any");
  const query = parsePipelineQuery(new URL(args.request.url).searchParams);
  const t = await getTranslator(args);
  const today = copenhagenToday();
  const actor = { id: user.id, role: user.role, requestId: args.context.requestId, ip: args.context.ip };
  const result = await exportPipelineCsv(args.context.db, actor, query, { t, today });
  if (!result) throw new Response("Forbidden", { status: 403 });
  return new Response(result.csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${t("vetting.csv.filename")}-${today}.csv"`,
      // Personal data: never kept by a browser or proxy cache.
      "Cache-Control": "no-store",
    },
  });
}
