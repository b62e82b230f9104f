import type { LoaderFunctionArgs } from "@remix-run/node";
import { attachmentDisposition } from "~/http-download";
import { requirePermission } from "~/modules/auth/guards.server";
import { getOwnConfirmedBooking } from "~/modules/courses/catalogue.server";
import { bookingCalendar } from "~/modules/courses/context.server";
import { calendarContentType } from "~/modules/courses/ics";
import { actorOf } from "~/request.server";

/** The calendar file of one of the person's own seats; anyone else's booking, or a seat no longer held, is 404. */
export async function loader(args: LoaderFunctionArgs) {
  const user = await requirePermission(args, "read:booking:own");
  const found = await getOwnConfirmedBooking(args.context.db, actorOf(args, user), args.params.bookingId ?? "");
  if (!found) throw new Response("Not found", { status: 404 });
  const file = bookingCalendar(args.context.env, found.course, found.session, found.booking);
  return new Response(file.content, {
    headers: {
      "Content-Type": calendarContentType(),
      "Content-Disposition": attachmentDisposition(file.filename),
      "X-Content-Type-Options": "nosniff",
      // The person's own booking: never kept by a shared cache.
      "Cache-Control": "private, no-store",
    },
  });
}
