import type { MatchReason } from "#db/schema";

/**
 * How a mentor suggestion is scored: every weight in one place (ADR 0012). A score is the sum of the
 * factors' points; each factor that adds or takes points is a reason shown to the coordinator.
 */
export const matchWeights = {
  /** Per interest tag both have, up to `sharedInterestsMax`. */
  sharedInterest: 6,
  sharedInterestsMax: 18,
  sameTown: 15,
  /** Both live in Billund Kommune, in different towns: a short drive. */
  nearbyTown: 6,
  /** Per weekly slot both are free in, up to `availabilityMax`; evening and night slots count double for a youth who needs after-hours support. */
  overlappingSlot: 3,
  availabilityMax: 21,
  /** The youth needs a lifeline after 17:00 and the mentor can be reached then. */
  afterHoursReachable: 12,
  /** ... and the mentor cannot: a real drawback, not only a missing plus. */
  afterHoursUnreachable: -12,
  sharedLanguage: 8,
  /** The mentor's kind fits the youth's goals (business: job and education; company: job; civil society: everyday life and social). */
  kindFitsGoals: 10,
  /** The youth (or their coordinator) asked for this kind of mentor. */
  preferredKind: 10,
  /** The youth wishes for a mentor of the mentor's gender. */
  preferredGender: 8,
  /** The youth wishes for a mentor of another gender than this mentor's. */
  otherGender: -15,
  /** Free capacity: up to this many points for a mentor with no young person yet. */
  freeCapacity: 6,
} as const;

/** Billund Kommune's towns: the same municipality counts as nearby. */
export const municipalityTowns = ["billund", "grindsted", "vorbasse", "hejnsvig", "sønder omme", "filskov", "stenderup-krogager", "grene"];

export interface YouthProfile {
  age: number;
  gender: "female" | "male" | "other" | "unspecified";
  town: string;
  interests: string[];
  goals: string[];
  languages: string[];
  availability: string[];
  afterHoursSupport: boolean;
  preferredMentorGender: "any" | "female" | "male";
  preferredMentorKind: "business" | "civil_society" | "company" | null;
}

export interface MentorProfile {
  kind: "business" | "civil_society" | "company";
  gender: "female" | "male" | "other" | "unspecified";
  town: string | null;
  interests: string[];
  languages: string[];
  availability: string[];
  afterHoursReachable: boolean;
  capacity: number;
  openPairings: number;
  ageMin: number | null;
  ageMax: number | null;
  youthGenderPreference: "any" | "female" | "male";
}

/** Which of a youth's goals each kind of mentor serves best. */
export const goalsByKind: Record<MentorProfile["kind"], string[]> = {
  business: ["job", "education"],
  company: ["job"],
  civil_society: ["everyday_life", "social"],
};

const intersection = (a: string[], b: string[]) => a.filter((value) => b.includes(value));

/**
 * Whether a mentor can be suggested at all, beyond being approved and trained with room for one more
 * (which the query checks): the youth's age lies in the mentor's range, and the mentor's wish about the
 * youth's gender is kept (a youth who did not say is not excluded).
 */
export function respectsMentorWishes(youth: Pick<YouthProfile, "age" | "gender">, mentor: Pick<MentorProfile, "ageMin" | "ageMax" | "youthGenderPreference">) {
  if (mentor.ageMin !== null && youth.age < mentor.ageMin) return false;
  if (mentor.ageMax !== null && youth.age > mentor.ageMax) return false;
  if (mentor.youthGenderPreference !== "any" && (youth.gender === "female" || youth.gender === "male")) {
    return mentor.youthGenderPreference === youth.gender;
  }
  return true;
}

/** The score of one mentor for one youth, with every reason that moved it. */
export function scoreMatch(youth: YouthProfile, mentor: MentorProfile): { score: number; reasons: MatchReason[] } {
  const w = matchWeights;
  const reasons: MatchReason[] = [];
  const add = (factor: string, points: number, detail?: MatchReason["detail"]) => {
    if (points !== 0) reasons.push({ factor, points, ...(detail ? { detail } : {}) });
  };

  const interests = intersection(youth.interests, mentor.interests);
  add("shared_interests", Math.min(interests.length * w.sharedInterest, w.sharedInterestsMax), { interests });

  const youthTown = youth.town.trim().toLowerCase();
  const mentorTown = (mentor.town ?? "").trim().toLowerCase();
  if (youthTown && youthTown === mentorTown) add("same_town", w.sameTown, { town: youth.town });
  else if (municipalityTowns.includes(youthTown) && municipalityTowns.includes(mentorTown)) add("nearby_town", w.nearbyTown, { town: mentor.town ?? "" });

  const slots = intersection(youth.availability, mentor.availability);
  const weight = (slot: string) => (youth.afterHoursSupport && !slot.endsWith(":daytime") ? 2 : 1);
  const slotPoints = slots.reduce((sum, slot) => sum + weight(slot) * w.overlappingSlot, 0);
  add("overlapping_availability", Math.min(slotPoints, w.availabilityMax), { slots });
  if (youth.afterHoursSupport) add("after_hours", mentor.afterHoursReachable ? w.afterHoursReachable : w.afterHoursUnreachable);

  const languages = intersection(youth.languages, mentor.languages);
  if (languages.length > 0) add("shared_language", w.sharedLanguage, { languages });

  const fitting = intersection(youth.goals, goalsByKind[mentor.kind]);
  if (fitting.length > 0) add("kind_fits_goals", w.kindFitsGoals, { goals: fitting });
  if (youth.preferredMentorKind === mentor.kind) add("preferred_kind", w.preferredKind);

  if (youth.preferredMentorGender !== "any" && (mentor.gender === "female" || mentor.gender === "male")) {
    add("preferred_gender", mentor.gender === youth.preferredMentorGender ? w.preferredGender : w.otherGender);
  }

  const free = Math.max(mentor.capacity - mentor.openPairings, 0);
  add("free_capacity", Math.round((free / Math.max(mentor.capacity, 1)) * w.freeCapacity), { free, capacity: mentor.capacity });

  return { score: reasons.reduce((sum, reason) => sum + reason.points, 0), reasons };
}
