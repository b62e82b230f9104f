import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pairingCheckIns, pairings, youths } from "#db/schema";
import { generateEncryptionKey } from "~/modules/crypto/encryption.server";
import { logContact, requestHelp } from "~/modules/pairings/follow-up.server";
import { copenhagenDateTime, copenhagenToday } from "~/modules/volunteers/dates";
import { action, loader } from "~/routes/coordinator.pairings.$pairingId";
import { createActivePairing } from "../factories/pairings";
import { actorOf } from "../factories/volunteers";
import { createTestContext } from "../helpers/context";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { formRequest as post, loaded, outcome, requestRunner } from "../helpers/routes";
import { loggedInUser, request } from "../helpers/sessions";

let database: TestDatabase;
let run: ReturnType<typeof requestRunner>;
let deps: ReturnType<typeof createTestContext> & { key: ReturnType<typeof generateEncryptionKey> };
let coordinator: Awaited<ReturnType<typeof loggedInUser>>;

beforeAll(async () => {
  database = await createTestDatabase();
  const key = generateEncryptionKey();
  // A context per request, as the server makes one, all with the key the notes are encrypted with.
  const context = () => createTestContext(database.handle, { encryptionKey: key });
  run = requestRunner(context);
  deps = { ...context(), key };
  coordinator = await loggedInUser(database.db, { role: "coordinator", name: "Karin Koordinator" });
});
afterAll(() => database.close());

const page = (pairingId: string) => `/coordinator/pairings/${pairingId}`;
const me = () => actorOf(coordinator.user);
const postTo = (pairingId: string, fields: Record<string, string>, cookie = coordinator.cookie) => run(action, post(page(pairingId), cookie, fields), { pairingId });

const checkIn = {
  intent: "checkIn",
  heldOn: copenhagenToday(),
  spokeWith: "both",
  mood: "well",
  progress: "Sara har fået en praktikplads.",
  goodFit: "yes",
  safetyConcern: "no",
  escalatedTo: "",
  safetyNote: "",
  nextStep: "Møde om to uger.",
};

async function checkInCount(pairingId: string) {
  const [row] = await database.db.select({ n: count() }).from(pairingCheckIns).where(eq(pairingCheckIns.pairingId, pairingId));
  return row?.n ?? 0;
}

describe("the coordinator's follow-up page", () => {
  it("shows the schedule, the mentor's contacts with after-hours marked, and the help requests", async () => {
    const { pairingId, mentor } = await createActivePairing(deps, me(), { startedAt: new Date(Date.now() - 20 * 86_400_000) });
    const yesterday = new Date(Date.now() - 86_400_000);
    await logContact(deps, mentor.actor, pairingId, { occurredAt: copenhagenDateTime(copenhagenToday(yesterday), "21:15"), durationMinutes: 25, channel: "phone", note: "Nervøs for i morgen" });
    await requestHelp(deps, mentor.actor, pairingId, { message: "Hun vil gerne tale med en voksen om økonomi." });

    const data = loaded(await run(loader, request(page(pairingId), { cookie: coordinator.cookie }), { pairingId }));
    expect(data.followUp.schedule).toMatchObject({ overdueDays: 5, daysSinceContact: 1, quiet: false });
    expect(data.followUp.contacts).toEqual([expect.objectContaining({ afterHours: true, note: "Nervøs for i morgen", durationMinutes: 25 })]);
    expect(data.followUp.helpRequests).toEqual([expect.objectContaining({ message: "Hun vil gerne tale med en voksen om økonomi.", handledAt: null })]);
    expect(data.followUp.afterHoursCount).toBe(1);
  });

  it("records a check-in, says what is missing in Danish, and saves nothing from a failed form", async () => {
    const { pairingId } = await createActivePairing(deps, me());
    const missing = outcome(await postTo(pairingId, { ...checkIn, mood: "", progress: " ", safetyConcern: "yes" }));
    expect(missing.status).toBe(400);
    expect(missing.data).toMatchObject({
      form: { key: "checkIn", errors: { mood: "pairings.errors.mood", progress: "validation.required", escalatedTo: "pairings.errors.escalatedTo", safetyNote: "pairings.errors.safetyNote" } },
    });
    const noFit = outcome(await postTo(pairingId, { ...checkIn, goodFit: "" }));
    expect(noFit).toMatchObject({ status: 400, data: { form: { errors: { goodFit: "pairings.errors.goodFit" }, values: { progress: checkIn.progress } } } });
    const future = outcome(await postTo(pairingId, { ...checkIn, heldOn: "2999-01-01" }));
    expect(future).toMatchObject({ status: 400, data: { form: { errors: { heldOn: "pairingFollowUp.problems.in_future" } } } });
    expect(await checkInCount(pairingId)).toBe(0);

    const saved = outcome(await postTo(pairingId, { ...checkIn, safetyConcern: "yes", escalatedTo: "team_lead", safetyNote: "Truet af en bekendt." }));
    expect(saved).toMatchObject({ status: 302, location: page(pairingId) });
    expect(saved.cookie).toContain("pairingFollowUp.checkIn.savedConcern");
    expect(await checkInCount(pairingId)).toBe(1);
    const [flag] = await database.db.select({ at: pairings.safetyConcernAt }).from(pairings).where(eq(pairings.id, pairingId));
    expect(flag?.at).not.toBeNull();
  });

  it("handles a help request and closes the pairing with the youth's outcome", async () => {
    const { pairingId, youthId, mentor } = await createActivePairing(deps, me());
    await requestHelp(deps, mentor.actor, pairingId, { message: "Ring gerne." });
    const before = loaded(await run(loader, request(page(pairingId), { cookie: coordinator.cookie }), { pairingId }));
    const handled = outcome(await postTo(pairingId, { intent: "handleHelp", requestId: before.followUp.helpRequests[0]!.id }));
    expect(handled.cookie).toContain("pairingFollowUp.help.handledToast");

    const incomplete = outcome(await postTo(pairingId, { intent: "close", kind: "planned", reason: "", exitNote: "", rematch: "" }));
    expect(incomplete).toMatchObject({
      status: 400,
      data: { form: { key: "close", errors: { reason: "pairings.errors.closeReason", exitNote: "validation.required", rematch: "pairings.errors.rematch" } } },
    });
    const closed = outcome(await postTo(pairingId, { intent: "close", kind: "planned", reason: "goal_reached", exitNote: "Hun er i gang på EUD.", rematch: "no", outcome: "education_eud" }));
    expect(closed.cookie).toContain("pairingFollowUp.close.closedOutcome");
    const [youth] = await database.db.select({ status: youths.status, outcome: youths.outcome }).from(youths).where(eq(youths.id, youthId));
    expect(youth).toEqual({ status: "closed", outcome: "education_eud" });

    const after = loaded(await run(loader, request(page(pairingId), { cookie: coordinator.cookie }), { pairingId }));
    expect(after.followUp.pairing).toMatchObject({ status: "closed", closeReason: "goal_reached", coordinatorExitNote: "Hun er i gang på EUD." });
    expect(after.followUp.helpRequests[0]?.handledByName).toBe("Karin Koordinator");
    const again = outcome(await postTo(pairingId, { intent: "close", kind: "planned", reason: "other", exitNote: "x", rematch: "yes" }));
    expect(again).toMatchObject({ status: 409, data: { problem: "pairingFollowUp.problems.illegal_state" } });
  });

  it("is not for mentors or associations, and a stranger's pairing id is not found", async () => {
    const { pairingId, mentor } = await createActivePairing(deps, me());
    const mentorLogin = await loggedInUser(database.db, { role: "volunteer" });
    const association = await loggedInUser(database.db, { role: "association" });
    for (const outsider of [mentorLogin, association]) {
      expect(outcome(await run(loader, request(page(pairingId), { cookie: outsider.cookie }), { pairingId })).status).toBe(403);
      expect(outcome(await postTo(pairingId, checkIn, outsider.cookie)).status).toBe(403);
    }
    expect(mentor.actor.id).not.toBe(mentorLogin.user.id);
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect(outcome(await run(loader, request(page(unknown), { cookie: coordinator.cookie }), { pairingId: unknown })).status).toBe(404);
    expect(await checkInCount(pairingId)).toBe(0);
  });
});
