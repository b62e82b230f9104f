import type { CourseSession } from "#db/schema";
import { SummaryList, SummaryRow } from "~/components/ui";
import { useFormat, useT } from "~/i18n/react";
import { SessionStatus, useSessionPlace } from "./session-text";

const hour = 60 * 60 * 1000;

/** What a session is: its state, place, seats, waitlist, booking window and cancellation deadline. */
export function SessionDetails({ session, now }: { session: CourseSession; now: Date }) {
  const t = useT();
  const format = useFormat();
  const place = useSessionPlace();
  const booked = session.confirmedCount + session.offeredCount;
  const deadline = new Date(new Date(session.startsAt).getTime() - session.cancellationHours * hour);
  const opens = session.bookingOpensAt ? t("courseAdmin.session.opensAt", { date: format.dateTime(session.bookingOpensAt) }) : null;
  const closes = session.bookingClosesAt ? t("courseAdmin.session.closesAt", { date: format.dateTime(session.bookingClosesAt) }) : null;

  return (
    <section aria-labelledby="details">
      <h2 id="details">{t("courseAdmin.session.detailsHeading")}</h2>
      <SummaryList>
        <SummaryRow label={t("courseAdmin.session.status")}>
          <SessionStatus session={session} now={now} />
          {session.cancelledAt ? ` ${t("courseAdmin.session.cancelledOn", { date: format.dateTime(session.cancelledAt) })}` : null}
        </SummaryRow>
        <SummaryRow label={t("courseAdmin.session.place")}>
          {place(session)}
          {session.online && session.onlineUrl ? (
            <>
              <br />
              <a href={session.onlineUrl}>{session.onlineUrl}</a>
            </>
          ) : null}
        </SummaryRow>
        <SummaryRow label={t("courseAdmin.session.seats")}>
          {t("courseAdmin.session.seatsSummary", {
            booked: format.number(booked),
            capacity: format.number(session.capacity),
            left: format.number(Math.max(session.capacity - booked, 0)),
          })}
        </SummaryRow>
        <SummaryRow label={t("courseAdmin.session.waitlistHeading")}>
          {session.waitlistEnabled ? t("courseAdmin.session.waitlistCount", { count: format.number(session.waitlistCount) }) : t("courseAdmin.session.waitlistOff")}
        </SummaryRow>
        {session.status === "scheduled" ? (
          <SummaryRow label={t("courseAdmin.session.bookingWindow")}>
            {[opens ?? t("courseAdmin.session.opensNow"), closes ?? t("courseAdmin.session.closesAtStart")].join(" · ")}
          </SummaryRow>
        ) : null}
        <SummaryRow label={t("courseAdmin.session.deadline")}>
          {t("courseAdmin.session.deadlineValue", { hours: format.number(session.cancellationHours), date: format.dateTime(deadline) })}
        </SummaryRow>
      </SummaryList>
    </section>
  );
}
