import { eq } from "drizzle-orm";
import { pairings } from "#db/schema";
import type { FollowUpDeps } from "~/modules/pairings/follow-up.server";
import { answerProposal, confirmAgreement, propose, setAgreement } from "~/modules/pairings/pairings.server";
import type { Actor } from "~/modules/pairings/types";
import { createYouth, markReady } from "~/modules/youths/records.server";
import type { YouthInput } from "~/modules/youths/schemas";
import { createApprovedMentor } from "./volunteers";
import { youthSpec } from "./youths";
import { expectOk } from "./results";

type Deps = FollowUpDeps & Parameters<typeof createApprovedMentor>[0];

/** A youth ready for matching, created by `coordinator`. */
export async function createReadyYouth(deps: Deps, coordinator: Actor, overrides: Partial<YouthInput> = {}) {
  const created = await createYouth(deps, coordinator, youthSpec({ responsibleCoordinatorId: coordinator.id, ...overrides }));
  expectOk(created, "youth");
  expectOk(await markReady(deps, coordinator, created.youthId), "ready");
  return created.youthId;
}

/**
 * An active pairing made through the module: a ready youth, an approved mentor with one place, the proposal,
 * the mentor's yes, the agreement and its confirmation. `startedAt` moves the start back for schedule tests.
 */
export async function createActivePairing(deps: Deps, coordinator: Actor, options: { mentorName?: string; startedAt?: Date; youth?: Partial<YouthInput> } = {}) {
  const youthId = await createReadyYouth(deps, coordinator, options.youth);
  const mentor = await createApprovedMentor(deps, {
    user: { name: options.mentorName ?? "Mads Mentor" },
    overrides: { preferences: { capacity: 1, ageMin: 16, ageMax: 30, genderPreference: "any" } },
  });
  const proposal = await propose(deps, coordinator, youthId, mentor.volunteerId, { note: "I passer godt sammen." });
  expectOk(proposal, "proposal");
  const { pairingId } = proposal;
  expectOk(await answerProposal(deps, mentor.actor, pairingId, { accept: true }), "accept");
  expectOk(
    await setAgreement(deps, coordinator, pairingId, {
      kickoffAt: new Date(Date.now() - 86_400_000),
      meetingFrequency: "Hver uge",
      durationMonths: 6,
      contactArrangement: "SMS og telefon",
      afterHoursArrangement: "Må skrive til kl. 21",
    }),
    "agreement",
  );
  expectOk(await confirmAgreement(deps, mentor.actor, pairingId), "confirm");
  if (options.startedAt) {
    await deps.db.update(pairings).set({ startedAt: options.startedAt, respondedAt: options.startedAt, proposedAt: options.startedAt }).where(eq(pairings.id, pairingId));
  }
  return { pairingId, youthId, mentor };
}
