import { and, desc, eq, gte, inArray } from "drizzle-orm";
import type { Database } from "#db/client.server";
import { associations, associationTasks, pairings, volunteers, youths } from "#db/schema";
import { audit } from "~/modules/audit/audit.server";
import type { AssociationParticipation } from "./participation.server";
import { can } from "~/modules/auth/permissions";
import { copenhagenToday } from "~/modules/volunteers/dates";
import { isUuid, originOf } from "~/modules/volunteers/context.server";
import { ageOf } from "~/modules/youths/age";
import type { Actor } from "./types";

/**
 * What the page that proposes a youth for a task reads besides the participation module: the task it is about,
 * and whom the proposer may propose. The proposal itself, and every rule about it, is `proposeParticipation`.
 */

/** The statuses of a youth whose course is open: the only youths a coordinator can propose. */
export const proposableYouthStatuses = ["intake", "ready", "matched"] as const;

/**
 * The task for the page's header: an open task of an approved association, not past its expiry. Any other task
 * takes no proposals, and the page does not exist for it.
 */
export async function getProposableTask(db: Database, taskId: string, now = new Date()) {
  if (!isUuid(taskId)) return null;
  const [task] = await db
    .select({
      id: associationTasks.id,
      title: associationTasks.title,
      town: associationTasks.town,
      schedule: associationTasks.schedule,
      recurrence: associationTasks.recurrence,
      startsAt: associationTasks.startsAt,
      endsAt: associationTasks.endsAt,
      minimumAge: associationTasks.minimumAge,
      places: associationTasks.places,
      placesTaken: associationTasks.placesTaken,
      involvesChildren: associationTasks.involvesChildren,
      associationName: associations.name,
    })
    .from(associationTasks)
    .innerJoin(associations, eq(associations.id, associationTasks.associationId))
    .where(
      and(
        eq(associationTasks.id, taskId),
        eq(associationTasks.status, "open"),
        eq(associations.status, "approved"),
        gte(associationTasks.expiresOn, copenhagenToday(now)),
      ),
    );
  return task ?? null;
}

export type ProposableTask = NonNullable<Awaited<ReturnType<typeof getProposableTask>>>;

/**
 * The youth a coordinator picked, with the name and age the page shows before the note is written. Reading it is
 * audited like any read of a youth's record (`youth.viewed`, which stays out of the youth's timeline).
 */
export async function getYouthToPropose(db: Database, actor: Actor, youthId: string, taskId: string, now = new Date()) {
  if (!can(actor.role, "create:participation:any") || !can(actor.role, "read:youth:any") || !isUuid(youthId)) return null;
  const [youth] = await db
    .select({ id: youths.id, firstName: youths.firstName, lastName: youths.lastName, birthYear: youths.birthYear, status: youths.status })
    .from(youths)
    .where(eq(youths.id, youthId));
  if (!youth) return null;
  await audit(db, originOf(actor), { action: "youth.viewed", subjectType: "youth", subjectId: youth.id, details: { for: "participation", taskId } });
  const { birthYear, ...rest } = youth;
  return { ...rest, age: ageOf(birthYear, now) };
}

/**
 * The youths a mentor may propose: those of the mentor's own active pairings, by first name and age as the
 * mentor's pages show them. Null for a volunteer who is not a mentor (neither approved nor ever paired): the
 * page is not theirs. An approved mentor without an active pairing gets an empty list, which the page explains.
 */
export async function listMentorYouthsToPropose(db: Database, actor: Actor, now = new Date()) {
  if (!can(actor.role, "update:pairing:own")) return null;
  const [own, [mentor]] = await Promise.all([
    db
      .select({ pairingId: pairings.id, status: pairings.status, youthId: pairings.youthId, youthFirstName: youths.firstName, youthBirthYear: youths.birthYear })
      .from(pairings)
      .innerJoin(youths, eq(youths.id, pairings.youthId))
      .where(eq(pairings.mentorUserId, actor.id))
      .orderBy(desc(pairings.startedAt))
      .limit(100),
    db
      .select({ id: volunteers.id })
      .from(volunteers)
      .where(and(eq(volunteers.userId, actor.id), inArray(volunteers.status, ["approved", "paused"])))
      .limit(1),
  ]);
  if (!mentor && own.length === 0) return null;
  return own
    .filter((pairing) => pairing.status === "active")
    .map(({ pairingId, youthId, youthFirstName, youthBirthYear }) => ({ pairingId, youthId, youthFirstName, youthAge: ageOf(youthBirthYear, now) }));
}

export type MentorYouthToPropose = NonNullable<Awaited<ReturnType<typeof listMentorYouthsToPropose>>>[number];

/**
 * A proposal as the association's pages carry it: what `listAssociationParticipations` lets the association see,
 * with the proposer's role said as the association reads it (a mentor, or the municipality's coordinator).
 */
export function associationParticipationView({ proposedByRole, ...row }: AssociationParticipation) {
  return { ...row, proposerRole: proposedByRole === null ? null : proposedByRole === "volunteer" ? ("mentor" as const) : ("coordinator" as const) };
}

export type AssociationParticipationView = ReturnType<typeof associationParticipationView>;
