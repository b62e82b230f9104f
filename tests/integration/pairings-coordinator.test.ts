import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateEncryptionKey } from "~/modules/crypto/encryption.server";
import { getLatestPairing } from "~/modules/pairings/coordinator.server";
import { answerProposal, propose } from "~/modules/pairings/pairings.server";
import { createYouth, markReady } from "~/modules/youths/records.server";
import { createUser } from "../factories/users";
import { actorOf, createApprovedMentor } from "../factories/volunteers";
import { youthSpec } from "../factories/youths";
import { createTestContext } from "../helpers/context";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

let database: TestDatabase;
let deps: ReturnType<typeof createTestContext> & { key: ReturnType<typeof generateEncryptionKey> };
let coordinator: ReturnType<typeof actorOf>;

beforeAll(async () => {
  database = await createTestDatabase();
  deps = { ...createTestContext(database.handle), key: generateEncryptionKey() };
  coordinator = actorOf(await createUser(database.db, { role: "coordinator", name: "Karin Koordinator" }));
});
afterAll(() => database.close());

async function readyYouth() {
  const created = await createYouth(deps, coordinator, youthSpec());
  if (!created.ok) throw new Error(`setup: ${created.reason}`);
  await markReady(deps, coordinator, created.youthId);
  return created.youthId;
}

const mentor = (name: string) =>
  createApprovedMentor(deps, {
    user: { name },
    overrides: { preferences: { capacity: 1, ageMin: 16, ageMax: 25, genderPreference: "any" } },
  });

describe("the latest pairing of a youth, for coordinators", () => {
  it("is nothing before a proposal, and nothing at all for roles without youth records", async () => {
    const youthId = await readyYouth();
    expect(await getLatestPairing(database.db, coordinator, youthId)).toBeNull();
    const first = await mentor("Første Mentor");
    const proposal = await propose(deps, coordinator, youthId, first.volunteerId, {});
    if (!proposal.ok) throw new Error("setup");
    for (const role of ["volunteer", "association"] as const) {
      const outsider = actorOf(await createUser(database.db, { role }));
      expect(await getLatestPairing(database.db, outsider, youthId)).toBeNull();
    }
    // The mentor of the pairing has no youth records either: their own view is `getMentorPairing`.
    expect(await getLatestPairing(database.db, first.actor, youthId)).toBeNull();
    expect(await getLatestPairing(database.db, coordinator, "not-a-uuid")).toBeNull();
  });

  it("shows the open proposal with the mentor, the coordinator and the reasons; after a decline, the decline and then the next one", async () => {
    const youthId = await readyYouth();
    const first = await mentor("Første Mentor");
    const proposal = await propose(deps, coordinator, youthId, first.volunteerId, { note: "Jeg tror, I passer sammen." });
    if (!proposal.ok) throw new Error("setup");
    expect(await getLatestPairing(database.db, coordinator, youthId)).toMatchObject({
      id: proposal.pairingId,
      status: "proposed",
      volunteerId: first.volunteerId,
      mentorName: "Første Mentor",
      mentorKind: "business",
      proposedByName: "Karin Koordinator",
      coordinatorNote: "Jeg tror, I passer sammen.",
      reasons: expect.arrayContaining([expect.objectContaining({ factor: "free_capacity" })]),
      agreementSetAt: null,
    });

    expect(await answerProposal(deps, first.actor, proposal.pairingId, { accept: false, reason: "Jeg flytter i maj" })).toEqual({ ok: true });
    expect(await getLatestPairing(database.db, coordinator, youthId)).toMatchObject({ id: proposal.pairingId, status: "declined", declineReason: "Jeg flytter i maj" });

    const second = await mentor("Anden Mentor");
    const next = await propose(deps, coordinator, youthId, second.volunteerId, {});
    if (!next.ok) throw new Error("setup");
    expect(await getLatestPairing(database.db, coordinator, youthId)).toMatchObject({ id: next.pairingId, status: "proposed", mentorName: "Anden Mentor" });
  });
});
