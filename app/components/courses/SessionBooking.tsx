import { Form, Link, useLocation, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { Alert, Button, ButtonLink, ConfirmAction, type ButtonVariant } from "~/components/ui";
import { useHydrated } from "~/components/ui/use-hydrated";
import type { MessageKey } from "~/i18n/catalogue";
import { useFormat, useT } from "~/i18n/react";
import type { loader } from "~/routes/courses.$sessionId";

type Page = Awaited<ReturnType<typeof loader>>;
type GiveUp = "cancel" | "leave" | "decline";

/** What the session page's action answers when it does not redirect: a refusal, or the question to confirm. */
export type SessionActionResult = { problem: MessageKey | null; confirm: GiveUp | null };

/** The booking part of a session's page: the person's booking and what they can do with it, or how to book. */
export function SessionBooking({ page, actionData }: { page: Page; actionData: SessionActionResult | undefined }) {
  const t = useT();
  const problem = actionData?.problem;
  return (
    <section aria-labelledby="booking">
      <h2 id="booking">{t("courses.session.bookingHeading")}</h2>
      {problem ? (
        <Alert variant="error" focus>
          <p>{t(problem)}</p>
          {problem === "courses.refusals.cancel.after_deadline" ? <Contact /> : null}
        </Alert>
      ) : null}
      <BookingState page={page} asked={actionData?.confirm ?? null} />
    </section>
  );
}

function BookingState({ page, asked }: { page: Page; asked: GiveUp | null }) {
  const t = useT();
  const format = useFormat();
  const { booking, session, viewer } = page;
  const active = booking && (booking.status === "confirmed" || booking.status === "waitlisted" || booking.status === "offered");

  if (booking && active) {
    if (booking.status === "confirmed") {
      return (
        <>
          <Alert variant="success">
            <p>{t("courses.session.confirmed")}</p>
            {booking.attendance ? <p>{t("courses.session.attendance", { attendance: t(`courses.attendance.${booking.attendance}`) })}</p> : null}
          </Alert>
          <p>
            {/* A document, not a route change: reloadDocument lets the browser download it. */}
            <Link to={`/my-courses/${booking.id}.ics`} reloadDocument>
              {t("courses.session.calendar")}
            </Link>
          </p>
          {session.started ? null : session.canCancelSeat ? (
            <>
              <p>{t("courses.session.cancelUntil", { time: format.longDateTime(session.cancellationDeadline) })}</p>
              <GiveUpAction intent="cancel" bookingId={booking.id} asked={asked} label="courses.session.cancel" title="courses.session.cancelTitle" body="courses.session.cancelBody" />
            </>
          ) : (
            <>
              <p>{t("courses.session.afterDeadline", { time: format.longDateTime(session.cancellationDeadline) })}</p>
              <Contact />
            </>
          )}
        </>
      );
    }
    if (booking.status === "waitlisted") {
      return (
        <>
          <Alert variant="info">
            <p>{t("courses.session.waitlisted", { position: format.number(booking.position ?? 1) })}</p>
            <p>{t("courses.session.waitlistedNext")}</p>
          </Alert>
          <GiveUpAction intent="leave" bookingId={booking.id} asked={asked} label="courses.session.leaveWaitlist" title="courses.session.leaveTitle" body="courses.session.leaveBody" />
        </>
      );
    }
    if (!booking.offerOpen) return <Alert variant="info">{t("courses.session.offerLapsed")}</Alert>;
    return (
      <>
        <Alert variant="warning" heading={t("courses.session.offered")} headingLevel={3}>
          <p>{t("courses.session.offerExpires", { time: format.longDateTime(booking.offerExpiresAt!) })}</p>
        </Alert>
        <div className="form-actions">
          <Form method="post">
            <input type="hidden" name="intent" value="accept" />
            <input type="hidden" name="bookingId" value={booking.id} />
            <PendingButton intent="accept">{t("courses.session.accept")}</PendingButton>
          </Form>
          <GiveUpAction intent="decline" bookingId={booking.id} asked={asked} label="courses.session.decline" title="courses.session.declineTitle" body="courses.session.declineBody" />
        </div>
      </>
    );
  }

  return (
    <>
      {booking ? (
        <p>{t("courses.session.previous", { reason: booking.endReason ? t(`courses.endReasons.${booking.endReason}`) : t(`courses.statuses.${booking.status}`) })}</p>
      ) : null}
      <HowToBook page={page} volunteer={viewer?.volunteer ?? null} />
    </>
  );
}

/** Booking a session without a live booking: the button, the waitlist, or why it cannot be booked now. */
function HowToBook({ page, volunteer }: { page: Page; volunteer: boolean | null }) {
  const t = useT();
  const format = useFormat();
  const location = useLocation();
  const { session } = page;
  switch (session.window) {
    case "cancelled":
      return null;
    case "started":
      return <p>{t("courses.session.started")}</p>;
    case "closed":
      return <p>{t("courses.session.closed")}</p>;
    case "not_open":
      return <p>{t("courses.session.notOpen", { time: format.longDateTime(session.bookingOpensAt!) })}</p>;
  }
  const full = session.seatsLeft <= 0;
  if (full && !session.waitlistEnabled) return <p>{t("courses.session.fullNoWaitlist")}</p>;
  const intro = full ? <p>{t("courses.session.fullWaitlist")}</p> : null;
  if (volunteer === null) {
    return (
      <>
        {intro}
        <ButtonLink to={`/login?redirectTo=${encodeURIComponent(location.pathname)}`}>{t("courses.session.loginToBook")}</ButtonLink>
        <p className="mt-5">
          {t("courses.session.noAccount")} <Link to="/signup">{t("courses.session.signup")}</Link>
        </p>
      </>
    );
  }
  if (!volunteer) return <p>{t("courses.session.volunteersOnly")}</p>;
  return (
    <>
      {intro}
      <Form method="post">
        <input type="hidden" name="intent" value="book" />
        <PendingButton intent="book">{t(full ? "courses.session.joinWaitlist" : "courses.session.book")}</PendingButton>
      </Form>
    </>
  );
}

function PendingButton({ intent, variant, children }: { intent: string; variant?: ButtonVariant; children: ReactNode }) {
  const navigation = useNavigation();
  return (
    <Button variant={variant} pending={navigation.state === "submitting" && navigation.formData?.get("intent") === intent}>
      {children}
    </Button>
  );
}

/**
 * Giving up a seat, a place in line or an offer asks first: in a modal with JavaScript, and without it on the
 * page, after the first submit, with a second form that confirms.
 */
function GiveUpAction(props: { intent: GiveUp; bookingId: string; asked: GiveUp | null; label: MessageKey; title: MessageKey; body: MessageKey }) {
  const t = useT();
  const location = useLocation();
  // With JavaScript the modal asks; the hidden field then tells the action that it did.
  const hydrated = useHydrated();
  const { intent, bookingId, label, title, body } = props;
  if (props.asked === intent) {
    return (
      <Alert variant="warning" heading={t(title)} headingLevel={3} focus>
        <p>{t(body)}</p>
        <Form method="post">
          <input type="hidden" name="intent" value={intent} />
          <input type="hidden" name="bookingId" value={bookingId} />
          <input type="hidden" name="confirmed" value="yes" />
          <PendingButton intent={intent} variant="warning">
            {t(label)}
          </PendingButton>
          <Link to={location.pathname} className="ml-5">
            {t("courses.session.keep")}
          </Link>
        </Form>
      </Alert>
    );
  }
  return (
    <ConfirmAction fields={{ intent, bookingId, confirmed: hydrated ? "yes" : "" }} label={t(label)} title={t(title)} variant={intent === "decline" ? "secondary" : "warning"}>
      <p>{t(body)}</p>
    </ConfirmAction>
  );
}

function Contact() {
  const t = useT();
  return <p>{t("courses.contact", { email: t("legal.contactEmail") })}</p>;
}
