import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { associationMembers, associations, associationTasks, courseBookings, courseSessions, courses, pairingContacts, pairings, taskParticipations, users, volunteers, youths } from "#db/schema";
import { ensureDemoApplicants, ensureDemoCourses, ensureDemoData } from "#db/seed/demo.server";
import { ensureDemoYouths } from "#db/seed/demo-youths.server";
import { ensureDemoAssociations } from "#db/seed/demo-associations.server";
import { ensureDemoTasks } from "#db/seed/demo-tasks.server";
import { generateEncryptionKey } from "~/modules/crypto/encryption.server";
import { createTestContext, testEnv } from "../helpers/context";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

let database: TestDatabase;
let dataDir: string;

beforeAll(async () => {
  database = await createTestDatabase();
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "mentorbro-demo-"));
});
afterAll(async () => {
  await database.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

describe("the demo data", () => {
  it("creates the accounts, the applicants at each stage and the courses once, however often the portal starts", async () => {
    const env = { ...testEnv, DATA_DIR: dataDir };
    const { jobs } = createTestContext(database.handle);
    const deps = { db: database.db, jobs, env, key: generateEncryptionKey() };
    const log = console.log;
    console.log = () => {};
    try {
      for (let start = 0; start < 2; start++) {
        await ensureDemoData(database.db, env);
        await ensureDemoApplicants(deps);
        await ensureDemoCourses(deps);
        await ensureDemoYouths(deps);
        await ensureDemoAssociations(deps);
        await ensureDemoTasks(deps);
      }
    } finally {
      console.log = log;
    }

    const accounts = JSON.parse(await fs.readFile(path.join(dataDir, "demo-accounts.json"), "utf8")) as { role: string }[];
    expect(accounts.map((account) => account.role).sort()).toEqual(["admin", "association", "coordinator", "volunteer", "volunteer"]);
    const statuses = await database.db.select({ status: volunteers.status }).from(volunteers);
    expect(statuses.map((row) => row.status).sort()).toEqual(["approved", "approved", "submitted", "submitted", "submitted"]);
    const [courseCount] = await database.db.select({ value: count() }).from(courses);
    expect(courseCount?.value).toBe(3);
    // The small introduction session is full, with one person in line.
    const [full] = await database.db.select().from(courseSessions).where(eq(courseSessions.capacity, 2));
    expect(full).toMatchObject({ confirmedCount: 2, waitlistCount: 1 });
    const bookings = await database.db.select().from(courseBookings).innerJoin(users, eq(users.id, courseBookings.userId));
    expect(bookings).toHaveLength(3);

    // A youth at each point: waiting, in intake, matched with the demo mentor, and closed with an outcome.
    const demoYouths = await database.db.select({ firstName: youths.firstName, status: youths.status, outcome: youths.outcome }).from(youths).orderBy(youths.firstName);
    expect(demoYouths).toEqual([
      { firstName: "Ahmad", status: "intake", outcome: null },
      { firstName: "Emil", status: "matched", outcome: null },
      { firstName: "Nanna", status: "closed", outcome: "education_eud" },
      { firstName: "Sara", status: "ready", outcome: null },
    ]);
    const pairingRows = await database.db.select({ status: pairings.status, mentor: users.email }).from(pairings).innerJoin(users, eq(users.id, pairings.mentorUserId)).orderBy(pairings.status);
    expect(pairingRows).toEqual([
      { status: "active", mentor: "mentor@demo.mentorbro.dk" },
      { status: "closed", mentor: "henrik.poulsen@demo.mentorbro.dk" },
    ]);
    const [contactCount] = await database.db.select({ value: count() }).from(pairingContacts);
    expect(contactCount?.value).toBe(5);

    // The demo association account speaks for one approved association, whose tasks still need approval.
    const demoAssociations = await database.db
      .select({ name: associations.name, status: associations.status, publishesDirectly: associations.publishesDirectly, contact: users.email })
      .from(associations)
      .innerJoin(associationMembers, eq(associationMembers.associationId, associations.id))
      .innerJoin(users, eq(users.id, associationMembers.userId));
    expect(demoAssociations).toEqual([{ name: "Grindsted Idrætsforening", status: "approved", publishesDirectly: false, contact: "forening@demo.mentorbro.dk" }]);
    // Its tasks: three open for the public list, one waiting for a coordinator, one draft.
    const taskStatuses = await database.db.select({ status: associationTasks.status }).from(associationTasks);
    expect(taskStatuses.map((row) => row.status).sort()).toEqual(["awaiting_approval", "draft", "open", "open", "open"]);
    // Emil takes part in one (proposed by his mentor); Ahmad's proposal waits for the club's answer.
    const participations = await database.db
      .select({ firstName: youths.firstName, status: taskParticipations.status })
      .from(taskParticipations)
      .innerJoin(youths, eq(youths.id, taskParticipations.youthId))
      .orderBy(youths.firstName);
    expect(participations).toEqual([
      { firstName: "Ahmad", status: "proposed" },
      { firstName: "Emil", status: "active" },
    ]);
  });
});
