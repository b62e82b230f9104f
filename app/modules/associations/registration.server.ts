import { and, asc, count, eq, gt, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "#db/client.server";
import { isUniqueViolation } from "#db/errors";
import { associationInvites, associationMembers, associations, users, type Association } from "#db/schema";
import type { Env } from "~/env.server";
import { locales, type Locale } from "~/i18n/locales";
import type { JobQueue } from "~/jobs.server";
import { audit, type AuditOrigin } from "~/modules/audit/audit.server";
import { normalizeEmail, signUp, type AccountDeps } from "~/modules/auth/accounts.server";
import { hashPassword, passwordProblem } from "~/modules/auth/password.server";
import { can } from "~/modules/auth/permissions";
import { signupSchema } from "~/modules/auth/schemas";
import { generateToken, hashToken } from "~/modules/auth/tokens.server";
import { queueEmail } from "~/modules/email/queue.server";
import { isUuid, originOf } from "~/modules/volunteers/context.server";
import { associationProfileInput, inviteInput, type AssociationProfileInput } from "./schemas";
import type { Actor, Result } from "./types";

/**
 * Associations join Ungenetværket here: a visitor registers the association and becomes its first contact
 * person; that person may invite one more. The coordinators' side (approval, suspension) is `review.server.ts`.
 */
export interface AssociationDeps {
  db: Database;
  jobs: JobQueue;
  env: Pick<Env, "APP_URL">;
}

/**
 * Two contact people at most, pending invitations included: enough for a holiday or a change of board, few
 * enough that the youth unit knows who speaks for the association. A coordinator's word is needed for more.
 */
export const MAX_CONTACTS = 2;
const INVITE_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

type Common = "forbidden" | "not_found" | "invalid";

/** The association's own words and the contact person's account, as the public registration form sends them. */
export const registrationInput = associationProfileInput.extend({
  contactName: signupSchema.shape.name,
  email: signupSchema.shape.email,
  password: signupSchema.shape.password,
  locale: signupSchema.shape.locale,
});
/** What a form typed, or what `registrationInput` made of it (empty optional fields as null): either is checked again. */
export type RegistrationInput = z.input<typeof registrationInput> | z.output<typeof registrationInput>;

/** An absent optional field, as the schemas take it: parsed values hold null where typed ones hold nothing. */
export function withoutNulls<T extends object>(input: T): T {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== null)) as T;
}

/** Accepting an invitation: the invited person's own name, password and language. */
export const acceptInviteInput = z.object({
  name: signupSchema.shape.name,
  password: signupSchema.shape.password,
  locale: z.enum(locales, { errorMap: () => ({ message: "validation.localeRequired" }) }),
});
export type AcceptInviteInput = z.input<typeof acceptInviteInput>;

export function associationUrl(env: Pick<Env, "APP_URL">) {
  return `${env.APP_URL}/association`;
}

function associationAudit(db: Database, origin: AuditOrigin, associationId: string, action: string, details: Record<string, unknown> = {}) {
  return audit(db, origin, { action, subjectType: "association", subjectId: associationId, details });
}

/**
 * A visitor registers an association and its first contact person. The person's account is made as `signUp`
 * makes one (unverified, a verification email, the sign-up rate limit), with the association role; the
 * association (pending, for a coordinator to approve), the membership and the audit event are written in the
 * same transaction. When the address already has an account, its owner gets the "account exists" email and
 * nothing is created — and the answer is the same, so the form cannot tell who has an account.
 */
export async function registerAssociation(
  deps: AccountDeps,
  input: RegistrationInput,
): Promise<Result<object, "invalid" | "weak_password" | "rate_limited">> {
  const parsed = registrationInput.safeParse(withoutNulls(input));
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { contactName, email, password, locale, ...profile } = parsed.data;
  const result = await signUp(
    deps,
    { name: contactName, email, password, locale },
    {
      role: "association",
      onCreated: async (tx, user) => {
        const [association] = await tx
          .insert(associations)
          .values({ ...profile, createdBy: user.id })
          .returning({ id: associations.id });
        await tx.insert(associationMembers).values({ associationId: association!.id, userId: user.id });
        await associationAudit(tx, { ...deps.origin, actorId: user.id }, association!.id, "association.registered");
        await queueEmail(deps.jobs, tx, {
          to: user.email,
          locale: user.locale,
          template: "associationRegistered",
          props: { name: user.name, associationName: profile.name, url: associationUrl(deps.env) },
        });
      },
    },
  );
  return result.ok ? { ok: true } : { ok: false, reason: result.reason };
}

/** The association the actor is a contact person of, or null: the scope of every "own" query below. */
export async function memberAssociation(db: Database, actor: Actor): Promise<Association | null> {
  if (!can(actor.role, "read:association:own")) return null;
  const [row] = await db
    .select({ association: associations })
    .from(associationMembers)
    .innerJoin(associations, eq(associations.id, associationMembers.associationId))
    .where(eq(associationMembers.userId, actor.id));
  return row?.association ?? null;
}

/** The accounts of the association's contact people: who is told of its tasks and proposals. */
export async function memberUserIds(db: Database, associationId: string) {
  const rows = await db.select({ userId: associationMembers.userId }).from(associationMembers).where(eq(associationMembers.associationId, associationId));
  return rows.map((row) => row.userId);
}

/** The association's contact people and open invitations; staff and the association's own members read them. */
export async function contactsOf(db: Database, associationId: string, now = new Date()) {
  const [contacts, invites] = await Promise.all([
    db
      .select({ userId: users.id, name: users.name, email: users.email, verified: users.emailVerifiedAt, since: associationMembers.createdAt })
      .from(associationMembers)
      .innerJoin(users, eq(users.id, associationMembers.userId))
      .where(eq(associationMembers.associationId, associationId))
      .orderBy(asc(associationMembers.createdAt)),
    db
      .select({ id: associationInvites.id, name: associationInvites.name, email: associationInvites.email, expiresAt: associationInvites.expiresAt, createdAt: associationInvites.createdAt })
      .from(associationInvites)
      .where(and(eq(associationInvites.associationId, associationId), isNull(associationInvites.acceptedAt), gt(associationInvites.expiresAt, now)))
      .orderBy(asc(associationInvites.createdAt)),
  ]);
  return { contacts: contacts.map(({ verified, ...contact }) => ({ ...contact, verified: verified !== null })), invites };
}

/** The actor's own association with its contact people, for the association's dashboard; null when they have none. */
export async function getOwnAssociation(db: Database, actor: Actor) {
  const association = await memberAssociation(db, actor);
  if (!association) return null;
  const { contacts, invites } = await contactsOf(db, association.id);
  return { association, contacts, invites, room: Math.max(0, MAX_CONTACTS - contacts.length - invites.length) };
}

export type OwnAssociation = NonNullable<Awaited<ReturnType<typeof getOwnAssociation>>>;

/** Locks the actor's association row: contacts, invitations and edits of one association happen one at a time. */
async function lockOwn(tx: Database, actor: Actor) {
  const [member] = await tx.select({ associationId: associationMembers.associationId }).from(associationMembers).where(eq(associationMembers.userId, actor.id));
  if (!member) return null;
  const [association] = await tx.select().from(associations).where(eq(associations.id, member.associationId)).for("update");
  return association ?? null;
}

const profileFields = ["name", "kind", "cvr", "town", "address", "website", "description"] as const;

/**
 * The contact people edit their association's profile; the audit event names the fields that changed. A
 * change does not send an approved association back to review: the coordinators see it on the timeline.
 */
export async function updateProfile(
  deps: Pick<AssociationDeps, "db">,
  actor: Actor,
  input: AssociationProfileInput | z.output<typeof associationProfileInput>,
): Promise<Result<{ changed: string[] }, Common | "illegal_state">> {
  if (!can(actor.role, "update:association:own")) return { ok: false, reason: "forbidden" };
  const parsed = associationProfileInput.safeParse(withoutNulls(input));
  if (!parsed.success) return { ok: false, reason: "invalid" };
  return deps.db.transaction(async (tx) => {
    const association = await lockOwn(tx, actor);
    if (!association) return { ok: false as const, reason: "not_found" as const };
    // A rejected registration is closed; the association registers again if it wants another look.
    if (association.status === "rejected") return { ok: false as const, reason: "illegal_state" as const };
    const changed = profileFields.filter((field) => association[field] !== parsed.data[field]);
    if (changed.length === 0) return { ok: true as const, changed: [] };
    await tx
      .update(associations)
      .set({ ...parsed.data, updatedAt: new Date() })
      .where(eq(associations.id, association.id));
    await associationAudit(tx, originOf(actor), association.id, "association.updated", { fields: changed });
    return { ok: true as const, changed: [...changed] };
  });
}

export type InviteRefusal = Common | "illegal_state" | "full" | "already_contact" | "already_invited";

/**
 * A contact person invites a second one: an emailed link with a token (only its hash is kept) valid for 7
 * days. The invitation holds a place among the MAX_CONTACTS until it is accepted, expires or is withdrawn.
 * Whether the address has an account is not told here: the invited person learns it on following the link.
 */
export async function inviteContact(deps: AssociationDeps, actor: Actor, input: { name: string; email: string }): Promise<Result<{ inviteId: string }, InviteRefusal>> {
  if (!can(actor.role, "update:association:own")) return { ok: false, reason: "forbidden" };
  const parsed = inviteInput.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const email = normalizeEmail(parsed.data.email);
  return deps.db.transaction(async (tx) => {
    const association = await lockOwn(tx, actor);
    if (!association) return { ok: false as const, reason: "not_found" as const };
    if (association.status === "rejected" || association.status === "suspended") return { ok: false as const, reason: "illegal_state" as const };
    const { contacts, invites } = await contactsOf(tx, association.id);
    if (contacts.some((contact) => contact.email === email)) return { ok: false as const, reason: "already_contact" as const };
    if (invites.some((invite) => invite.email === email)) return { ok: false as const, reason: "already_invited" as const };
    if (contacts.length + invites.length >= MAX_CONTACTS) return { ok: false as const, reason: "full" as const };

    const token = generateToken();
    const [invite] = await tx
      .insert(associationInvites)
      .values({ associationId: association.id, name: parsed.data.name, email, tokenHash: hashToken(token), invitedBy: actor.id, expiresAt: new Date(Date.now() + INVITE_LIFETIME_MS) })
      .returning({ id: associationInvites.id });
    const [inviter] = await tx.select({ name: users.name, locale: users.locale }).from(users).where(eq(users.id, actor.id));
    // The invited person has no language of their own yet: the inviter's is the best guess.
    await queueEmail(deps.jobs, tx, {
      to: email,
      locale: inviter?.locale ?? "da",
      template: "associationInvite",
      props: { name: parsed.data.name, associationName: association.name, inviterName: inviter?.name ?? association.name, url: `${deps.env.APP_URL}/association-invite/${token}` },
    });
    await associationAudit(tx, originOf(actor), association.id, "association.contact_invited", { inviteId: invite!.id });
    return { ok: true as const, inviteId: invite!.id };
  });
}

/** Withdraws an invitation that has not been accepted, e.g. one sent to a wrong address; it frees its place. */
export async function withdrawInvite(deps: Pick<AssociationDeps, "db">, actor: Actor, inviteId: string): Promise<Result<object, Common>> {
  if (!can(actor.role, "update:association:own")) return { ok: false, reason: "forbidden" };
  if (!isUuid(inviteId)) return { ok: false, reason: "not_found" };
  return deps.db.transaction(async (tx) => {
    const association = await lockOwn(tx, actor);
    if (!association) return { ok: false as const, reason: "not_found" as const };
    // Scoped to the actor's association in the query: another association's invitation is simply not found.
    const [removed] = await tx
      .delete(associationInvites)
      .where(and(eq(associationInvites.id, inviteId), eq(associationInvites.associationId, association.id), isNull(associationInvites.acceptedAt)))
      .returning({ id: associationInvites.id });
    if (!removed) return { ok: false as const, reason: "not_found" as const };
    await associationAudit(tx, originOf(actor), association.id, "association.invite_withdrawn", { inviteId });
    return { ok: true as const };
  });
}

export type InviteProblem = "not_found" | "expired" | "used";

async function findInvite(db: Database, token: string) {
  if (!token || token.length > 200) return null;
  const [row] = await db
    .select({ invite: associationInvites, associationName: associations.name, associationStatus: associations.status })
    .from(associationInvites)
    .innerJoin(associations, eq(associations.id, associationInvites.associationId))
    .where(eq(associationInvites.tokenHash, hashToken(token)));
  return row ?? null;
}

function inviteProblem(found: Awaited<ReturnType<typeof findInvite>>, now: Date): InviteProblem | null {
  if (!found || found.associationStatus === "rejected") return "not_found";
  if (found.invite.acceptedAt) return "used";
  if (found.invite.expiresAt <= now) return "expired";
  return null;
}

/** What the invitation page shows before the person fills in the form: whose invitation, to which address. */
export async function getInvite(db: Database, token: string, now = new Date()): Promise<Result<{ name: string; email: string; associationName: string }, InviteProblem>> {
  const found = await findInvite(db, token);
  const problem = inviteProblem(found, now);
  if (problem || !found) return { ok: false, reason: problem ?? "not_found" };
  return { ok: true, name: found.invite.name, email: found.invite.email, associationName: found.associationName };
}

/**
 * The invited person creates their user from the link. Following the emailed link proves the address, so the
 * account is verified at once. An address that already has an account cannot accept: a user belongs to at most
 * one association, and a volunteer's or staff member's account must not silently become an association's.
 */
export async function acceptInvite(
  deps: Pick<AssociationDeps, "db"> & { origin?: Omit<AuditOrigin, "actorId"> },
  token: string,
  input: AcceptInviteInput,
  now = new Date(),
): Promise<Result<{ userId: string; associationId: string }, InviteProblem | "invalid" | "weak_password" | "account_exists" | "full">> {
  const parsed = acceptInviteInput.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const found = await findInvite(deps.db, token);
  const problem = inviteProblem(found, now);
  if (problem || !found) return { ok: false, reason: problem ?? "not_found" };
  const { invite } = found;
  const [existing] = await deps.db.select({ id: users.id }).from(users).where(eq(users.email, invite.email));
  if (existing) return { ok: false, reason: "account_exists" };
  if (passwordProblem(parsed.data.password, [invite.email, parsed.data.name])) return { ok: false, reason: "weak_password" };
  const passwordHash = await hashPassword(parsed.data.password);
  try {
    return await deps.db.transaction(async (tx) => {
      await tx.select({ id: associations.id }).from(associations).where(eq(associations.id, invite.associationId)).for("update");
      // Redeeming first, under the association's lock: a link used twice at once makes one account.
      const [redeemed] = await tx
        .update(associationInvites)
        .set({ acceptedAt: now })
        .where(and(eq(associationInvites.id, invite.id), isNull(associationInvites.acceptedAt), gt(associationInvites.expiresAt, now)))
        .returning({ id: associationInvites.id });
      if (!redeemed) return { ok: false as const, reason: "used" as const };
      const [members] = await tx.select({ value: count() }).from(associationMembers).where(eq(associationMembers.associationId, invite.associationId));
      if (Number(members?.value ?? 0) >= MAX_CONTACTS) throw new Refused("full");
      const [user] = await tx
        .insert(users)
        .values({ email: invite.email, name: parsed.data.name, locale: parsed.data.locale as Locale, role: "association", passwordHash, emailVerifiedAt: now })
        .onConflictDoNothing({ target: users.email })
        .returning({ id: users.id });
      if (!user) throw new Refused("account_exists");
      await tx.update(associationInvites).set({ acceptedBy: user.id }).where(eq(associationInvites.id, invite.id));
      await tx.insert(associationMembers).values({ associationId: invite.associationId, userId: user.id });
      const origin = { ...deps.origin, actorId: user.id };
      await audit(tx, origin, { action: "auth.signup", subjectType: "user", subjectId: user.id, details: { via: "association_invite" } });
      await associationAudit(tx, origin, invite.associationId, "association.invite_accepted", { inviteId: invite.id });
      return { ok: true as const, userId: user.id, associationId: invite.associationId };
    });
  } catch (error) {
    // The invitation stays unused (the transaction rolled back), so it can still be withdrawn and sent again.
    if (error instanceof Refused) return { ok: false, reason: error.reason };
    if (isUniqueViolation(error, "users_email_key")) return { ok: false, reason: "account_exists" };
    throw error;
  }
}

/** A refusal found after the invitation was redeemed: thrown, so that the transaction rolls the redemption back. */
class Refused extends Error {
  constructor(readonly reason: "full" | "account_exists") {
    super(reason);
  }
}
