import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { SummaryList, SummaryRow } from "~/components/ui";
import { pageTitle } from "~/i18n/meta";
import { useFormat, useT } from "~/i18n/react";
import { requireUser } from "~/modules/auth/guards.server";
import type { FollowUpReason } from "~/modules/pairings/overdue.server";
import { associationStart, staffStart, volunteerStart } from "~/modules/start/start-page.server";
import { actorOf } from "~/request.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "auth.dashboard.title");

export async function loader(args: LoaderFunctionArgs) {
  const user = await requireUser(args);
  const actor = actorOf(args, user);
  const { db } = args.context;
  return {
    name: user.name,
    role: user.role,
    volunteer: user.role === "volunteer" ? await volunteerStart(db, actor) : null,
    staff: user.role === "coordinator" || user.role === "admin" ? await staffStart(db, actor) : null,
    association: user.role === "association" ? await associationStart(db, actor) : null,
  };
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

/** A number that leads to the list it counts. */
function CountRow({ label, value, to }: { label: string; value: number; to: string }) {
  const format = useFormat();
  return (
    <SummaryRow label={label}>
      <Link to={to}>{format.number(value)}</Link>
    </SummaryRow>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="mt-7">
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function VolunteerStart({ data }: { data: NonNullable<Data["volunteer"]> }) {
  const t = useT();
  const format = useFormat();
  const { application, upcoming, pairings, trainingMinutes } = data;
  return (
    <>
      <Section id="application" title={t("auth.dashboard.applicationHeading")}>
        {application ? (
          <p>
            {t("auth.dashboard.applicationStatus", { status: t(`application.status.${application.status}`) })}{" "}
            <Link to="/application">{t("auth.dashboard.applicationLink")}</Link>
          </p>
        ) : (
          <p>
            {t("auth.dashboard.noApplication")} <Link to="/apply">{t("auth.dashboard.apply")}</Link>
          </p>
        )}
      </Section>
      {pairings.toAnswer + pairings.starting + pairings.active > 0 ? (
        <Section id="pairings" title={t("auth.dashboard.pairingsHeading")}>
          {pairings.toAnswer > 0 ? <p className="font-lead">{t("auth.dashboard.proposals", { count: format.number(pairings.toAnswer) })}</p> : null}
          <p>
            <Link to="/pairings">{t("auth.dashboard.pairingsLink")}</Link>
          </p>
        </Section>
      ) : null}
      <Section id="courses" title={t("auth.dashboard.coursesHeading")}>
        {upcoming.length === 0 ? (
          <p>{t("auth.dashboard.noCourses")}</p>
        ) : (
          <ul>
            {upcoming.map((booking) => (
              <li key={booking.bookingId}>
                <Link to={`/courses/${booking.sessionId}`}>{booking.title}</Link>, {format.dateTime(booking.startsAt)} –{" "}
                {t(`courses.statuses.${booking.status}`).toLowerCase()}
              </li>
            ))}
          </ul>
        )}
        <p>
          {t("auth.dashboard.trainingHours", { hours: format.number(Math.round(trainingMinutes / 6) / 10) })}{" "}
          <Link to="/courses">{t("auth.dashboard.catalogueLink")}</Link>
        </p>
      </Section>
    </>
  );
}

function StaffStart({ data }: { data: NonNullable<Data["staff"]> }) {
  const t = useT();
  return (
    <>
      <Section id="today" title={t("auth.dashboard.todayHeading")}>
        <SummaryList>
          <CountRow label={t("vetting.pipeline.quick.needs_interview")} value={data.needsInterview} to="/coordinator/volunteers?quick=needs_interview" />
          <CountRow label={t("vetting.pipeline.quick.ready_for_decision")} value={data.readyForDecision} to="/coordinator/volunteers?quick=ready_for_decision" />
          <CountRow label={t("vetting.pipeline.quick.renewal_due_30")} value={data.renewalDue} to="/coordinator/volunteers?quick=renewal_due_30" />
          {data.waitingYouths !== null ? <CountRow label={t("auth.dashboard.waitingYouths")} value={data.waitingYouths} to="/coordinator/youths?status=ready" /> : null}
          {data.sessionsThisWeek !== null ? <CountRow label={t("auth.dashboard.sessionsThisWeek")} value={data.sessionsThisWeek} to="/coordinator/courses" /> : null}
          {data.pendingAssociations !== null ? (
            <CountRow label={t("associations.start.pending")} value={data.pendingAssociations} to="/coordinator/associations?status=pending" />
          ) : null}
          {data.tasksAwaitingApproval !== null ? <CountRow label={t("tasks.start.awaitingApproval")} value={data.tasksAwaitingApproval} to="/coordinator/tasks" /> : null}
        </SummaryList>
      </Section>
      {data.followUp ? <FollowUpSection alerts={data.followUp} /> : null}
    </>
  );
}

function AssociationStart({ data }: { data: NonNullable<Data["association"]> }) {
  const t = useT();
  const { association } = data;
  return (
    <Section id="association" title={t("associations.start.heading")}>
      {association ? (
        <>
          <p>
            <span className="badge">{t(`associations.statuses.${association.status}`)}</span>
          </p>
          <p>{t("associations.start.association")}</p>
          <p>
            <Link to="/association">{t("associations.start.associationLink", { name: association.name })}</Link>
          </p>
        </>
      ) : (
        <p>{t("associations.start.noAssociation")}</p>
      )}
    </Section>
  );
}

/** Why a pairing needs follow-up, in a sentence. */
function useReasonText() {
  const t = useT();
  const format = useFormat();
  return (reason: FollowUpReason) => {
    switch (reason.kind) {
      case "safety_concern":
        return t("followUp.reasons.safetyConcern");
      case "help_requested":
        return t("followUp.reasons.helpRequested");
      case "check_in_overdue":
        return t(reason.overdueDays === 1 ? "followUp.reasons.checkInOverdueOne" : "followUp.reasons.checkInOverdue", {
          date: format.date(reason.due),
          days: format.number(reason.overdueDays),
        });
      case "quiet":
        return t(reason.lastContactOn ? "followUp.reasons.quiet" : "followUp.reasons.quietSinceStart", { days: format.number(reason.days) });
    }
  };
}

function FollowUpSection({ alerts }: { alerts: NonNullable<NonNullable<Data["staff"]>["followUp"]> }) {
  const t = useT();
  const format = useFormat();
  const reasonText = useReasonText();
  return (
    <Section id="follow-up" title={t("followUp.start.heading")}>
      <p>{t("followUp.start.intro")}</p>
      {alerts.length === 0 ? (
        <p className="font-lead">{t("followUp.start.empty")}</p>
      ) : (
        <>
          <p className="font-lead">{alerts.length === 1 ? t("followUp.start.countOne") : t("followUp.start.count", { count: format.number(alerts.length) })}</p>
          <ul className="nobullet-list">
            {alerts.map((alert) => (
              <li key={alert.pairingId} className="mb-5">
                <p className="mt-0 mb-2">
                  <Link to={`/coordinator/pairings/${alert.pairingId}`}>
                    {t("followUp.start.pairing", { youth: `${alert.youthFirstName} ${alert.youthLastName}`, mentor: alert.mentorName })}
                  </Link>
                </p>
                <ul className="mt-0">
                  {alert.reasons.map((reason) => (
                    <li key={reason.kind}>{reasonText(reason)}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </>
      )}
    </Section>
  );
}

export default function Dashboard() {
  const t = useT();
  const { name, role, volunteer, staff, association } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("auth.dashboard.welcome", { name })}</h1>
      <p className="font-lead">{t("auth.dashboard.roleIntro", { role: t(`common.roles.${role}`).toLowerCase() })}</p>
      {volunteer ? <VolunteerStart data={volunteer} /> : null}
      {staff ? <StaffStart data={staff} /> : null}
      {association ? <AssociationStart data={association} /> : null}
      {role === "admin" ? <p>{t("auth.dashboard.admin")}</p> : null}
      <p className="mt-7">
        <Link to="/account">{t("auth.dashboard.account")}</Link>
      </p>
    </>
  );
}
