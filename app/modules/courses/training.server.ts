import { and, eq, isNull, sum } from "drizzle-orm";
import type { Database } from "#db/client.server";
import { courses, trainingCredits, volunteers, vettingPolicies, type MentorKind } from "#db/schema";
import { syncTrainingFromCourses } from "~/modules/volunteers/vetting.server";
import type { Actor } from "./types";

/**
 * The courses a kind of mentor must attend: the ones the kind's vetting policy names or, when it names
 * none, every current course marked required that is meant for the kind (ADR 0011).
 */
export async function requiredCourseIds(db: Database, kind: MentorKind) {
  const [policy] = await db.select({ courseIds: vettingPolicies.requiredCourseIds }).from(vettingPolicies).where(eq(vettingPolicies.kind, kind));
  if (policy?.courseIds.length) return policy.courseIds;
  const flagged = await db
    .select({ id: courses.id, audience: courses.audience })
    .from(courses)
    .where(and(eq(courses.requiredBeforeMatching, true), isNull(courses.archivedAt)));
  return flagged.filter((course) => course.audience.length === 0 || course.audience.includes(kind)).map((course) => course.id);
}

export async function attendedCourseIds(db: Database, userId: string) {
  const rows = await db.selectDistinct({ courseId: trainingCredits.courseId }).from(trainingCredits).where(eq(trainingCredits.userId, userId));
  return new Set(rows.map((row) => row.courseId));
}

/** The required courses a volunteer has not attended yet; none for someone without an application. */
export async function neededCourseIds(db: Database, userId: string) {
  const [volunteer] = await db.select({ kind: volunteers.kind }).from(volunteers).where(eq(volunteers.userId, userId));
  if (!volunteer) return [];
  const [required, attended] = await Promise.all([requiredCourseIds(db, volunteer.kind), attendedCourseIds(db, userId)]);
  return required.filter((courseId) => !attended.has(courseId));
}

/** The volunteer's training ledger in total. */
export async function trainingMinutes(db: Database, userId: string) {
  const [row] = await db.select({ minutes: sum(trainingCredits.minutes) }).from(trainingCredits).where(eq(trainingCredits.userId, userId));
  return Number(row?.minutes ?? 0);
}

/**
 * After an attendance changes: the training step of the volunteer's vetting passes once every required
 * course is attended. No required course means attendance decides nothing; the coordinator's tick stands.
 */
export async function syncTraining(tx: Database, actor: Actor, userId: string) {
  const [volunteer] = await tx.select({ kind: volunteers.kind }).from(volunteers).where(eq(volunteers.userId, userId));
  if (!volunteer) return;
  const required = await requiredCourseIds(tx, volunteer.kind);
  if (required.length === 0) return;
  const attended = await attendedCourseIds(tx, userId);
  await syncTrainingFromCourses(tx, actor, userId, {
    complete: required.every((courseId) => attended.has(courseId)),
    courseIds: required.filter((courseId) => attended.has(courseId)),
  });
}
