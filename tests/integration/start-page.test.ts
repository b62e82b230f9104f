import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { book } from "~/modules/courses/booking.server";
import { generateEncryptionKey } from "~/modules/crypto/encryption.server";
import { propose } from "~/modules/pairings/pairings.server";
import { staffStart, volunteerStart } from "~/modules/start/start-page.server";
import { listPipeline } from "~/modules/volunteers/coordinator.server";
import { createYouth, markReady } from "~/modules/youths/records.server";
import { createAssociation, createOpenTask } from "../factories/associations";
import { createCourseWithSession } from "../factories/courses";
import { createUser } from "../factories/users";
import { actorOf, createApprovedMentor, createSubmittedVolunteer } from "../factories/volunteers";
import { youthSpec } from "../factories/youths";
import { createTestContext } from "../helpers/context";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

let database: TestDatabase;
let deps: { db: TestDatabase["db"]; jobs: ReturnType<typeof createTestContext>["jobs"]; env: ReturnType<typeof createTestContext>["env"]; key: ReturnType<typeof generateEncryptionKey> };
let coordinator: ReturnType<typeof actorOf>;

beforeAll(async () => {
  database = await createTestDatabase();
  const { jobs, env } = createTestContext(database.handle);
  deps = { db: database.db, jobs, env, key: generateEncryptionKey() };
  coordinator = actorOf(await createUser(database.db, { role: "coordinator" }));
});
afterAll(() => database.close());

describe("the start page", () => {
  it("shows a mentor the application, the next course and a proposal waiting for an answer", async () => {
    const mentor = await createApprovedMentor(deps);
    const { sessionId } = await createCourseWithSession(database.db, coordinator, { session: { startsInHours: 30 * 24 } });
    await book(deps, mentor.actor, sessionId);
    const youth = await createYouth(deps, coordinator, youthSpec());
    if (!youth.ok) throw new Error("setup");
    await markReady(deps, coordinator, youth.youthId);
    const proposal = await propose(deps, coordinator, youth.youthId, mentor.volunteerId, {});
    expect(proposal.ok).toBe(true);

    const start = await volunteerStart(database.db, mentor.actor);
    expect(start.application).toMatchObject({ status: "approved", kind: "business" });
    expect(start.upcoming.map((booking) => booking.sessionId)).toEqual([sessionId]);
    expect(start.pairings).toEqual({ toAnswer: 1, starting: 0, active: 0 });

    const newcomer = actorOf(await createUser(database.db, { role: "volunteer" }));
    expect(await volunteerStart(database.db, newcomer)).toMatchObject({ application: null, upcoming: [], pairings: { toAnswer: 0 } });
  });

  it("gives coordinators the counts the lists behind them show", async () => {
    await createSubmittedVolunteer(deps);
    const start = await staffStart(database.db, coordinator);
    const listed = await listPipeline(database.db, coordinator, { quick: "needs_interview" });
    expect(start?.needsInterview).toBe(listed?.total);
    expect(start?.needsInterview).toBeGreaterThan(0);
    // The youth proposed in the test above still waits: a proposal is not a mentor until it starts.
    expect(start?.waitingYouths).toBe(1);
    expect(start?.sessionsThisWeek).toBe(0);
    // Tasks wait for a coordinator only once their association is approved; a pending one's tasks wait with it.
    expect(start?.tasksAwaitingApproval).toBe(0);
    const approved = await createAssociation(database.db);
    const pending = await createAssociation(database.db, { status: "pending" });
    await createOpenTask(database.db, approved.associationId, { status: "awaiting_approval", publishedAt: null });
    await createOpenTask(database.db, pending.associationId, { status: "awaiting_approval", publishedAt: null });
    const later = await staffStart(database.db, coordinator);
    expect(later).toMatchObject({ tasksAwaitingApproval: 1, pendingAssociations: 1 });
    expect(await staffStart(database.db, actorOf(await createUser(database.db, { role: "volunteer" })))).toBeNull();
  });
});
