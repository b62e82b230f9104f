import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { associationTasks } from "#db/schema";
import { translator } from "~/i18n/catalogue";
import { sessionCookieName } from "~/modules/auth/cookies.server";
import { createSession } from "~/modules/auth/session.server";
import { addDays, copenhagenToday } from "~/modules/volunteers/dates";
import { action as ownTaskAction, loader as ownTaskLoader } from "~/routes/association.tasks.$taskId";
import { loader as ownListLoader } from "~/routes/association.tasks._index";
import { action as newTaskAction, loader as newTaskLoader } from "~/routes/association.tasks.new";
import { action as reviewAction, loader as reviewLoader } from "~/routes/coordinator.tasks.$taskId";
import { loader as queueLoader } from "~/routes/coordinator.tasks._index";
import { loader as taskLoader } from "~/routes/tasks.$taskId";
import { headers as listHeaders, loader as listLoader } from "~/routes/tasks._index";
import { createAssociation, createOpenTask } from "../factories/associations";
import { createTestContext, testEnv } from "../helpers/context";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { formRequest, loaded, outcome, requestRunner } from "../helpers/routes";
import { loggedInUser, request } from "../helpers/sessions";

let database: TestDatabase;
let run: ReturnType<typeof requestRunner>;
let coordinator: Awaited<ReturnType<typeof loggedInUser>>;
let volunteer: Awaited<ReturnType<typeof loggedInUser>>;
const t = translator("da");
const today = copenhagenToday();

beforeAll(async () => {
  database = await createTestDatabase();
  run = requestRunner(() => createTestContext(database.handle));
  coordinator = await loggedInUser(database.db, { role: "coordinator" });
  volunteer = await loggedInUser(database.db, { role: "volunteer" });
});
afterAll(() => database.close());

/** An association with a contact person who is logged in. */
async function association(spec: Parameters<typeof createAssociation>[1] = {}) {
  const created = await createAssociation(database.db, spec);
  const { token } = await createSession(database.db, created.user);
  return { ...created, cookie: `${sessionCookieName(testEnv)}=${token}` };
}

async function taskCount(associationId: string) {
  const [row] = await database.db.select({ value: count() }).from(associationTasks).where(eq(associationTasks.associationId, associationId));
  return Number(row?.value ?? 0);
}

async function task(taskId: string) {
  const [row] = await database.db.select().from(associationTasks).where(eq(associationTasks.id, taskId));
  return row!;
}

const goodTask = {
  title: "Hjælp til ungdomsholdets træning",
  description: "Sæt kegler op og hjælp trænerne.",
  category: "sport",
  address: "Stadionvej 2, 7200 Grindsted",
  town: "Grindsted",
  schedule: "recurring",
  date: "",
  startTime: "",
  endTime: "",
  recurrence: "Tirsdage kl. 17–19",
  partsOfDay: ["evening"],
  minutesPerOccasion: "120",
  expiresOn: addDays(today, 30),
  places: "3",
  minimumAge: "15",
  tags: ["no_experience", "evenings"],
  involvesChildren: "yes",
  contactName: "Bent Træner",
  contactPhone: "+45 20 30 40 50",
  contactEmail: "bent@example.dk",
};

type Failed = { form: { errors: Record<string, string>; values: Record<string, string> } };

describe("an association's task form", () => {
  it("answers a form with mistakes with 400 and Danish messages on the fields, and saves nothing", async () => {
    const { cookie, associationId } = await association();
    const result = outcome(
      await run(
        newTaskAction,
        formRequest("/association/tasks/new", cookie, {
          ...goodTask,
          intent: "submit",
          title: "",
          schedule: "one_off",
          date: "31.02.2027",
          places: "mange",
          expiresOn: addDays(today, -1),
          contactEmail: "ikke-en-adresse",
        }),
      ),
    );
    expect(result.status).toBe(400);
    const { errors, values } = (result.data as Failed).form;
    expect(t(errors.title as never)).toBe("Skriv en titel på opgaven.");
    expect(t(errors.date as never)).toBe(t("associations.errors.startsAt"));
    expect(t(errors.places as never)).toBe("Skriv et helt antal pladser fra 1 til 500.");
    expect(t(errors.contactEmail as never)).toBe(t("validation.emailInvalid"));
    expect(values.tags).toBe("no_experience,evenings");
    expect(await taskCount(associationId)).toBe(0);
  });

  it("refuses an expiry date before today", async () => {
    const { cookie, associationId } = await association();
    const result = outcome(await run(newTaskAction, formRequest("/association/tasks/new", cookie, { ...goodTask, intent: "save", expiresOn: addDays(today, -1) })));
    expect(result.status).toBe(400);
    expect(t((result.data as Failed).form.errors.expiresOn as never)).toBe("Udløbsdatoen kan ikke ligge før i dag.");
    expect(await taskCount(associationId)).toBe(0);
  });

  it("saves a draft, or saves and sends it for approval, with a Danish one-off date and time", async () => {
    const { cookie } = await association();
    const saved = outcome(await run(newTaskAction, formRequest("/association/tasks/new", cookie, { ...goodTask, intent: "save" })));
    expect(saved.status).toBe(302);
    expect(saved.cookie).toContain("tasks.form.created");
    const draftId = saved.location!.split("/").pop()!;
    expect(await task(draftId)).toMatchObject({ status: "draft", tags: ["no_experience", "evenings"], involvesChildren: true, evening: true, daytime: false });

    const sent = outcome(
      await run(
        newTaskAction,
        formRequest("/association/tasks/new", cookie, { ...goodTask, intent: "submit", schedule: "one_off", date: "15.06.2027", startTime: "17.00", endTime: "19:30", partsOfDay: [] }),
      ),
    );
    expect(sent.cookie).toContain("tasks.form.submitted");
    const sentTask = await task(sent.location!.split("/").pop()!);
    expect(sentTask).toMatchObject({ status: "awaiting_approval", schedule: "one_off", recurrence: null, evening: true });
    expect(sentTask.startsAt?.toISOString()).toBe("2027-06-15T15:00:00.000Z");
  });

  it("edits its own task, keeps places at or above those taken, and closes only after confirming", async () => {
    const { cookie, associationId } = await association();
    const open = await createOpenTask(database.db, associationId, { places: 3, placesTaken: 2 });
    const page = loaded(await run(ownTaskLoader, request(`/association/tasks/${open.id}`, { cookie }), { taskId: open.id }));
    expect(page.values).toMatchObject({ title: open.title, places: "3", tags: "no_experience,evenings" });

    const tooFew = outcome(await run(ownTaskAction, formRequest(`/association/tasks/${open.id}`, cookie, { ...goodTask, intent: "save", places: "1" }), { taskId: open.id }));
    expect(tooFew.status).toBe(400);
    expect((tooFew.data as Failed).form.errors.places).toBe("tasks.errors.placesBelowTaken");

    const saved = outcome(await run(ownTaskAction, formRequest(`/association/tasks/${open.id}`, cookie, { ...goodTask, intent: "save", title: "Ny titel" }), { taskId: open.id }));
    expect(saved.cookie).toContain("tasks.form.saved");
    expect(await task(open.id)).toMatchObject({ title: "Ny titel", status: "open" });

    const asking = outcome(await run(ownTaskAction, formRequest(`/association/tasks/${open.id}`, cookie, { intent: "close" }), { taskId: open.id }));
    expect(asking.data).toMatchObject({ confirm: "close" });
    expect((await task(open.id)).status).toBe("open");
    const closed = outcome(await run(ownTaskAction, formRequest(`/association/tasks/${open.id}`, cookie, { intent: "close", confirmed: "yes" }), { taskId: open.id }));
    expect(closed.cookie).toContain("tasks.form.closed");
    expect((await task(open.id)).status).toBe("closed");
  });

  it("answers 404 for another association's task, and 403 to volunteers", async () => {
    const a = await association();
    const b = await association();
    const ofB = await createOpenTask(database.db, b.associationId);
    expect(outcome(await run(ownTaskLoader, request(`/association/tasks/${ofB.id}`, { cookie: a.cookie }), { taskId: ofB.id })).status).toBe(404);
    const post = outcome(await run(ownTaskAction, formRequest(`/association/tasks/${ofB.id}`, a.cookie, { ...goodTask, intent: "save", title: "Overtaget" }), { taskId: ofB.id }));
    expect(post.status).toBe(404);
    expect((await task(ofB.id)).title).not.toBe("Overtaget");
    expect(outcome(await run(newTaskLoader, request("/association/tasks/new", { cookie: volunteer.cookie }))).status).toBe(403);
    expect(outcome(await run(newTaskAction, formRequest("/association/tasks/new", volunteer.cookie, { ...goodTask, intent: "save" }))).status).toBe(403);
    const list = loaded(await run(ownListLoader, request("/association/tasks", { cookie: a.cookie })));
    expect(list.own?.tasks.map((row) => row.id)).not.toContain(ofB.id);
  });

  it("keeps a suspended association out of the new-task form", async () => {
    const { cookie } = await association({ status: "suspended" });
    expect(outcome(await run(newTaskLoader, request("/association/tasks/new", { cookie }))).status).toBe(403);
  });
});

describe("the coordinators' approval", () => {
  it("lists waiting tasks, approves one, and returns another with a note it requires", async () => {
    const { associationId } = await association();
    const first = await createOpenTask(database.db, associationId, { status: "awaiting_approval", publishedAt: null, submittedAt: new Date() });
    const second = await createOpenTask(database.db, associationId, { status: "awaiting_approval", publishedAt: null, submittedAt: new Date() });
    const queue = loaded(await run(queueLoader, request("/coordinator/tasks", { cookie: coordinator.cookie })));
    expect(queue.tasks.map((row) => row.id)).toEqual(expect.arrayContaining([first.id, second.id]));

    const page = loaded(await run(reviewLoader, request(`/coordinator/tasks/${first.id}`, { cookie: coordinator.cookie }), { taskId: first.id }));
    expect(page.task.contactPhone).toBe("+45 20 30 40 50");

    const approved = outcome(await run(reviewAction, formRequest(`/coordinator/tasks/${first.id}`, coordinator.cookie, { intent: "approve" }), { taskId: first.id }));
    expect(approved.location).toBe("/coordinator/tasks");
    expect((await task(first.id)).status).toBe("open");

    const noNote = outcome(await run(reviewAction, formRequest(`/coordinator/tasks/${second.id}`, coordinator.cookie, { intent: "return", note: " " }), { taskId: second.id }));
    expect(noNote.status).toBe(400);
    expect(t((noNote.data as Failed).form.errors.note as never)).toBe("Skriv, hvad foreningen skal rette.");
    expect((await task(second.id)).status).toBe("awaiting_approval");
    const returned = outcome(await run(reviewAction, formRequest(`/coordinator/tasks/${second.id}`, coordinator.cookie, { intent: "return", note: "Skriv mere om påklædning." }), { taskId: second.id }));
    expect(returned.cookie).toContain("tasks.coordinator.returned");
    expect((await task(second.id)).status).toBe("draft");
  });

  it("refuses associations and volunteers", async () => {
    const { cookie, associationId } = await association();
    const waiting = await createOpenTask(database.db, associationId, { status: "awaiting_approval", publishedAt: null });
    for (const who of [cookie, volunteer.cookie]) {
      expect(outcome(await run(queueLoader, request("/coordinator/tasks", { cookie: who }))).status).toBe(403);
      expect(outcome(await run(reviewAction, formRequest(`/coordinator/tasks/${waiting.id}`, who, { intent: "approve" }), { taskId: waiting.id })).status).toBe(403);
    }
    expect((await task(waiting.id)).status).toBe("awaiting_approval");
  });
});

describe("the public task pages", () => {
  it("let visitors read the list and an open task's page, with the shared cache's headers", async () => {
    const { associationId } = await association({ name: "Billund Spejderne" });
    const open = await createOpenTask(database.db, associationId, { town: "Billund", title: "Hjælp til spejdernes lejrbål" });
    const list = loaded(await run(listLoader, request("/tasks?town=billund")));
    expect(list.rows.map((row) => row.id)).toContain(open.id);
    expect(list.chosenTown).toBe("Billund");
    expect(new Headers(listHeaders({} as never)).get("Cache-Control")).toContain("s-maxage");

    const page = loaded(await run(taskLoader, request(`/tasks/${open.id}`), { taskId: open.id }));
    expect(page.task.title).toBe("Hjælp til spejdernes lejrbål");
    expect(page.association.name).toBe("Billund Spejderne");
    // A visitor sees the contact person's name; phone and email are for mentors and staff.
    expect(page.task).toMatchObject({ contactName: "Bent Træner", contactPhone: null });
    expect(page.contactsHidden).toBe(true);
    const staff = loaded(await run(taskLoader, request(`/tasks/${open.id}`, { cookie: coordinator.cookie }), { taskId: open.id }));
    expect(staff.task.contactPhone).toBe("+45 20 30 40 50");
  });

  it("answer 404 for a draft, a task waiting for approval, and an unknown id", async () => {
    const { associationId } = await association();
    for (const status of ["draft", "awaiting_approval", "closed"] as const) {
      const hidden = await createOpenTask(database.db, associationId, { status });
      expect(outcome(await run(taskLoader, request(`/tasks/${hidden.id}`), { taskId: hidden.id })).status).toBe(404);
    }
    expect(outcome(await run(taskLoader, request("/tasks/nope"), { taskId: "nope" })).status).toBe(404);
  });

  it("send a page number past the end back to the last page", async () => {
    const result = outcome(await run(listLoader, request("/tasks?town=Billund&page=99")));
    expect(result.status).toBe(302);
    expect(result.location).toBe("/tasks?town=Billund");
  });
});
