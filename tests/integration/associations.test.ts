import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { associationInvites, associationMembers, associations, auditEvents, users } from "#db/schema";
import type { AccountDeps } from "~/modules/auth/accounts.server";
import {
  acceptInvite,
  getInvite,
  getOwnAssociation,
  inviteContact,
  registerAssociation,
  updateProfile,
  withdrawInvite,
  type RegistrationInput,
} from "~/modules/associations/registration.server";
import { countPendingAssociations, decideAssociation, getAssociationForCoordinator, listAssociations, setPublishesDirectly } from "~/modules/associations/review.server";
import { isValidCvr, type AssociationDecisionInput } from "~/modules/associations/schemas";
import { consumeRateLimit, rateLimitRules } from "~/modules/auth/rate-limit.server";
import { createAssociation } from "../factories/associations";
import { createUser } from "../factories/users";
import { actorOf } from "../factories/volunteers";
import { createTestContext, queuedJobs } from "../helpers/context";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

let database: TestDatabase;
let deps: AccountDeps;
let ipCounter = 0;
let coordinator: ReturnType<typeof actorOf>;

beforeAll(async () => {
  database = await createTestDatabase();
  coordinator = actorOf(await createUser(database.db, { role: "coordinator", name: "Karin Koordinator" }));
});
afterAll(() => database.close());
beforeEach(() => {
  // Each test registers from its own address, so the sign-up limit of one test does not spill into the next.
  ipCounter += 1;
  const context = createTestContext(database.handle);
  deps = { db: context.db, jobs: context.jobs, env: context.env, origin: { actorId: null, requestId: "r1", ip: `198.51.100.${ipCounter}` } };
});

type EmailData = { to: string; template: string; props: Record<string, string | null> };

async function emailsTo(address: string) {
  return (await queuedJobs<EmailData>(database.db, "email")).map((job) => job.data).filter((job) => job.to === address);
}

async function auditOf(associationId: string) {
  const rows = await database.db.select().from(auditEvents).where(and(eq(auditEvents.subjectType, "association"), eq(auditEvents.subjectId, associationId)));
  return rows.map((row) => row.action);
}

let sequence = 0;
function registration(overrides: Partial<RegistrationInput> = {}): RegistrationInput {
  sequence += 1;
  return {
    name: `Vorbasse Spejderne ${sequence}`,
    kind: "scouting",
    cvr: "",
    town: "Vorbasse",
    address: "Skovvej 4, 6623 Vorbasse",
    website: "vorbasse-spejder.dk",
    description: "Spejdermøder hver tirsdag og weekendture i skoven.",
    contactName: "Lone Leder",
    email: `leder${sequence}@example.test`,
    password: "kaffe bjerg cykel lanterne",
    locale: "da",
    ...overrides,
  };
}

async function associationByName(name: string) {
  const [row] = await database.db.select().from(associations).where(eq(associations.name, name));
  return row ?? null;
}

/** A registered association with its first contact person, verified so they can act. */
async function registered(overrides: Partial<RegistrationInput> = {}) {
  const input = registration(overrides);
  const result = await registerAssociation(deps, input);
  if (!result.ok) throw new Error(`setup: ${result.reason}`);
  const association = (await associationByName(input.name as string))!;
  const [user] = await database.db.select().from(users).where(eq(users.email, input.email as string));
  return { association, user: user!, actor: actorOf(user!), input };
}

function tokenOf(url: string | null | undefined) {
  return url!.split("/association-invite/")[1]!;
}

async function inviteToken(actor: ReturnType<typeof actorOf>, email: string, name = "Ole Kasserer") {
  const invited = await inviteContact(deps, actor, { name, email });
  if (!invited.ok) throw new Error(`setup: ${invited.reason}`);
  const [email_] = (await emailsTo(email)).filter((job) => job.template === "associationInvite").slice(-1);
  return tokenOf(email_?.props.url);
}

describe("registering an association", () => {
  it("creates the unverified contact person, the pending association and the membership, with an audit event and two emails", async () => {
    const input = registration({ cvr: "1234 5674" });
    expect(await registerAssociation(deps, input)).toEqual({ ok: true });

    const [user] = await database.db.select().from(users).where(eq(users.email, input.email as string));
    expect(user).toMatchObject({ role: "association", name: "Lone Leder", emailVerifiedAt: null });
    const association = await associationByName(input.name as string);
    expect(association).toMatchObject({ status: "pending", kind: "scouting", cvr: "12345674", website: "https://vorbasse-spejder.dk", createdBy: user!.id, publishesDirectly: false });
    const members = await database.db.select().from(associationMembers).where(eq(associationMembers.associationId, association!.id));
    expect(members.map((member) => member.userId)).toEqual([user!.id]);
    expect(await auditOf(association!.id)).toEqual(["association.registered"]);
    const emails = await emailsTo(input.email as string);
    expect(emails.map((email) => email.template).sort()).toEqual(["associationRegistered", "verifyEmail"]);
    expect(emails.find((email) => email.template === "associationRegistered")?.props).toMatchObject({ associationName: input.name, url: "http://localhost:3000/association" });
  });

  it("answers the same for an address that has an account, emails its owner, and creates nothing", async () => {
    const volunteer = await createUser(database.db, { role: "volunteer", email: "taget@example.test" });
    const input = registration({ email: "Taget@Example.test" });
    expect(await registerAssociation(deps, input)).toEqual({ ok: true });

    expect(await associationByName(input.name as string)).toBeNull();
    const [after] = await database.db.select().from(users).where(eq(users.id, volunteer.id));
    expect(after?.role).toBe("volunteer");
    expect((await emailsTo("taget@example.test")).map((email) => email.template)).toEqual(["accountExists"]);
  });

  it("checks the CVR number and the profile, and creates nothing when they are wrong", async () => {
    expect(isValidCvr("12345674")).toBe(true);
    expect(isValidCvr("12345678")).toBe(false);
    expect(isValidCvr("1234567")).toBe(false);
    for (const wrong of [{ cvr: "12345678" }, { cvr: "abc" }, { name: " " }, { kind: "club" as never }, { website: "http://" }]) {
      const input = registration(wrong);
      expect(await registerAssociation(deps, input), JSON.stringify(wrong)).toEqual({ ok: false, reason: "invalid" });
      expect(await emailsTo(input.email as string)).toEqual([]);
    }
    const [users_] = await database.db.select({ value: count() }).from(users).where(eq(users.name, "Lone Leder"));
    const before = Number(users_?.value);
    expect(await registerAssociation(deps, registration({ password: "password1234" }))).toEqual({ ok: false, reason: "weak_password" });
    const [after] = await database.db.select({ value: count() }).from(users).where(eq(users.name, "Lone Leder"));
    expect(Number(after?.value)).toBe(before);
  });

  it("is held to the sign-up limit per address, and creates nothing beyond it", async () => {
    for (let i = 0; i < rateLimitRules.signupIp.limit; i++) await consumeRateLimit(database.db, `signup:ip:${deps.origin.ip}`, rateLimitRules.signupIp);
    const input = registration();
    expect(await registerAssociation(deps, input)).toMatchObject({ ok: false, reason: "rate_limited" });
    expect(await associationByName(input.name as string)).toBeNull();
    expect(await emailsTo(input.email as string)).toEqual([]);
  });
});

describe("contact people", () => {
  it("invites a second contact person who accepts with a verified account of their own", async () => {
    const { association, actor, user: lone } = await registered();
    const token = await inviteToken(actor, "ole@example.test");
    const [email] = await emailsTo("ole@example.test");
    expect(email).toMatchObject({ template: "associationInvite", props: { name: "Ole Kasserer", associationName: association.name, inviterName: "Lone Leder" } });
    const [stored] = await database.db.select().from(associationInvites).where(eq(associationInvites.associationId, association.id));
    // Only the hash is kept; the link expires after 7 days.
    expect(stored!.tokenHash).not.toContain(token);
    expect(stored!.expiresAt.getTime() - Date.now()).toBeGreaterThan(6.9 * 24 * 3600 * 1000);

    expect(await getInvite(database.db, token)).toEqual({ ok: true, name: "Ole Kasserer", email: "ole@example.test", associationName: association.name });
    const accepted = await acceptInvite({ db: database.db }, token, { name: "Ole Olsen", password: "regn paraply kano solsort", locale: "en" });
    expect(accepted.ok).toBe(true);
    const [ole] = await database.db.select().from(users).where(eq(users.email, "ole@example.test"));
    expect(ole).toMatchObject({ role: "association", name: "Ole Olsen", locale: "en" });
    expect(ole!.emailVerifiedAt).not.toBeNull();
    const own = await getOwnAssociation(database.db, actorOf(ole!));
    expect(own?.association.id).toBe(association.id);
    expect(own?.contacts.map((contact) => contact.email)).toEqual([lone.email, "ole@example.test"]);
    expect(await auditOf(association.id)).toEqual(expect.arrayContaining(["association.contact_invited", "association.invite_accepted"]));

    // The link works once.
    expect(await acceptInvite({ db: database.db }, token, { name: "Ole igen", password: "regn paraply kano solsort", locale: "da" })).toEqual({ ok: false, reason: "used" });
    expect(await getInvite(database.db, token)).toEqual({ ok: false, reason: "used" });
  });

  it("refuses an expired or unknown link", async () => {
    const { actor } = await registered();
    const token = await inviteToken(actor, "sent@example.test");
    await database.db.update(associationInvites).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(associationInvites.email, "sent@example.test"));
    expect(await getInvite(database.db, token)).toEqual({ ok: false, reason: "expired" });
    expect(await acceptInvite({ db: database.db }, token, { name: "Sent", password: "regn paraply kano solsort", locale: "da" })).toEqual({ ok: false, reason: "expired" });
    expect(await getInvite(database.db, "not-a-token-at-all")).toEqual({ ok: false, reason: "not_found" });
    const [user] = await database.db.select().from(users).where(eq(users.email, "sent@example.test"));
    expect(user).toBeUndefined();
  });

  it("does not let an existing account accept, and leaves the invitation unused", async () => {
    const { actor, association } = await registered();
    const volunteer = await createUser(database.db, { role: "volunteer", email: "frivillig-med-bruger@example.test" });
    // Inviting does not tell the association whether the address has an account.
    const token = await inviteToken(actor, volunteer.email);
    expect(await acceptInvite({ db: database.db }, token, { name: "Frivillig", password: "regn paraply kano solsort", locale: "da" })).toEqual({ ok: false, reason: "account_exists" });
    const [after] = await database.db.select().from(users).where(eq(users.id, volunteer.id));
    expect(after?.role).toBe("volunteer");
    const members = await database.db.select().from(associationMembers).where(eq(associationMembers.associationId, association.id));
    expect(members).toHaveLength(1);
    const [invite] = await database.db.select().from(associationInvites).where(eq(associationInvites.email, volunteer.email));
    expect(invite?.acceptedAt).toBeNull();
  });

  it("keeps to two contact people, pending invitations included; withdrawing frees the place", async () => {
    const { actor, association } = await registered();
    const me = (await getOwnAssociation(database.db, actor))!;
    expect(await inviteContact(deps, actor, { name: "Mig selv", email: me.contacts[0]!.email })).toEqual({ ok: false, reason: "already_contact" });
    const first = await inviteContact(deps, actor, { name: "Anden", email: "anden@example.test" });
    expect(first.ok).toBe(true);
    expect(await inviteContact(deps, actor, { name: "Anden", email: "ANDEN@example.test" })).toEqual({ ok: false, reason: "already_invited" });
    expect(await inviteContact(deps, actor, { name: "Tredje", email: "tredje@example.test" })).toEqual({ ok: false, reason: "full" });
    expect((await getOwnAssociation(database.db, actor))?.room).toBe(0);

    expect(await withdrawInvite(deps, actor, first.ok ? first.inviteId : "")).toEqual({ ok: true });
    expect(await auditOf(association.id)).toContain("association.invite_withdrawn");
    const token = await inviteToken(actor, "tredje@example.test", "Tredje");
    expect((await acceptInvite({ db: database.db }, token, { name: "Tredje", password: "regn paraply kano solsort", locale: "da" })).ok).toBe(true);
    expect(await inviteContact(deps, actor, { name: "Fjerde", email: "fjerde@example.test" })).toEqual({ ok: false, reason: "full" });
  });
});

describe("the association's own profile", () => {
  it("is edited by its contact people, with the changed fields in the audit trail", async () => {
    const { actor, association, input } = await registered();
    const changed = await updateProfile(deps, actor, { ...input, town: "Billund", description: "Nyt om os." });
    expect(changed).toEqual({ ok: true, changed: ["town", "description"] });
    const events = await database.db.select().from(auditEvents).where(and(eq(auditEvents.subjectId, association.id), eq(auditEvents.action, "association.updated")));
    expect(events.map((event) => event.details)).toEqual([{ fields: ["town", "description"] }]);
    expect(await updateProfile(deps, actor, { ...input, town: "Billund", description: "Nyt om os." })).toEqual({ ok: true, changed: [] });
    expect(await updateProfile(deps, actor, { ...input, cvr: "11111111" })).toEqual({ ok: false, reason: "invalid" });
  });

  it("belongs to its own association only: a member of A cannot read or change B, a volunteer neither", async () => {
    const a = await registered();
    const b = await registered();
    const bInvite = await inviteContact(deps, b.actor, { name: "B's kasserer", email: "b-kasserer@example.test" });
    expect((await getOwnAssociation(database.db, a.actor))?.association.id).toBe(a.association.id);
    // A's member edits "their" profile: only A's row changes, whatever they send.
    await updateProfile(deps, a.actor, { ...b.input, name: "Overtaget" });
    expect((await associationByName("Overtaget"))?.id).toBe(a.association.id);
    expect((await associationByName(b.input.name as string))?.id).toBe(b.association.id);
    expect(await withdrawInvite(deps, a.actor, bInvite.ok ? bInvite.inviteId : "")).toEqual({ ok: false, reason: "not_found" });
    expect(await decideAssociation(deps, a.actor, b.association.id, { decision: "approve" })).toEqual({ ok: false, reason: "forbidden" });
    expect(await setPublishesDirectly(deps, a.actor, a.association.id, true)).toEqual({ ok: false, reason: "forbidden" });
    expect(await listAssociations(database.db, a.actor, {})).toBeNull();
    expect(await getAssociationForCoordinator(database.db, a.actor, b.association.id)).toBeNull();

    const volunteer = actorOf(await createUser(database.db, { role: "volunteer" }));
    expect(await getOwnAssociation(database.db, volunteer)).toBeNull();
    expect(await updateProfile(deps, volunteer, b.input)).toEqual({ ok: false, reason: "forbidden" });
    expect(await inviteContact(deps, volunteer, { name: "X", email: "x@example.test" })).toEqual({ ok: false, reason: "forbidden" });
    expect(await decideAssociation(deps, volunteer, b.association.id, { decision: "approve" })).toEqual({ ok: false, reason: "forbidden" });
    expect(await listAssociations(database.db, volunteer, {})).toBeNull();
    // An association user who belongs to no association has nothing to edit.
    const loose = actorOf(await createUser(database.db, { role: "association" }));
    expect(await getOwnAssociation(database.db, loose)).toBeNull();
    expect(await updateProfile(deps, loose, b.input)).toEqual({ ok: false, reason: "not_found" });
  });
});

describe("the coordinators' review", () => {
  it("approves, suspends and approves again, emailing every contact person, and refuses every other move", async () => {
    const { actor, association } = await registered();
    const token = await inviteToken(actor, "to@example.test");
    await acceptInvite({ db: database.db }, token, { name: "Anna To", password: "regn paraply kano solsort", locale: "en" });
    const contacts = (await getOwnAssociation(database.db, actor))!.contacts.map((contact) => contact.email);
    // A note left out, as a form that does not send one: the module's own check must catch it.
    const decide = (decision: "approve" | "reject" | "suspend", note?: string) => decideAssociation(deps, coordinator, association.id, { decision, note } as AssociationDecisionInput);

    expect(await decide("suspend", "For tidligt")).toEqual({ ok: false, reason: "illegal_state" });
    expect(await decide("approve")).toEqual({ ok: true, status: "approved" });
    expect(await decide("approve")).toEqual({ ok: false, reason: "illegal_state" });
    expect(await decide("reject", "For sent")).toEqual({ ok: false, reason: "illegal_state" });
    // A suspension needs a note for the association.
    expect(await decide("suspend")).toEqual({ ok: false, reason: "invalid" });
    expect(await decide("suspend", "  ")).toEqual({ ok: false, reason: "invalid" });
    expect(await decide("suspend", "I mangler børneattester.")).toEqual({ ok: true, status: "suspended" });
    expect(await associationByName(association.name)).toMatchObject({ status: "suspended", decisionNote: "I mangler børneattester.", decidedBy: coordinator.id });
    expect(await decide("suspend", "Igen")).toEqual({ ok: false, reason: "illegal_state" });
    expect(await decide("approve")).toEqual({ ok: true, status: "approved" });
    expect((await associationByName(association.name))?.decisionNote).toBeNull();

    for (const address of contacts) {
      const decisions = (await emailsTo(address)).filter((email) => email.template === "associationDecision");
      expect(decisions.map((email) => [email.props.decision, email.props.note])).toEqual([
        ["approved", null],
        ["suspended", "I mangler børneattester."],
        ["reinstated", null],
      ]);
    }
    expect((await auditOf(association.id)).filter((action) => /approved|suspended|rejected/.test(action))).toEqual(["association.approved", "association.suspended", "association.approved"]);
  });

  it("rejects a pending association with a note, and a rejected one cannot move again", async () => {
    const { association, actor, input } = await registered();
    expect(await decideAssociation(deps, coordinator, association.id, { decision: "reject", note: "" })).toEqual({ ok: false, reason: "invalid" });
    expect(await decideAssociation(deps, coordinator, association.id, { decision: "reject", note: "Ikke en forening i kommunen." })).toEqual({ ok: true, status: "rejected" });
    for (const decision of ["approve", "suspend", "reject"] as const) {
      expect(await decideAssociation(deps, coordinator, association.id, { decision, note: "x" })).toEqual({ ok: false, reason: "illegal_state" });
    }
    const [email] = (await emailsTo(input.email as string)).filter((job) => job.template === "associationDecision");
    expect(email?.props).toMatchObject({ decision: "rejected", note: "Ikke en forening i kommunen." });
    // A rejected association's people can read where it stands, but not edit or invite.
    expect(await updateProfile(deps, actor, input)).toEqual({ ok: false, reason: "illegal_state" });
    expect(await inviteContact(deps, actor, { name: "Y", email: "y@example.test" })).toEqual({ ok: false, reason: "illegal_state" });
    expect(await decideAssociation(deps, coordinator, "00000000-0000-4000-8000-000000000000", { decision: "approve" })).toEqual({ ok: false, reason: "not_found" });
    expect(await decideAssociation(deps, coordinator, "not-an-id", { decision: "approve" })).toEqual({ ok: false, reason: "not_found" });
  });

  it("lets a trusted association publish directly, audited when it changes", async () => {
    const { associationId } = await createAssociation(database.db);
    expect(await setPublishesDirectly(deps, coordinator, associationId, true)).toEqual({ ok: true, changed: true });
    expect(await setPublishesDirectly(deps, coordinator, associationId, true)).toEqual({ ok: true, changed: false });
    expect(await setPublishesDirectly(deps, coordinator, associationId, false)).toEqual({ ok: true, changed: true });
    const events = await database.db.select().from(auditEvents).where(and(eq(auditEvents.subjectId, associationId), eq(auditEvents.action, "association.publishes_directly_changed")));
    expect(events.map((event) => event.details)).toEqual([{ publishesDirectly: true }, { publishesDirectly: false }]);
  });

  it("lists those waiting for a decision first, filters by status and searches name, town and CVR", async () => {
    const approved = await createAssociation(database.db, { name: "Åben Kor Billund", status: "approved" });
    await registered({ name: "Hejnsvig Genbrug", kind: "humanitarian", town: "Hejnsvig" });
    const list = (await listAssociations(database.db, coordinator, {}))!;
    const firstOther = list.rows.findIndex((row) => row.status !== "pending");
    expect(list.rows.slice(0, firstOther).every((row) => row.status === "pending")).toBe(true);
    expect(list.rows.slice(firstOther).some((row) => row.status === "pending")).toBe(false);
    expect(list.total).toBeGreaterThan(2);

    expect((await listAssociations(database.db, coordinator, { q: "hejnsvig" }))!.rows.map((row) => row.name)).toEqual(["Hejnsvig Genbrug"]);
    expect((await listAssociations(database.db, coordinator, { status: "approved", q: "kor" }))!.rows.map((row) => row.id)).toEqual([approved.associationId]);
    expect((await listAssociations(database.db, coordinator, { q: "100%_" }))!.rows).toEqual([]);
    // Nonsense in the URL falls back to the defaults.
    expect((await listAssociations(database.db, coordinator, { status: "nope", page: "-3" }))!.query).toMatchObject({ status: "", page: 1 });
    expect(await countPendingAssociations(database.db, coordinator)).toBe(list.rows.filter((row) => row.status === "pending").length);

    const record = (await getAssociationForCoordinator(database.db, coordinator, approved.associationId))!;
    expect(record.contacts.map((contact) => contact.email)).toEqual([approved.user.email]);
  });
});
