import { and, count, eq, gte, inArray, lt } from "drizzle-orm";
import type { Database } from "#db/client.server";
import { courseSessions, pairings, volunteers, youths } from "#db/schema";
import { memberAssociation } from "~/modules/associations/registration.server";
import { countPendingAssociations } from "~/modules/associations/review.server";
import { countTasksAwaitingApproval } from "~/modules/associations/tasks.server";
import { can } from "~/modules/auth/permissions";
import { listMyBookings } from "~/modules/courses/catalogue.server";
import { listFollowUpAlerts } from "~/modules/pairings/overdue.server";
import { pipelineFilter } from "~/modules/volunteers/coordinator.server";
import { copenhagenToday } from "~/modules/volunteers/dates";
import { pipelineQuery, type PipelineQuery } from "~/modules/volunteers/schemas";
import type { Actor } from "~/modules/volunteers/types";

/**
 * What a volunteer's start page shows: where the application stands, the next course sessions, and the
 * proposals that wait for an answer. Counts and own records only.
 */
export async function volunteerStart(db: Database, actor: Actor, now = new Date()) {
  const [application] = await db
    .select({ status: volunteers.status, kind: volunteers.kind, nextStep: volunteers.nextStep })
    .from(volunteers)
    .where(eq(volunteers.userId, actor.id));
  const bookings = can(actor.role, "read:booking:own") ? await listMyBookings(db, actor, { now }) : null;
  const pairingCounts = can(actor.role, "read:pairing:own")
    ? await db
        .select({ status: pairings.status, value: count() })
        .from(pairings)
        .where(and(eq(pairings.mentorUserId, actor.id), inArray(pairings.status, ["proposed", "accepted", "active"])))
        .groupBy(pairings.status)
    : [];
  const countOf = (status: string) => Number(pairingCounts.find((row) => row.status === status)?.value ?? 0);
  return {
    application: application ?? null,
    upcoming: bookings?.upcoming.slice(0, 3) ?? [],
    trainingMinutes: bookings?.trainingMinutes ?? 0,
    pairings: { toAnswer: countOf("proposed"), starting: countOf("accepted"), active: countOf("active") },
  };
}

/**
 * The coordinators' start page: what waits for them today, as numbers that link to the lists, and the pairings
 * they answer for that need follow-up (one query over their own pairings, beside the schedule settings).
 */
export async function staffStart(db: Database, actor: Actor, now = new Date()) {
  if (!can(actor.role, "read:vetting:any")) return null;
  const today = copenhagenToday(now);
  const pipelineCount = async (terms: Partial<PipelineQuery>) => {
    const [row] = await db.select({ value: count() }).from(volunteers).where(pipelineFilter(pipelineQuery.parse(terms), today));
    return Number(row?.value ?? 0);
  };
  const week = new Date(now.getTime() + 7 * 24 * 60 * 60 * 1000);
  const [needsInterview, readyForDecision, renewalDue, waitingYouths, sessionsThisWeek, followUp, pendingAssociations, tasksAwaitingApproval] = await Promise.all([
    pipelineCount({ quick: "needs_interview" }),
    pipelineCount({ quick: "ready_for_decision" }),
    pipelineCount({ quick: "renewal_due_30" }),
    can(actor.role, "read:youth:any")
      ? db
          .select({ value: count() })
          .from(youths)
          .where(eq(youths.status, "ready"))
          .then(([row]) => Number(row?.value ?? 0))
      : Promise.resolve(null),
    can(actor.role, "read:course:any")
      ? db
          .select({ value: count() })
          .from(courseSessions)
          .where(and(eq(courseSessions.status, "scheduled"), gte(courseSessions.startsAt, now), lt(courseSessions.startsAt, week)))
          .then(([row]) => Number(row?.value ?? 0))
      : Promise.resolve(null),
    can(actor.role, "read:youth:any")
      ? listFollowUpAlerts(db, { today, coordinatorId: actor.id }).then((alerts) => alerts.map(({ coordinatorId: _mine, ...alert }) => alert))
      : Promise.resolve(null),
    countPendingAssociations(db, actor),
    can(actor.role, "update:association:any") ? countTasksAwaitingApproval(db) : Promise.resolve(null),
  ]);
  return { needsInterview, readyForDecision, renewalDue, waitingYouths, sessionsThisWeek, followUp, pendingAssociations, tasksAwaitingApproval };
}

/** An association's contact person's start page: which association, and where it stands. */
export async function associationStart(db: Database, actor: Actor) {
  const association = await memberAssociation(db, actor);
  return { association: association ? { name: association.name, status: association.status } : null };
}
