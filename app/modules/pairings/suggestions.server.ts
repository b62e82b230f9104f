import { and, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Database } from "#db/client.server";
import { users, vettingChecks, volunteers, youths, type Youth } from "#db/schema";
import { audit } from "~/modules/audit/audit.server";
import { can } from "~/modules/auth/permissions";
import { isUuid, originOf } from "~/modules/volunteers/context.server";
import { goalsByKind, matchWeights, respectsMentorWishes, scoreMatch, type MentorProfile, type YouthProfile } from "./matching";
import type { Actor } from "./types";

/** How many mentors the database ranks roughly before the exact score orders them (see `roughScore`). */
const roughWindow = 200;

export interface SuggestionFilters {
  kind?: "business" | "civil_society" | "company" | "";
  /** Only mentors in the youth's town. */
  sameTown?: boolean;
  /** Only mentors who can be reached after 17:00. */
  afterHours?: boolean;
}

export function youthProfile(youth: Youth, now = new Date()): YouthProfile {
  return {
    age: now.getUTCFullYear() - youth.birthYear,
    gender: youth.gender,
    town: youth.town,
    interests: youth.interests,
    goals: youth.goals,
    languages: youth.languages,
    availability: youth.availability,
    afterHoursSupport: youth.afterHoursSupport,
    preferredMentorGender: youth.preferredMentorGender,
    preferredMentorKind: youth.preferredMentorKind,
  };
}

/** Approved, with room for one more young person: what the ranking reads from the matching index alone. */
function approvedWithRoom(): SQL {
  return and(eq(volunteers.status, "approved"), sql`${volunteers.openPairings} < coalesce(${volunteers.capacity}, 0)`)!;
}

/** The training step passed or waived (a correction of attendance can take it back after the approval). */
function trained(): SQL {
  return sql`exists (select 1 from ${vettingChecks} where ${vettingChecks.volunteerId} = ${volunteers.id}
    and ${vettingChecks.step} = 'training' and ${vettingChecks.state} in ('passed', 'waived'))`;
}

/** Approved, trained (or waived), with room for one more young person: who may be proposed at all. */
export function eligibleMentor(): SQL {
  return and(approvedWithRoom(), trained())!;
}

/**
 * A cheap first ranking in SQL, from the same weights: each factor counts once if it applies at all
 * (overlap instead of size of overlap). The exact score of the best `roughWindow` then decides the order.
 */
function roughScore(profile: YouthProfile): SQL {
  const w = matchWeights;
  const fittingKinds = (["business", "company", "civil_society"] as const).filter((kind) => goalsByKind[kind].some((goal) => profile.goals.includes(goal)));
  // The weights are constants of the code: written into the statement, they keep their integer type.
  const weight = (points: number) => sql.raw(String(Math.trunc(points)));
  const textArray = (values: string[]) => sql`${`{${values.map((value) => `"${value.replace(/["\\]/g, "")}"`).join(",")}}`}::text[]`;
  return sql`(
    (${volunteers.interests} && ${textArray(profile.interests)})::int * ${weight(w.sharedInterest * 2)}
    + (lower(coalesce(${volunteers.town}, '')) = ${profile.town.trim().toLowerCase()})::int * ${weight(w.sameTown)}
    + (${volunteers.availability} && ${textArray(profile.availability)})::int * ${weight(w.overlappingSlot * 3)}
    + (${volunteers.languages} && ${textArray(profile.languages)})::int * ${weight(w.sharedLanguage)}
    + ${profile.afterHoursSupport ? sql`(case when ${volunteers.afterHoursReachable} then ${weight(w.afterHoursReachable)} else ${weight(w.afterHoursUnreachable)} end)` : sql`0`}
    + (${volunteers.kind}::text = any(${textArray([...fittingKinds])}))::int * ${weight(w.kindFitsGoals)}
    + ${profile.preferredMentorKind ? sql`(${volunteers.kind}::text = ${profile.preferredMentorKind})::int * ${weight(w.preferredKind)}` : sql`0`}
  )`;
}

/**
 * Ranked, explained mentor suggestions for a youth who is ready for matching. The search is audited with
 * its filters. Null for an unknown youth or without the permission; an empty list when nobody fits.
 */
export async function suggestMentors(db: Database, actor: Actor, youthId: string, filters: SuggestionFilters = {}, options: { now?: Date; limit?: number } = {}) {
  if (!can(actor.role, "read:youth:any") || !isUuid(youthId)) return null;
  const [youth] = await db.select().from(youths).where(eq(youths.id, youthId));
  if (!youth) return null;
  const profile = youthProfile(youth, options.now);
  const summary = { id: youth.id, firstName: youth.firstName, status: youth.status };
  // Only a youth who is ready is matched: no mentors are looked at (or read, for the audit) before then.
  if (youth.status !== "ready") return { youth: summary, profile, suggestions: [] };
  const conditions: SQL[] = [approvedWithRoom()];
  if (filters.kind) conditions.push(eq(volunteers.kind, filters.kind));
  if (filters.sameTown) conditions.push(sql`lower(${volunteers.town}) = ${youth.town.trim().toLowerCase()}`);
  if (filters.afterHours) conditions.push(eq(volunteers.afterHoursReachable, true));
  // The mentor's own wishes (age range, the youth's gender) exclude; everything else only scores.
  conditions.push(sql`(${volunteers.ageMin} is null or ${volunteers.ageMin} <= ${profile.age})`, sql`(${volunteers.ageMax} is null or ${volunteers.ageMax} >= ${profile.age})`);
  if (profile.gender === "female" || profile.gender === "male") {
    conditions.push(inArray(volunteers.youthGenderPreference, ["any", profile.gender]));
  }

  // The rough ranking reads only what it ranks by (an index covers it) and sorts no more than the window; the
  // training check and the details, with the mentor's name, are read for the window's mentors alone. A mentor
  // whose training was taken back after the approval is dropped from the window rather than replaced: the window
  // is eight times the list, and such mentors are rare.
  const shortlist = db
    .select({ id: volunteers.id, openPairings: volunteers.openPairings, rough: sql<number>`${roughScore(profile)}`.as("rough") })
    .from(volunteers)
    .where(and(...conditions))
    .orderBy(sql`rough desc`, volunteers.openPairings, volunteers.id)
    .limit(roughWindow)
    .as("shortlist");
  const candidates = await db
    .select({
      volunteerId: volunteers.id,
      userId: volunteers.userId,
      name: users.name,
      kind: volunteers.kind,
      gender: volunteers.gender,
      town: volunteers.town,
      interests: volunteers.interests,
      languages: volunteers.languages,
      availability: volunteers.availability,
      afterHoursReachable: volunteers.afterHoursReachable,
      capacity: volunteers.capacity,
      openPairings: volunteers.openPairings,
      ageMin: volunteers.ageMin,
      ageMax: volunteers.ageMax,
      youthGenderPreference: volunteers.youthGenderPreference,
    })
    .from(shortlist)
    .innerJoin(volunteers, eq(volunteers.id, shortlist.id))
    .innerJoin(users, eq(users.id, volunteers.userId))
    .where(trained())
    .orderBy(desc(shortlist.rough), shortlist.openPairings, shortlist.id);

  const ranked = candidates
    .map((candidate) => {
      const mentor: MentorProfile = { ...candidate, capacity: candidate.capacity ?? 0 };
      return { ...candidate, eligible: respectsMentorWishes(profile, mentor), ...scoreMatch(profile, mentor) };
    })
    .filter((candidate) => candidate.eligible)
    .sort((a, b) => b.score - a.score || a.openPairings - b.openPairings || a.volunteerId.localeCompare(b.volunteerId))
    .slice(0, options.limit ?? 25);

  await audit(db, originOf(actor), {
    action: "youth.suggestions_viewed",
    subjectType: "youth",
    subjectId: youthId,
    details: Object.fromEntries(Object.entries(filters).filter(([, value]) => value)),
  });
  return { youth: summary, profile, suggestions: ranked };
}
