import { and, asc, desc, eq, inArray, isNull, ne, notInArray } from "drizzle-orm";
import type { Database } from "#db/client.server";
import { auditEvents, courseBookings, courseSessions, courses, users, vettingChecks, volunteerMessages, volunteerReferences, volunteers } from "#db/schema";
import { audit } from "~/modules/audit/audit.server";
import { can } from "~/modules/auth/permissions";
import { trainingMinutes } from "~/modules/courses/training.server";
import { decryptOptional, type EncryptionKey } from "~/modules/crypto/encryption.server";
import { isUuid, originOf } from "./context.server";
import { getSetting } from "~/modules/settings/settings.server";
import { getPolicy } from "./policy.server";
import { parseAnswers } from "./schemas";
import type { Actor } from "./types";

/**
 * Audit actions that are not changes to the volunteer: views and searches stay in the audit log, and the
 * applicant's draft saves come before the coordinators could see anything.
 */
const notInTimeline = ["vetting.viewed", "vetting.searched", "application.step_saved"];

export type InterviewNotes = { motivation: string; boundaries: string; availability: string; concerns: string };

/**
 * Everything a coordinator needs to vet one volunteer: the application, the checklist with notes decrypted,
 * the references, the messages, the timeline of changes, and who each person named in them is. Reading it is
 * itself audited (`vetting.viewed`).
 */
export async function getVolunteerForCoordinator(deps: { db: Database; key: EncryptionKey }, actor: Actor, volunteerId: string) {
  if (!can(actor.role, "read:vetting:any") || !isUuid(volunteerId)) return null;
  const { db, key } = deps;
  const [row] = await db
    .select({ volunteer: volunteers, user: { name: users.name, email: users.email, emailVerifiedAt: users.emailVerifiedAt } })
    .from(volunteers)
    .innerJoin(users, eq(users.id, volunteers.userId))
    .where(and(eq(volunteers.id, volunteerId), ne(volunteers.status, "draft")));
  if (!row) return null;
  await audit(db, originOf(actor), { action: "vetting.viewed", subjectType: "volunteer", subjectId: volunteerId });

  const [checks, references, timeline, messages, policy, fourEyes, courseBookingsOfVolunteer, minutes] = await Promise.all([
    db.select().from(vettingChecks).where(eq(vettingChecks.volunteerId, volunteerId)).orderBy(asc(vettingChecks.step)),
    db.select().from(volunteerReferences).where(eq(volunteerReferences.volunteerId, volunteerId)).orderBy(asc(volunteerReferences.position)),
    db
      .select({ id: auditEvents.id, occurredAt: auditEvents.occurredAt, actorId: auditEvents.actorId, action: auditEvents.action, details: auditEvents.details })
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectType, "volunteer"), eq(auditEvents.subjectId, volunteerId), notInArray(auditEvents.action, notInTimeline)))
      .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id)),
    db.select().from(volunteerMessages).where(eq(volunteerMessages.volunteerId, volunteerId)).orderBy(desc(volunteerMessages.createdAt)),
    getPolicy(db, row.volunteer.kind),
    getSetting(db, "four_eyes_approval"),
    db
      .select({
        id: courseBookings.id,
        title: courses.title,
        startsAt: courseSessions.startsAt,
        status: courseBookings.status,
        attendance: courseBookings.attendance,
      })
      .from(courseBookings)
      .innerJoin(courseSessions, eq(courseSessions.id, courseBookings.sessionId))
      .innerJoin(courses, eq(courses.id, courseSessions.courseId))
      .where(eq(courseBookings.userId, row.volunteer.userId))
      .orderBy(desc(courseSessions.startsAt))
      .limit(20),
    trainingMinutes(db, row.volunteer.userId),
  ]);

  const { decisionNoteEncrypted, answers, ...volunteer } = row.volunteer;
  const named = [
    volunteer.decidedBy,
    volunteer.responsibleCoordinatorId,
    ...checks.map((check) => check.doneBy),
    ...references.map((reference) => reference.checkedBy),
    ...timeline.map((event) => event.actorId),
    ...messages.map((message) => message.authorId),
  ].filter((id): id is string => Boolean(id));
  const people = named.length
    ? await db
        .select({ id: users.id, name: users.name })
        .from(users)
        .where(inArray(users.id, [...new Set(named)]))
    : [];

  return {
    volunteer: { ...volunteer, decisionNote: decryptOptional(key, decisionNoteEncrypted) },
    user: row.user,
    answers: parseAnswers(answers),
    policy: { requiredSteps: policy.requiredSteps, referencesRequired: policy.referencesRequired, attestRenewalMonths: policy.attestRenewalMonths },
    fourEyes,
    checks: checks.map(({ noteEncrypted, ...check }) => {
      const note = decryptOptional(key, noteEncrypted);
      return check.step === "interview" && note
        ? { ...check, note: null, interviewNotes: JSON.parse(note) as InterviewNotes }
        : { ...check, note, interviewNotes: null };
    }),
    references: references.map(({ noteEncrypted, ...reference }) => ({ ...reference, note: decryptOptional(key, noteEncrypted) })),
    timeline,
    messages,
    courses: { bookings: courseBookingsOfVolunteer, trainingMinutes: minutes },
    /** Names of everyone the record refers to by id; someone whose account is gone is missing. */
    names: Object.fromEntries(people.map((person) => [person.id, person.name])) as Record<string, string>,
  };
}

export type VolunteerRecord = NonNullable<Awaited<ReturnType<typeof getVolunteerForCoordinator>>>;

/** The staff a volunteer can be assigned to: coordinators and admins whose accounts are active. */
export async function listResponsibleStaff(db: Database) {
  return db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(inArray(users.role, ["coordinator", "admin"]), isNull(users.disabledAt)))
    .orderBy(asc(users.name))
    .limit(200);
}
