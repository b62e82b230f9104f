import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { rowsOf } from "#db/client.server";
import { associations, associationTasks, auditEvents } from "#db/schema";
import type { TaskInput } from "~/modules/associations/schemas";
import {
  approveTask,
  closeTask,
  countTasksAwaitingApproval,
  createTask,
  expireTasks,
  getOwnTask,
  getPublicTask,
  listOwnTasks,
  listPublicTasks,
  publicTaskCountCap,
  listPublicTaskTowns,
  listTasksAwaitingApproval,
  returnTask,
  seesTaskContacts,
  submitTask,
  townName,
  updateTask,
  type TaskDeps,
} from "~/modules/associations/tasks.server";
import { generateEncryptionKey } from "~/modules/crypto/encryption.server";
import { addDays, copenhagenDateTime, copenhagenToday } from "~/modules/volunteers/dates";
import { createAssociation, createOpenTask } from "../factories/associations";
import { createUser } from "../factories/users";
import { actorOf, createApplicant, createApprovedMentor } from "../factories/volunteers";
import { createTestContext } from "../helpers/context";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

let database: TestDatabase;
let deps: TaskDeps;
let coordinator: ReturnType<typeof actorOf>;
const today = copenhagenToday();

beforeAll(async () => {
  database = await createTestDatabase();
  const { jobs, env } = createTestContext(database.handle);
  deps = { db: database.db, jobs, env };
  coordinator = actorOf(await createUser(database.db, { role: "coordinator" }));
});
afterAll(() => database.close());

function taskSpec(overrides: Partial<TaskInput> = {}): TaskInput {
  return {
    title: "Hjælp til ungdomsholdets træning",
    description: "Sæt kegler op og hjælp trænerne.",
    category: "sport",
    town: "Grindsted",
    address: "Stadionvej 2, 7200 Grindsted",
    schedule: "recurring",
    recurrence: "tirsdage kl. 17–19",
    evening: true,
    places: 3,
    minutesPerOccasion: 120,
    minimumAge: 15,
    contactName: "Bent Træner",
    contactPhone: "+45 20 30 40 50",
    contactEmail: "bent@example.dk",
    expiresOn: addDays(today, 60),
    tags: ["no_experience", "evenings"],
    involvesChildren: true,
    ...overrides,
  };
}

async function task(taskId: string) {
  const [row] = await database.db.select().from(associationTasks).where(eq(associationTasks.id, taskId));
  return row!;
}

async function draftOf(member: ReturnType<typeof actorOf>, overrides: Partial<TaskInput> = {}) {
  const created = await createTask(database.db, member, taskSpec(overrides));
  if (!created.ok) throw new Error(`createTask: ${created.reason}`);
  return created.taskId;
}

type EmailData = { to: string; template: string; props: { url: string } };
async function emails(template: string) {
  const rows = rowsOf<{ data: EmailData }>(await database.db.execute(sql`select data from pgboss.job where name = 'email' and data->>'template' = ${template} order by created_on`));
  return rows.map((row) => row.data);
}

async function auditActions(taskId: string) {
  const rows = await database.db
    .select({ action: auditEvents.action })
    .from(auditEvents)
    .where(and(eq(auditEvents.subjectType, "association_task"), eq(auditEvents.subjectId, taskId)))
    .orderBy(auditEvents.id);
  return rows.map((row) => row.action);
}

describe("writing a task", () => {
  it("creates a draft of the member's own association, with the town in one spelling", async () => {
    const { actor, associationId } = await createAssociation(database.db);
    const taskId = await draftOf(actor, { town: "  grindsted " });
    const row = await task(taskId);
    expect(row).toMatchObject({ associationId, status: "draft", town: "Grindsted", places: 3, involvesChildren: true, createdBy: actor.id });
    expect(await auditActions(taskId)).toEqual(["task.created"]);
  });

  it("refuses volunteers, coordinators and people without an association", async () => {
    const volunteer = actorOf(await createUser(database.db, { role: "volunteer" }));
    expect(await createTask(database.db, volunteer, taskSpec())).toEqual({ ok: false, reason: "forbidden" });
    expect(await createTask(database.db, coordinator, taskSpec())).toEqual({ ok: false, reason: "forbidden" });
    const loner = actorOf(await createUser(database.db, { role: "association" }));
    expect(await createTask(database.db, loner, taskSpec())).toEqual({ ok: false, reason: "no_association" });
  });

  it("refuses a rejected or suspended association", async () => {
    for (const status of ["rejected", "suspended"] as const) {
      const { actor } = await createAssociation(database.db, { status });
      expect(await createTask(database.db, actor, taskSpec())).toEqual({ ok: false, reason: "association_inactive" });
    }
  });

  it("refuses input the schema does not accept", async () => {
    const { actor } = await createAssociation(database.db);
    expect(await createTask(database.db, actor, taskSpec({ schedule: "one_off" }))).toEqual({ ok: false, reason: "invalid" });
    expect(await createTask(database.db, actor, taskSpec({ places: 0 }))).toEqual({ ok: false, reason: "invalid" });
  });

  it("works out whether a one-off task is in the day or the evening from its Copenhagen times", async () => {
    const { actor } = await createAssociation(database.db);
    const day = addDays(today, 10);
    const at = (time: string) => copenhagenDateTime(day, time);
    const morning = await draftOf(actor, { schedule: "one_off", evening: false, startsAt: at("09:00"), endsAt: at("12:00") });
    const both = await draftOf(actor, { schedule: "one_off", evening: false, startsAt: at("15:00"), endsAt: at("19:00") });
    const chosen = await draftOf(actor, { schedule: "one_off", evening: true, startsAt: at("09:00"), endsAt: at("12:00") });
    expect(await task(morning)).toMatchObject({ daytime: true, evening: false, recurrence: null });
    expect(await task(both)).toMatchObject({ daytime: true, evening: true });
    expect(await task(chosen)).toMatchObject({ daytime: false, evening: true });
  });

  it("edits a draft, an awaiting and an open task (audited with the changed fields), never a closed one", async () => {
    const { actor } = await createAssociation(database.db);
    const taskId = await draftOf(actor);
    expect(await updateTask(database.db, actor, taskId, taskSpec({ title: "Ny titel" }))).toEqual({ ok: true, status: "draft" });
    await submitTask(database.db, actor, taskId);
    expect(await updateTask(database.db, actor, taskId, taskSpec({ title: "Endnu en titel" }))).toEqual({ ok: true, status: "awaiting_approval" });
    await approveTask(deps, coordinator, taskId);
    expect(await updateTask(database.db, actor, taskId, taskSpec({ title: "Endnu en titel", places: 5 }))).toEqual({ ok: true, status: "open" });
    const [event] = await database.db
      .select({ details: auditEvents.details })
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectId, taskId), eq(auditEvents.action, "task.updated")))
      .orderBy(sql`${auditEvents.id} desc`)
      .limit(1);
    expect(event?.details).toMatchObject({ status: "open", fields: ["places"] });
    await closeTask(deps, actor, taskId);
    expect(await updateTask(database.db, actor, taskId, taskSpec())).toEqual({ ok: false, reason: "illegal_state" });
  });

  it("keeps places at or above those taken; more places reopen a filled task", async () => {
    const { actor, associationId } = await createAssociation(database.db);
    const filled = await createOpenTask(database.db, associationId, { places: 2, placesTaken: 2, status: "filled" });
    expect(await updateTask(database.db, actor, filled.id, taskSpec({ places: 1 }))).toEqual({ ok: false, reason: "places_below_taken" });
    expect(await updateTask(database.db, actor, filled.id, taskSpec({ places: 2 }))).toEqual({ ok: true, status: "filled" });
    expect(await updateTask(database.db, actor, filled.id, taskSpec({ places: 3 }))).toEqual({ ok: true, status: "open" });
  });
});

describe("submitting and approving", () => {
  beforeEach(async () => {
    await database.db.execute(sql`delete from pgboss.job where name = 'email'`);
  });

  it("sends an approved association's draft for approval; a coordinator approves it and the association is told", async () => {
    const { actor, user } = await createAssociation(database.db);
    const taskId = await draftOf(actor);
    expect(await submitTask(database.db, actor, taskId)).toEqual({ ok: true, status: "awaiting_approval" });
    expect(await task(taskId)).toMatchObject({ status: "awaiting_approval", publishedAt: null });
    expect(await emails("taskApproved")).toEqual([]);
    expect((await listTasksAwaitingApproval(database.db, coordinator))!.map((row) => row.id)).toContain(taskId);

    expect(await approveTask(deps, coordinator, taskId)).toEqual({ ok: true });
    const row = await task(taskId);
    expect(row).toMatchObject({ status: "open", approvedBy: coordinator.id });
    expect(row.publishedAt).toBeInstanceOf(Date);
    const sent = await emails("taskApproved");
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ to: user.email, props: { url: `${deps.env.APP_URL}/association/tasks/${taskId}` } });
    expect(await auditActions(taskId)).toEqual(["task.created", "task.submitted", "task.approved"]);
  });

  it("publishes a trusted association's task directly", async () => {
    const { actor } = await createAssociation(database.db, { publishesDirectly: true });
    const taskId = await draftOf(actor);
    expect(await submitTask(database.db, actor, taskId)).toEqual({ ok: true, status: "open" });
    const row = await task(taskId);
    expect(row.status).toBe("open");
    expect(row.publishedAt).toBeInstanceOf(Date);
    expect(await auditActions(taskId)).toContain("task.published");
  });

  it("lets a pending association's task wait, even when it would publish directly, until the association is approved", async () => {
    const { actor, associationId } = await createAssociation(database.db, { status: "pending", publishesDirectly: true });
    const taskId = await draftOf(actor);
    expect(await submitTask(database.db, actor, taskId)).toEqual({ ok: true, status: "awaiting_approval" });
    expect(await approveTask(deps, coordinator, taskId)).toEqual({ ok: false, reason: "association_not_approved" });
    const before = await countTasksAwaitingApproval(database.db);
    const queue = await listTasksAwaitingApproval(database.db, coordinator);
    expect(queue!.find((row) => row.id === taskId)).toMatchObject({ associationStatus: "pending" });

    await database.db.update(associations).set({ status: "approved" }).where(eq(associations.id, associationId));
    expect(await countTasksAwaitingApproval(database.db)).toBe(before + 1);
    expect(await approveTask(deps, coordinator, taskId)).toEqual({ ok: true });
  });

  it("returns a task to draft with a note the association sees, and tells it", async () => {
    const { actor } = await createAssociation(database.db);
    const taskId = await draftOf(actor);
    await submitTask(database.db, actor, taskId);
    expect(await returnTask(deps, coordinator, taskId, "  ")).toEqual({ ok: false, reason: "invalid" });
    expect(await returnTask(deps, coordinator, taskId, "Skriv gerne, hvad man skal have på.")).toEqual({ ok: true });
    expect(await task(taskId)).toMatchObject({ status: "draft", submittedAt: null });
    const own = await getOwnTask(database.db, actor, taskId);
    expect(own?.returned?.note).toBe("Skriv gerne, hvad man skal have på.");
    expect(await emails("taskReturned")).toHaveLength(1);
    // Sent again, the note has done its job.
    await submitTask(database.db, actor, taskId);
    expect((await getOwnTask(database.db, actor, taskId))?.returned).toBeNull();
  });

  it("refuses illegal transitions", async () => {
    const { actor } = await createAssociation(database.db);
    const draft = await draftOf(actor);
    expect(await approveTask(deps, coordinator, draft)).toEqual({ ok: false, reason: "illegal_state" });
    expect(await returnTask(deps, coordinator, draft, "Note")).toEqual({ ok: false, reason: "illegal_state" });
    await submitTask(database.db, actor, draft);
    expect(await submitTask(database.db, actor, draft)).toEqual({ ok: false, reason: "illegal_state" });
    await approveTask(deps, coordinator, draft);
    expect(await approveTask(deps, coordinator, draft)).toEqual({ ok: false, reason: "illegal_state" });
    expect(await submitTask(database.db, actor, draft)).toEqual({ ok: false, reason: "illegal_state" });
    expect(await closeTask(deps, actor, draft)).toEqual({ ok: true });
    expect(await closeTask(deps, actor, draft)).toEqual({ ok: false, reason: "illegal_state" });
    expect(await approveTask(deps, coordinator, "not-a-uuid")).toEqual({ ok: false, reason: "not_found" });
  });

  it("refuses to submit a draft whose expiry date has passed", async () => {
    const { actor, associationId } = await createAssociation(database.db);
    const old = await createOpenTask(database.db, associationId, { status: "draft", publishedAt: null, expiresOn: addDays(today, -1) });
    expect(await submitTask(database.db, actor, old.id)).toEqual({ ok: false, reason: "expired" });
  });

  it("lets only coordinators approve and return, and members submit", async () => {
    const { actor } = await createAssociation(database.db);
    const taskId = await draftOf(actor);
    expect(await submitTask(database.db, coordinator, taskId)).toEqual({ ok: false, reason: "forbidden" });
    await submitTask(database.db, actor, taskId);
    expect(await approveTask(deps, actor, taskId)).toEqual({ ok: false, reason: "forbidden" });
    expect(await returnTask(deps, actor, taskId, "Note")).toEqual({ ok: false, reason: "forbidden" });
  });
});

describe("closing and expiry", () => {
  it("closes a task by its association without an email, and by a coordinator with one", async () => {
    await database.db.execute(sql`delete from pgboss.job where name = 'email'`);
    const { actor, associationId } = await createAssociation(database.db);
    const own = await createOpenTask(database.db, associationId);
    expect(await closeTask(deps, actor, own.id)).toEqual({ ok: true });
    expect(await emails("taskClosed")).toEqual([]);
    const other = await createOpenTask(database.db, associationId, { status: "filled", placesTaken: 3 });
    expect(await closeTask(deps, coordinator, other.id)).toEqual({ ok: true });
    expect((await task(other.id)).status).toBe("closed");
    expect(await emails("taskClosed")).toHaveLength(1);
    const volunteer = actorOf(await createUser(database.db, { role: "volunteer" }));
    expect(await closeTask(deps, volunteer, (await createOpenTask(database.db, associationId)).id)).toEqual({ ok: false, reason: "forbidden" });
  });

  it("expires awaiting, open and filled tasks after their last day, once, and tells the association", async () => {
    await database.db.execute(sql`delete from pgboss.job where name = 'email'`);
    const { associationId } = await createAssociation(database.db);
    const yesterday = addDays(today, -1);
    const open = await createOpenTask(database.db, associationId, { expiresOn: yesterday });
    const filled = await createOpenTask(database.db, associationId, { expiresOn: yesterday, status: "filled", placesTaken: 3 });
    const awaiting = await createOpenTask(database.db, associationId, { expiresOn: yesterday, status: "awaiting_approval", publishedAt: null });
    const lastDay = await createOpenTask(database.db, associationId, { expiresOn: today });
    const draft = await createOpenTask(database.db, associationId, { expiresOn: yesterday, status: "draft", publishedAt: null });
    const closed = await createOpenTask(database.db, associationId, { expiresOn: yesterday, status: "closed" });

    const first = await expireTasks(deps, today);
    expect(first.expired).toBeGreaterThanOrEqual(3);
    for (const id of [open.id, filled.id, awaiting.id]) expect((await task(id)).status).toBe("expired");
    expect((await task(lastDay.id)).status).toBe("open");
    expect((await task(draft.id)).status).toBe("draft");
    expect((await task(closed.id)).status).toBe("closed");
    expect((await emails("taskExpired")).length).toBe(first.expired);
    expect(await auditActions(open.id)).toContain("task.expired");

    expect(await expireTasks(deps, today)).toEqual({ expired: 0 });
  });
});

describe("an association's own tasks", () => {
  it("lists and reads only the member's own association's tasks; another association's cannot be read or changed", async () => {
    const a = await createAssociation(database.db, { name: "Forening A" });
    const b = await createAssociation(database.db, { name: "Forening B" });
    const taskOfA = await draftOf(a.actor);
    const taskOfB = await draftOf(b.actor);
    const listed = await listOwnTasks(database.db, a.actor);
    expect(listed?.association.name).toBe("Forening A");
    expect(listed?.tasks.map((row) => row.id)).toEqual([taskOfA]);
    expect(await getOwnTask(database.db, a.actor, taskOfB)).toBeNull();
    expect(await updateTask(database.db, a.actor, taskOfB, taskSpec({ title: "Overtaget" }))).toEqual({ ok: false, reason: "not_found" });
    expect(await submitTask(database.db, a.actor, taskOfB)).toEqual({ ok: false, reason: "not_found" });
    expect(await closeTask(deps, a.actor, taskOfB)).toEqual({ ok: false, reason: "not_found" });
    expect((await task(taskOfB)).title).toBe(taskSpec().title);
  });

  it("shows nothing to a coordinator or volunteer as 'own' tasks", async () => {
    expect(await listOwnTasks(database.db, coordinator)).toBeNull();
    const volunteer = actorOf(await createUser(database.db, { role: "volunteer" }));
    expect(await listOwnTasks(database.db, volunteer)).toBeNull();
    expect(await listTasksAwaitingApproval(database.db, volunteer)).toBeNull();
  });
});

describe("the public task list", () => {
  let approved: string;
  const town = "Vorbasse";

  beforeAll(async () => {
    // A town of its own, so the other tests' tasks stay out of these counts.
    approved = (await createAssociation(database.db, { name: "Vorbasse Spejderne" })).associationId;
    const pending = (await createAssociation(database.db, { status: "pending" })).associationId;
    const suspended = (await createAssociation(database.db, { status: "suspended" })).associationId;
    const base = { town, publishedAt: new Date(Date.now() - 60_000) };
    await createOpenTask(database.db, approved, { ...base, title: "Åben aften", evening: true, daytime: false, tags: ["evenings", "no_experience"], category: "sport" });
    await createOpenTask(database.db, approved, { ...base, title: "Fuld dag", status: "filled", placesTaken: 3, evening: false, daytime: true, tags: ["outdoor"], category: "nature" });
    await createOpenTask(database.db, approved, { ...base, title: "Sidste dag", expiresOn: today, daytime: true, evening: false, tags: ["outdoor", "no_experience"], category: "nature" });
    await createOpenTask(database.db, approved, { ...base, title: "Udløbet", expiresOn: addDays(today, -1) });
    await createOpenTask(database.db, approved, { ...base, title: "Kladde", status: "draft", publishedAt: null });
    await createOpenTask(database.db, approved, { ...base, title: "Venter", status: "awaiting_approval", publishedAt: null });
    await createOpenTask(database.db, approved, { ...base, title: "Lukket", status: "closed" });
    await createOpenTask(database.db, pending, { ...base, title: "Forening venter" });
    await createOpenTask(database.db, suspended, { ...base, title: "Forening suspenderet" });
  });

  const titles = async (query: Record<string, unknown>) => (await listPublicTasks(database.db, { town, ...query })).rows.map((row) => row.title).sort();

  it("shows only open and filled tasks of approved associations, up to their last day", async () => {
    expect(await titles({})).toEqual(["Fuld dag", "Sidste dag", "Åben aften"].sort());
    const result = await listPublicTasks(database.db, { town });
    expect(result.total).toBe(3);
    expect(result.rows.find((row) => row.title === "Fuld dag")).toMatchObject({ status: "filled", places: 3, placesTaken: 3 });
  });

  it("filters by town in any case, category, all chosen tags, and day or evening", async () => {
    expect(await titles({ town: "VORBASSE" })).toHaveLength(3);
    expect(await titles({ town: "Ingenby" })).toEqual([]);
    expect(await titles({ category: "nature" })).toEqual(["Fuld dag", "Sidste dag"]);
    expect(await titles({ tags: ["no_experience"] })).toEqual(["Sidste dag", "Åben aften"].sort());
    expect(await titles({ tags: ["outdoor", "no_experience"] })).toEqual(["Sidste dag"]);
    expect(await titles({ when: "evening" })).toEqual(["Åben aften"]);
    expect(await titles({ when: "day" })).toEqual(["Fuld dag", "Sidste dag"]);
    // Unknown values are dropped rather than failing the page.
    expect(await titles({ category: "nope", tags: ["nope"], when: "night" })).toHaveLength(3);
  });

  it("offers the towns with public tasks", async () => {
    const towns = await listPublicTaskTowns(database.db);
    expect(towns).toContain(town);
    expect(new Set(towns).size).toBe(towns.length);
  });

  it("pages 20 at a time, newest first, with the total", async () => {
    const many = (await createAssociation(database.db)).associationId;
    const start = Date.now() - 3_600_000;
    for (let i = 0; i < 25; i += 1) {
      await createOpenTask(database.db, many, { town: "Hejnsvig", title: `Opgave ${String(i).padStart(2, "0")}`, publishedAt: new Date(start + i * 1000) });
    }
    const first = await listPublicTasks(database.db, { town: "Hejnsvig" });
    expect(first.total).toBe(25);
    expect(first.rows).toHaveLength(20);
    expect(first.rows[0]!.title).toBe("Opgave 24");
    const second = await listPublicTasks(database.db, { town: "Hejnsvig", page: "2" });
    expect(second.rows.map((row) => row.title)).toEqual(["Opgave 04", "Opgave 03", "Opgave 02", "Opgave 01", "Opgave 00"]);
  });

  it("counts the total up to the cap, and says there are more beyond it", async () => {
    const many = (await createAssociation(database.db)).associationId;
    const base = await createOpenTask(database.db, many, { town: "Filskov" });
    const copy = async (n: number) =>
      database.db.execute(sql`
        insert into association_tasks (association_id, title, description, category, town, address, schedule, recurrence, places, minutes_per_occasion,
          minimum_age, contact_name, expires_on, tags, status, published_at)
        select association_id, title || ' ' || n, description, category, town, address, schedule, recurrence, places, minutes_per_occasion,
          minimum_age, contact_name, expires_on, tags, status, published_at
        from association_tasks, generate_series(1, ${n}) as n where id = ${base.id}`);
    await copy(publicTaskCountCap - 1);
    expect(await listPublicTasks(database.db, { town: "Filskov" })).toMatchObject({ total: publicTaskCountCap, more: false });
    await copy(1);
    const beyond = await listPublicTasks(database.db, { town: "Filskov" });
    expect(beyond).toMatchObject({ total: publicTaskCountCap, more: true });
    expect(beyond.rows).toHaveLength(20);
  });

  it("shows a public task's page with its association's profile, and hides phone and email unless asked", async () => {
    const open = await createOpenTask(database.db, approved, { town, contactEmail: "kontakt@example.dk" });
    const page = await getPublicTask(database.db, open.id);
    expect(page?.association).toMatchObject({ name: "Vorbasse Spejderne", kind: "sports" });
    expect(page?.association).not.toHaveProperty("cvr");
    expect(page?.task).toMatchObject({ contactName: "Bent Træner", contactPhone: null, contactEmail: null });
    const staff = await getPublicTask(database.db, open.id, { contacts: true });
    expect(staff?.task).toMatchObject({ contactPhone: "+45 20 30 40 50", contactEmail: "kontakt@example.dk" });
    const draft = await createOpenTask(database.db, approved, { status: "draft" });
    expect(await getPublicTask(database.db, draft.id)).toBeNull();
  });

  it("shows contact details to coordinators and approved mentors only", async () => {
    expect(await seesTaskContacts(database.db, null)).toBe(false);
    expect(await seesTaskContacts(database.db, coordinator)).toBe(true);
    const applicant = await createApplicant(database.db);
    expect(await seesTaskContacts(database.db, applicant.user)).toBe(false);
    const mentor = await createApprovedMentor({ ...deps, key: generateEncryptionKey() });
    expect(await seesTaskContacts(database.db, mentor.user)).toBe(true);
    const member = await createUser(database.db, { role: "association" });
    expect(await seesTaskContacts(database.db, member)).toBe(false);
  });
});

describe("town names", () => {
  it("keeps one spelling whatever the case and spacing", () => {
    expect(townName("  sønder   omme ")).toBe("Sønder Omme");
    expect(townName("GRINDSTED")).toBe("Grindsted");
    expect(townName("vejle øst-by")).toBe("Vejle Øst-By");
  });
});
