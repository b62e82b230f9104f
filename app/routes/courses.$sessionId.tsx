import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { SessionBooking, type SessionActionResult } from "~/components/courses/SessionBooking";
import { useCourseText } from "~/components/courses/use-course-text";
import { Alert, SummaryList, SummaryRow } from "~/components/ui";
import { validateForm } from "~/forms/validate";
import type { MessageKey } from "~/i18n/catalogue";
import { publicPageHeaders } from "~/http-cache";
import { pageTitle } from "~/i18n/meta";
import { useFormat, useT } from "~/i18n/react";
import { forbidden, getCurrentUser, requireUser } from "~/modules/auth/guards.server";
import { can } from "~/modules/auth/permissions";
import { acceptOffer, book, cancelBooking, declineOffer } from "~/modules/courses/booking.server";
import { getSessionPage } from "~/modules/courses/catalogue.server";
import { neededCourseIds } from "~/modules/courses/training.server";
import { actorOf } from "~/request.server";
import { redirectWithToast, type Toast } from "~/toast.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  data ? pageTitle(matches, "courses.session.pageTitle", { title: data.course.title }) : pageTitle(matches, "errors.notFound.title");

// A visitor's copy is the same for everyone; a logged-in person's page (their booking) is never kept (ADR 0008).
export const headers = publicPageHeaders;

/** Why a session without a booking of yours cannot be booked now, or "open". */
function bookingWindow(session: { status: string; started: boolean; bookable: boolean; bookingOpensAt: Date | null }, now: Date) {
  if (session.status === "cancelled") return "cancelled" as const;
  if (session.started) return "started" as const;
  if (session.bookable) return "open" as const;
  return session.bookingOpensAt && now < session.bookingOpensAt ? ("not_open" as const) : ("closed" as const);
}

export async function loader(args: LoaderFunctionArgs) {
  const user = await getCurrentUser(args);
  const volunteer = Boolean(user && can(user.role, "create:booking:own"));
  const userId = volunteer ? user!.id : null;
  const now = new Date();
  const [page, needed] = await Promise.all([
    getSessionPage(args.context.db, args.params.sessionId ?? "", { now, userId }),
    userId ? neededCourseIds(args.context.db, userId) : Promise.resolve([]),
  ]);
  if (!page) throw new Response("Not found", { status: 404 });
  const { booking, session } = page;
  return {
    ...page,
    session: { ...session, window: bookingWindow(session, now) },
    // The expiry job may not have run yet: an offer past its time is shown as lapsed, as accepting it would be refused.
    booking: booking ? { ...booking, offerOpen: booking.status === "offered" && Boolean(booking.offerExpiresAt && now < booking.offerExpiresAt) } : null,
    needed: needed.includes(page.course.id),
    viewer: user ? { volunteer } : null,
  };
}

const bookingId = z.string().max(100);
const confirmed = z.string().optional();
const sessionAction = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("book") }),
  z.object({ intent: z.literal("accept"), bookingId }),
  // Giving up a seat, a place in line or an offer: each asks first (see SessionBooking).
  z.object({ intent: z.literal("cancel"), bookingId, confirmed }),
  z.object({ intent: z.literal("leave"), bookingId, confirmed }),
  z.object({ intent: z.literal("decline"), bookingId, confirmed }),
]);

function refused(problem: MessageKey, reason: string) {
  if (reason === "forbidden") forbidden();
  return data<SessionActionResult>({ problem, confirm: null }, { status: reason === "not_found" ? 404 : 409 });
}

export async function action(args: ActionFunctionArgs) {
  // An anonymous visitor goes to the login page and comes back here to book.
  const user = await requireUser(args);
  const form = validateForm(await args.request.formData(), sessionAction);
  if (!can(user.role, form.ok && form.data.intent === "book" ? "create:booking:own" : "update:booking:own")) forbidden();
  if (!form.ok) return data<SessionActionResult>({ problem: "courses.session.actionFailed", confirm: null }, { status: 400 });
  const actor = actorOf(args, user);
  const here = `/courses/${args.params.sessionId ?? ""}`;
  const done = (key: MessageKey, variant: Toast["variant"] = "success") => redirectWithToast(here, { key, variant });
  const input = form.data;

  if (input.intent === "book") {
    const result = await book(args.context, actor, args.params.sessionId ?? "");
    if (!result.ok) {
      if (result.reason === "not_found") throw new Response("Not found", { status: 404 });
      return refused(`courses.refusals.book.${result.reason}`, result.reason);
    }
    if (result.already) return done("courses.session.already", "info");
    return done(result.status === "confirmed" ? "courses.session.booked" : "courses.session.waitlistedToast");
  }
  if (input.intent === "accept") {
    const result = await acceptOffer(args.context, actor, input.bookingId);
    return result.ok ? done("courses.session.accepted") : refused(`courses.refusals.accept.${result.reason}`, result.reason);
  }
  // Without JavaScript no modal asked: ask on the page first, then act on the second submit.
  if (input.confirmed !== "yes") return data<SessionActionResult>({ problem: null, confirm: input.intent });
  const result = await (input.intent === "decline" ? declineOffer : cancelBooking)(args.context, actor, input.bookingId);
  if (!result.ok) return refused(`courses.refusals.${input.intent === "decline" ? "decline" : "cancel"}.${result.reason}`, result.reason);
  return done(toasts[input.intent]);
}

const toasts = { cancel: "courses.session.cancelledToast", leave: "courses.session.leftWaitlist", decline: "courses.session.declined" } as const;

export default function CourseSessionPage() {
  const t = useT();
  const format = useFormat();
  const text = useCourseText();
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { course, session } = page;

  return (
    <>
      <p>
        <Link to="/courses" className="back-link">
          {t("courses.session.back")}
        </Link>
      </p>
      <h1>{course.title}</h1>
      {page.needed ? <p className="badge badge-info">{t("courses.needed")}</p> : null}
      {session.status === "cancelled" ? <Alert variant="warning">{t("courses.session.cancelled")}</Alert> : null}

      <div className="row">
        <div className="col-12 col-lg-8">
          <h2>{t("courses.session.details")}</h2>
          <SummaryList>
            <SummaryRow label={t("courses.session.kind")}>{t(`courses.kinds.${course.kind}`)}</SummaryRow>
            <SummaryRow label={t("courses.session.when")}>{format.longDateTimeRange(session.startsAt, session.endsAt)}</SummaryRow>
            <SummaryRow label={t("courses.session.where")}>
              {text.place(session)}
              {session.onlineUrl ? (
                <>
                  <br />
                  <a href={session.onlineUrl}>{t("courses.session.onlineLink")}</a>
                </>
              ) : null}
            </SummaryRow>
            {course.trainingMinutes > 0 ? <SummaryRow label={t("courses.session.hours")}>{text.hours(course.trainingMinutes)}</SummaryRow> : null}
            <SummaryRow label={t("courses.session.audience")}>
              {course.openToAll
                ? t("courses.session.openToAll")
                : course.audience.length
                  ? course.audience.map((kind) => t(`vetting.kinds.${kind}`)).join(", ")
                  : t("courses.session.audienceAll")}
            </SummaryRow>
            <SummaryRow label={t("courses.session.seats")}>
              {t("courses.session.seatsOf", { seats: format.number(Math.max(session.seatsLeft, 0)), capacity: format.number(session.capacity) })}
            </SummaryRow>
            {session.waitlistCount > 0 ? (
              <SummaryRow label={t("courses.session.waitlist")}>{t("courses.session.waitlistCount", { count: format.number(session.waitlistCount) })}</SummaryRow>
            ) : null}
            {session.bookingOpensAt && session.window === "not_open" ? (
              <SummaryRow label={t("courses.session.bookingOpens")}>{format.longDateTime(session.bookingOpensAt)}</SummaryRow>
            ) : null}
            {session.bookingClosesAt ? <SummaryRow label={t("courses.session.bookingCloses")}>{format.longDateTime(session.bookingClosesAt)}</SummaryRow> : null}
            <SummaryRow label={t("courses.session.deadline")}>{format.longDateTime(session.cancellationDeadline)}</SummaryRow>
          </SummaryList>

          <SessionBooking page={page} actionData={actionData} />

          <h2>{t("courses.session.about")}</h2>
          {course.required ? <p>{t("courses.session.required")}</p> : null}
          <p className="preformatted">{course.description}</p>
        </div>
      </div>
    </>
  );
}
