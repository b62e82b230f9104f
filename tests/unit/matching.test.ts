import { describe, expect, it } from "vitest";
import { matchWeights as w, respectsMentorWishes, scoreMatch, type MentorProfile, type YouthProfile } from "~/modules/pairings/matching";

const youth: YouthProfile = {
  age: 19,
  gender: "male",
  town: "Grindsted",
  interests: ["sport", "gaming", "music"],
  goals: ["job"],
  languages: ["da", "ar"],
  availability: ["tue:evening", "thu:evening", "sat:daytime"],
  afterHoursSupport: true,
  preferredMentorGender: "any",
  preferredMentorKind: null,
};

const mentor: MentorProfile = {
  kind: "civil_society",
  gender: "unspecified",
  town: "Copenhagen",
  interests: [],
  languages: ["en"],
  availability: [],
  afterHoursReachable: false,
  capacity: 2,
  openPairings: 2,
  ageMin: null,
  ageMax: null,
  youthGenderPreference: "any",
};

const points = (result: ReturnType<typeof scoreMatch>, factor: string) => result.reasons.find((reason) => reason.factor === factor)?.points;

describe("the match score", () => {
  it("adds nothing for a mentor with nothing in common, and says why it takes points for missing after-hours support", () => {
    const result = scoreMatch(youth, mentor);
    expect(result.reasons).toEqual([{ factor: "after_hours", points: w.afterHoursUnreachable }]);
    expect(result.score).toBe(w.afterHoursUnreachable);
  });

  it("counts each shared interest up to its maximum, and names them", () => {
    const two = scoreMatch(youth, { ...mentor, interests: ["sport", "music", "cooking"] });
    expect(points(two, "shared_interests")).toBe(2 * w.sharedInterest);
    expect(two.reasons.find((reason) => reason.factor === "shared_interests")?.detail).toEqual({ interests: ["sport", "music"] });
    const many = scoreMatch({ ...youth, interests: ["sport", "gaming", "music", "art"] }, { ...mentor, interests: ["sport", "gaming", "music", "art"] });
    expect(points(many, "shared_interests")).toBe(w.sharedInterestsMax);
  });

  it("prefers the same town to a town nearby in the municipality, and gives nothing for one outside", () => {
    expect(points(scoreMatch(youth, { ...mentor, town: "grindsted " }), "same_town")).toBe(w.sameTown);
    expect(points(scoreMatch(youth, { ...mentor, town: "Billund" }), "nearby_town")).toBe(w.nearbyTown);
    const far = scoreMatch(youth, { ...mentor, town: "Vejle" });
    expect(far.reasons.some((reason) => reason.factor.endsWith("town"))).toBe(false);
  });

  it("weighs evening overlap double for a youth who needs after-hours support", () => {
    const evenings = scoreMatch(youth, { ...mentor, availability: ["tue:evening"] });
    const daytime = scoreMatch(youth, { ...mentor, availability: ["sat:daytime"] });
    expect(points(evenings, "overlapping_availability")).toBe(2 * w.overlappingSlot);
    expect(points(daytime, "overlapping_availability")).toBe(w.overlappingSlot);
    const noSupportNeeded = scoreMatch({ ...youth, afterHoursSupport: false }, { ...mentor, availability: ["tue:evening"] });
    expect(points(noSupportNeeded, "overlapping_availability")).toBe(w.overlappingSlot);
    expect(points(noSupportNeeded, "after_hours")).toBeUndefined();
    expect(points(scoreMatch(youth, { ...mentor, afterHoursReachable: true }), "after_hours")).toBe(w.afterHoursReachable);
  });

  it("scores a shared language, the kind against the goals, the preferred kind and gender, and free capacity", () => {
    const result = scoreMatch(
      { ...youth, preferredMentorKind: "business", preferredMentorGender: "male" },
      { ...mentor, kind: "business", gender: "male", languages: ["ar"], openPairings: 0 },
    );
    expect(points(result, "shared_language")).toBe(w.sharedLanguage);
    expect(points(result, "kind_fits_goals")).toBe(w.kindFitsGoals);
    expect(points(result, "preferred_kind")).toBe(w.preferredKind);
    expect(points(result, "preferred_gender")).toBe(w.preferredGender);
    expect(points(result, "free_capacity")).toBe(w.freeCapacity);
    expect(result.score).toBe(result.reasons.reduce((sum, reason) => sum + reason.points, 0));
    expect(points(scoreMatch({ ...youth, preferredMentorGender: "female" }, { ...mentor, gender: "male" }), "preferred_gender")).toBe(w.otherGender);
    // A mentor who did not say their gender is neither preferred nor passed over for it.
    expect(points(scoreMatch({ ...youth, preferredMentorGender: "female" }, mentor), "preferred_gender")).toBeUndefined();
  });

  it("keeps the mentor's wishes: the age range and the youth's gender", () => {
    expect(respectsMentorWishes(youth, { ageMin: 20, ageMax: 25, youthGenderPreference: "any" })).toBe(false);
    expect(respectsMentorWishes(youth, { ageMin: 16, ageMax: 19, youthGenderPreference: "any" })).toBe(true);
    expect(respectsMentorWishes(youth, { ageMin: null, ageMax: null, youthGenderPreference: "female" })).toBe(false);
    expect(respectsMentorWishes({ ...youth, gender: "unspecified" }, { ageMin: null, ageMax: null, youthGenderPreference: "female" })).toBe(true);
  });
});
