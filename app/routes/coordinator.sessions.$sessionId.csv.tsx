import type { LoaderFunctionArgs } from "@remix-run/node";
import { attachmentDisposition } from "~/http-download";
import { refusal } from "~/http-refusal";
import { getTranslator } from "~/i18n/locale.server";
import { requirePermission } from "~/modules/auth/guards.server";
import { exportParticipantsCsv } from "~/modules/courses/export.server";
import { copenhagenToday } from "~/modules/volunteers/dates";
import { actorOf } from "~/request.server";

/** A session's participant list as a CSV download; the export is audited in the module. */
export async function loader(args: LoaderFunctionArgs) {
  const user = await requirePermission(args, "read:course:any");
  const t = await getTranslator(args);
  const result = await exportParticipantsCsv(args.context.db, actorOf(args, user), args.params.sessionId ?? "", { t });
  if (!result) throw refusal("not_found");
  const day = copenhagenToday(result.session.startsAt);
  return new Response(result.csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": attachmentDisposition(`${t("courseAdmin.csv.filename")}-${day}.csv`),
      // Names and addresses: never kept by a browser or proxy cache.
      "Cache-Control": "no-store",
    },
  });
}
