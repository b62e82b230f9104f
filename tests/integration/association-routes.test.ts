import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { associationInvites, associations, users } from "#db/schema";
import { translator, type MessageKey } from "~/i18n/catalogue";
import { inviteContact } from "~/modules/associations/registration.server";
import { sessionCookieName } from "~/modules/auth/cookies.server";
import { createSession } from "~/modules/auth/session.server";
import { action as inviteAction, loader as inviteLoader } from "~/routes/association-invite.$token";
import { action as dashboardAction, loader as dashboardLoader } from "~/routes/association._index";
import { action as registerAction, loader as registerLoader } from "~/routes/associations.register";
import { action as reviewAction, loader as reviewLoader } from "~/routes/coordinator.associations.$associationId";
import { loader as listLoader } from "~/routes/coordinator.associations._index";
import { loader as startLoader } from "~/routes/dashboard";
import { createAssociation, createOpenTask } from "../factories/associations";
import { createTestContext, queuedJobs, testEnv } from "../helpers/context";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { formRequest as post, loaded, outcome, requestRunner } from "../helpers/routes";
import { loggedInUser, request } from "../helpers/sessions";

let database: TestDatabase;
let run: ReturnType<typeof requestRunner>;
let coordinator: Awaited<ReturnType<typeof loggedInUser>>;
let volunteer: Awaited<ReturnType<typeof loggedInUser>>;
const da = translator("da");

beforeAll(async () => {
  database = await createTestDatabase();
  run = requestRunner(() => createTestContext(database.handle));
  coordinator = await loggedInUser(database.db, { role: "coordinator", name: "Karin Koordinator" });
  volunteer = await loggedInUser(database.db, { role: "volunteer" });
});
afterAll(() => database.close());

async function associationCount() {
  const [row] = await database.db.select({ value: count() }).from(associations);
  return Number(row?.value ?? 0);
}

async function associationRow(id: string) {
  const [row] = await database.db.select().from(associations).where(eq(associations.id, id));
  return row!;
}

/** An association with a logged-in contact person. */
async function withContact(status: "pending" | "approved" | "rejected" | "suspended" = "pending", name?: string) {
  const created = await createAssociation(database.db, { status, name });
  const { token } = await createSession(database.db, created.user);
  return { ...created, cookie: `${sessionCookieName(testEnv)}=${token}` };
}

/** The Danish texts of a failed form's field messages. */
function danishErrors(data: unknown) {
  const form = (data as { form: { errors: Record<string, MessageKey> } }).form;
  return Object.fromEntries(Object.entries(form.errors).map(([field, key]) => [field, da(key)]));
}

const registration = {
  name: "Billund Skakklub",
  kind: "culture",
  cvr: "",
  town: "Billund",
  address: "Hovedgaden 1, 7190 Billund",
  website: "",
  description: "Vi spiller skak hver onsdag aften og tager gerne imod nye.",
  contactName: "Søren Skak",
  email: "soren@skak.example.test",
  password: "springer løber tårn dronning",
  locale: "da",
};

describe("/associations/register", () => {
  it("shows the form to visitors and sends logged-in users to their start page", async () => {
    expect(loaded(await run(registerLoader, request("/associations/register")))).toEqual({ sent: false });
    expect(loaded(await run(registerLoader, request("/associations/register?sent=1")))).toEqual({ sent: true });
    const away = outcome(await run(registerLoader, request("/associations/register", { cookie: volunteer.cookie })));
    expect(away.location).toBe("/dashboard");
  });

  it("answers a wrong form with 400 and Danish messages per field, keeps what was typed but the password, and saves nothing", async () => {
    const before = await associationCount();
    const result = outcome(await run(registerAction, post("/associations/register", "", { ...registration, name: "", kind: "", cvr: "12345678", email: "ikke-en-adresse" })));
    expect(result.status).toBe(400);
    expect(danishErrors(result.data)).toEqual({
      name: "Udfyld feltet.",
      kind: "Vælg, hvilken slags forening I er.",
      cvr: "Skriv et gyldigt CVR-nummer på 8 cifre, eller lad feltet stå tomt.",
      email: "Skriv en gyldig e-mailadresse, fx navn@eksempel.dk.",
    });
    const values = (result.data as { form: { values: Record<string, string> } }).form.values;
    expect(values).toMatchObject({ town: "Billund", cvr: "12345678" });
    expect(values).not.toHaveProperty("password");

    const weak = outcome(await run(registerAction, post("/associations/register", "", { ...registration, password: "skak" })));
    expect(weak.status).toBe(400);
    expect(Object.keys(danishErrors(weak.data))).toEqual(["password"]);
    expect(await associationCount()).toBe(before);
  });

  it("registers the association and says to check the email", async () => {
    const result = outcome(await run(registerAction, post("/associations/register", "", registration)));
    expect(result).toMatchObject({ status: 302, location: "/associations/register?sent=1" });
    const [row] = await database.db.select().from(associations).where(eq(associations.name, "Billund Skakklub"));
    expect(row).toMatchObject({ status: "pending", kind: "culture", cvr: null, website: null });
    // The same address again: the same answer, and nothing more.
    const again = outcome(await run(registerAction, post("/associations/register", "", { ...registration, name: "Billund Skakklub 2" })));
    expect(again).toMatchObject({ status: 302, location: "/associations/register?sent=1" });
    const [second] = await database.db.select().from(associations).where(eq(associations.name, "Billund Skakklub 2"));
    expect(second).toBeUndefined();
  });
});

describe("/association", () => {
  it("shows a contact person their own association and nothing of another", async () => {
    const mine = await withContact("pending", "Min Klub");
    await createAssociation(database.db, { name: "Andres Klub" });
    const data = loaded(await run(dashboardLoader, request("/association", { cookie: mine.cookie })));
    expect(data.own?.association).toMatchObject({ id: mine.associationId, name: "Min Klub", status: "pending" });
    expect(JSON.stringify(data)).not.toContain("Andres Klub");
    expect(data.work).toEqual({ published: 0, awaiting: 0, drafts: 0, proposals: 0, participants: 0 });
    // Its own tasks count; the other association's do not.
    const other = await createAssociation(database.db, { name: "Tredje Klub" });
    await createOpenTask(database.db, mine.associationId);
    await createOpenTask(database.db, mine.associationId, { status: "draft", publishedAt: null });
    await createOpenTask(database.db, other.associationId);
    const counted = loaded(await run(dashboardLoader, request("/association", { cookie: mine.cookie })));
    expect(counted.work).toMatchObject({ published: 1, drafts: 1, awaiting: 0 });
    expect(outcome(await run(dashboardLoader, request("/association", { cookie: volunteer.cookie }))).status).toBe(403);
    expect(outcome(await run(dashboardLoader, request("/association", { cookie: coordinator.cookie }))).status).toBe(403);
    expect(outcome(await run(dashboardLoader, request("/association"))).location).toMatch(/^\/login/);
  });

  it("edits the profile: 400 with Danish messages and nothing saved, then a saved change", async () => {
    const mine = await withContact("approved");
    const before = await associationRow(mine.associationId);
    const profile = { intent: "profile", name: before.name, kind: before.kind, cvr: "", town: "Grindsted", address: before.address, website: "", description: before.description };
    const failed = outcome(await run(dashboardAction, post("/association", mine.cookie, { ...profile, town: "", website: "ikke en adresse" })));
    expect(failed.status).toBe(400);
    expect(danishErrors(failed.data)).toEqual({ town: "Udfyld feltet.", website: "Skriv en gyldig webadresse, fx www.klubben.dk." });
    expect((await associationRow(mine.associationId)).updatedAt).toEqual(before.updatedAt);

    const saved = outcome(await run(dashboardAction, post("/association", mine.cookie, { ...profile, town: "Vorbasse", website: "www.klubben.dk" })));
    expect(saved).toMatchObject({ status: 302, location: "/association" });
    expect(saved.cookie).toContain("associations.dashboard.saved");
    expect(await associationRow(mine.associationId)).toMatchObject({ town: "Vorbasse", website: "https://www.klubben.dk" });
    expect(outcome(await run(dashboardAction, post("/association", volunteer.cookie, profile))).status).toBe(403);
  });

  it("invites a contact person, refuses a second invitation to the same address, and withdraws after asking", async () => {
    const mine = await withContact("approved");
    const sent = outcome(await run(dashboardAction, post("/association", mine.cookie, { intent: "invite", name: "Kim Kasserer", email: "kim@example.test" })));
    expect(sent).toMatchObject({ status: 302, location: "/association" });
    const again = outcome(await run(dashboardAction, post("/association", mine.cookie, { intent: "invite", name: "Kim", email: "kim@example.test" })));
    expect(again.status).toBe(409);
    expect(danishErrors(again.data)).toEqual({ email: "Der er allerede sendt en invitation til den adresse." });
    const blank = outcome(await run(dashboardAction, post("/association", mine.cookie, { intent: "invite", name: "", email: "" })));
    expect(blank.status).toBe(400);

    const [invite] = await database.db.select().from(associationInvites).where(eq(associationInvites.email, "kim@example.test"));
    const asked = outcome(await run(dashboardAction, post("/association", mine.cookie, { intent: "withdraw", inviteId: invite!.id })));
    expect(asked.data).toMatchObject({ confirmWithdraw: invite!.id });
    expect(await database.db.select().from(associationInvites).where(eq(associationInvites.id, invite!.id))).toHaveLength(1);
    const done = outcome(await run(dashboardAction, post("/association", mine.cookie, { intent: "withdraw", inviteId: invite!.id, confirmed: "yes" })));
    expect(done).toMatchObject({ status: 302, location: "/association" });
    expect(await database.db.select().from(associationInvites).where(eq(associationInvites.id, invite!.id))).toHaveLength(0);

    // Another association's invitation is not found from here.
    const other = await withContact("approved");
    const foreign = await inviteContact({ db: database.db, jobs: createTestContext(database.handle).jobs, env: { APP_URL: "http://localhost:3000" } }, other.actor, { name: "Fremmed", email: "fremmed@example.test" });
    const refused = outcome(await run(dashboardAction, post("/association", mine.cookie, { intent: "withdraw", inviteId: foreign.ok ? foreign.inviteId : "", confirmed: "yes" })));
    expect(refused.status).toBe(404);
  });

  it("is on the contact person's start page, and the pending count on the coordinators'", async () => {
    const mine = await withContact("pending", "Startsideklubben");
    const start = loaded(await run(startLoader, request("/dashboard", { cookie: mine.cookie })));
    expect(start.association).toEqual({ association: { name: "Startsideklubben", status: "pending" } });
    const staff = loaded(await run(startLoader, request("/dashboard", { cookie: coordinator.cookie })));
    expect(staff.staff?.pendingAssociations).toBeGreaterThan(0);
  });
});

describe("/association-invite/$token", () => {
  it("creates the invited person's user and sends them to log in; a used or unknown link says so", async () => {
    const mine = await withContact("approved", "Invitationsklubben");
    const context = createTestContext(database.handle);
    await inviteContact({ db: database.db, jobs: context.jobs, env: context.env }, mine.actor, { name: "Ida Inviteret", email: "ida@example.test" });
    const [job] = (await queuedJobs<{ to: string; props: { url: string } }>(database.db, "email")).filter((queued) => queued.data.to === "ida@example.test");
    const token = job!.data.props.url.split("/association-invite/")[1]!;
    const path = `/association-invite/${token}`;

    expect(loaded(await run(inviteLoader, request(path), { token }))).toEqual({ invite: { ok: true, name: "Ida Inviteret", email: "ida@example.test", associationName: "Invitationsklubben" } });
    const weak = outcome(await run(inviteAction, post(path, "", { name: "Ida", password: "ida", locale: "da" }), { token }));
    expect(weak.status).toBe(400);
    const blank = outcome(await run(inviteAction, post(path, "", { name: "", password: "", locale: "" }), { token }));
    expect(blank.status).toBe(400);
    expect(await database.db.select().from(users).where(eq(users.email, "ida@example.test"))).toHaveLength(0);

    const accepted = outcome(await run(inviteAction, post(path, "", { name: "Ida Iversen", password: "fløjte tromme harpe obo", locale: "da" }), { token }));
    expect(accepted).toMatchObject({ status: 302, location: "/login" });
    expect(accepted.cookie).toContain("associations.invite.accepted");
    const [ida] = await database.db.select().from(users).where(eq(users.email, "ida@example.test"));
    expect(ida).toMatchObject({ role: "association", name: "Ida Iversen" });

    expect(loaded(await run(inviteLoader, request(path), { token }))).toEqual({ invite: { ok: false, reason: "used" } });
    const reused = outcome(await run(inviteAction, post(path, "", { name: "Ida", password: "fløjte tromme harpe obo", locale: "da" }), { token }));
    expect(reused).toMatchObject({ status: 409, data: { problem: "used" } });
    expect(loaded(await run(inviteLoader, request("/association-invite/nope"), { token: "nope" }))).toEqual({ invite: { ok: false, reason: "not_found" } });
  });
});

describe("/coordinator/associations", () => {
  it("lists the associations for coordinators only, with the pending ones first", async () => {
    await withContact("approved", "Ældste Godkendte");
    await withContact("pending", "Nyeste Ventende");
    const list = loaded(await run(listLoader, request("/coordinator/associations", { cookie: coordinator.cookie })));
    expect(list.rows[0]?.status).toBe("pending");
    const filtered = loaded(await run(listLoader, request("/coordinator/associations?status=approved&q=ældste", { cookie: coordinator.cookie })));
    expect(filtered.rows.map((row) => row.name)).toEqual(["Ældste Godkendte"]);
    const none = loaded(await run(listLoader, request("/coordinator/associations?q=findes-ikke", { cookie: coordinator.cookie })));
    expect(none).toMatchObject({ rows: [], total: 0 });
    const association = await withContact("approved");
    expect(outcome(await run(listLoader, request("/coordinator/associations", { cookie: association.cookie }))).status).toBe(403);
    expect(outcome(await run(listLoader, request("/coordinator/associations", { cookie: volunteer.cookie }))).status).toBe(403);
  });

  it("decides on an association: the note is required, a rejection is confirmed first, and an illegal move is explained", async () => {
    const target = await withContact("pending", "Beslutningsklubben");
    const path = `/coordinator/associations/${target.associationId}`;
    const params = { associationId: target.associationId };
    const page = loaded(await run(reviewLoader, request(path, { cookie: coordinator.cookie }), params));
    expect(page.decisions).toEqual(["approve", "reject"]);
    expect(page.record.contacts.map((contact) => contact.email)).toEqual([target.user.email]);

    const noNote = outcome(await run(reviewAction, post(path, coordinator.cookie, { intent: "decide", decision: "reject", note: "" }), params));
    expect(noNote.status).toBe(400);
    expect(danishErrors(noNote.data)).toEqual({ note: "Skriv en begrundelse til foreningen." });
    const asked = outcome(await run(reviewAction, post(path, coordinator.cookie, { intent: "decide", decision: "reject", note: "Ikke i kommunen." }), params));
    expect(asked.data).toMatchObject({ confirm: { decision: "reject", note: "Ikke i kommunen." } });
    expect((await associationRow(target.associationId)).status).toBe("pending");

    const approved = outcome(await run(reviewAction, post(path, coordinator.cookie, { intent: "decide", decision: "approve", note: "" }), params));
    expect(approved).toMatchObject({ status: 302, location: path });
    expect((await associationRow(target.associationId)).status).toBe("approved");
    // The rejection confirmed after the approval: the page explains, the status stays.
    const late = outcome(await run(reviewAction, post(path, coordinator.cookie, { intent: "decide", decision: "reject", note: "Ikke i kommunen.", confirmed: "yes" }), params));
    expect(late.status).toBe(409);
    expect(late.data).toMatchObject({ problem: "associations.review.record.problems.illegal_state" });

    const suspended = outcome(await run(reviewAction, post(path, coordinator.cookie, { intent: "decide", decision: "suspend", note: "Pause.", confirmed: "yes" }), params));
    expect(suspended).toMatchObject({ status: 302 });
    expect(suspended.cookie).toContain("associations.review.record.suspended");
    expect(await associationRow(target.associationId)).toMatchObject({ status: "suspended", decisionNote: "Pause." });

    const publishing = outcome(await run(reviewAction, post(path, coordinator.cookie, { intent: "publishing", publishesDirectly: "yes" }), params));
    expect(publishing.cookie).toContain("associations.review.record.publishOn");
    expect((await associationRow(target.associationId)).publishesDirectly).toBe(true);
    const off = outcome(await run(reviewAction, post(path, coordinator.cookie, { intent: "publishing" }), params));
    expect(off.cookie).toContain("associations.review.record.publishOff");
  });

  it("refuses other roles and answers 404 for an unknown association", async () => {
    const target = await withContact("pending");
    const path = `/coordinator/associations/${target.associationId}`;
    const params = { associationId: target.associationId };
    expect(outcome(await run(reviewLoader, request(path, { cookie: target.cookie }), params)).status).toBe(403);
    expect(outcome(await run(reviewAction, post(path, target.cookie, { intent: "decide", decision: "approve" }), params)).status).toBe(403);
    expect(outcome(await run(reviewAction, post(path, volunteer.cookie, { intent: "decide", decision: "approve" }), params)).status).toBe(403);
    expect((await associationRow(target.associationId)).status).toBe("pending");
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect(outcome(await run(reviewLoader, request(`/coordinator/associations/${unknown}`, { cookie: coordinator.cookie }), { associationId: unknown })).status).toBe(404);
    expect(outcome(await run(reviewAction, post(`/coordinator/associations/${unknown}`, coordinator.cookie, { intent: "decide", decision: "approve" }), { associationId: unknown })).status).toBe(404);
    expect(outcome(await run(reviewAction, post(path, coordinator.cookie, { intent: "decide", decision: "destroy" }), params)).status).toBe(400);
  });
});
