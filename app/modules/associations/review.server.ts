import { and, count, desc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "#db/client.server";
import { associations, auditEvents, users, type Association, type AssociationStatus } from "#db/schema";
import type { AssociationDecision } from "#emails/association-notices";
import { audit } from "~/modules/audit/audit.server";
import { can } from "~/modules/auth/permissions";
import { notifyUser } from "~/modules/courses/context.server";
import { isUuid, originOf } from "~/modules/volunteers/context.server";
import { associationUrl, contactsOf, withoutNulls, type AssociationDeps } from "./registration.server";
import { associationDecisionInput, type AssociationDecisionInput } from "./schemas";
import { associationStatuses, type Actor, type Result } from "./types";

/**
 * The coordinators' side of Ungenetværket: the list of associations, one association's page, and the decisions
 * on it. Only an approved association's tasks are public; the task lists filter on that, so a suspension hides
 * them without touching the tasks themselves.
 */

export const associationPageSize = 25;

/** The list's URL state; anything unexpected falls back to the default, never to an error. */
export const associationListQuery = z.object({
  status: z.enum(associationStatuses).or(z.literal("")).catch(""),
  q: z.string().trim().max(100).catch(""),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type AssociationListQuery = z.infer<typeof associationListQuery>;

function escapeLike(value: string) {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}

function listFilter(query: AssociationListQuery): SQL | undefined {
  const conditions: SQL[] = [];
  if (query.status) conditions.push(eq(associations.status, query.status));
  if (query.q) {
    const pattern = `%${escapeLike(query.q)}%`;
    conditions.push(or(ilike(associations.name, pattern), ilike(associations.town, pattern), eq(associations.cvr, query.q.replace(/\s+/g, "")))!);
  }
  return conditions.length ? and(...conditions) : undefined;
}

/** Associations for the coordinators: those waiting for a decision first (oldest first), then the newest. */
export async function listAssociations(db: Database, actor: Actor, input: Partial<Record<keyof AssociationListQuery, unknown>>) {
  if (!can(actor.role, "read:association:any")) return null;
  const query = associationListQuery.parse(input);
  const where = listFilter(query);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: associations.id,
        name: associations.name,
        kind: associations.kind,
        town: associations.town,
        status: associations.status,
        publishesDirectly: associations.publishesDirectly,
        createdAt: associations.createdAt,
      })
      .from(associations)
      .where(where)
      .orderBy(
        sql`(${associations.status} = 'pending') desc`,
        sql`case when ${associations.status} = 'pending' then ${associations.createdAt} end asc`,
        desc(associations.createdAt),
        desc(associations.id),
      )
      .limit(associationPageSize)
      .offset((query.page - 1) * associationPageSize),
    db.select({ value: count() }).from(associations).where(where),
  ]);
  return { rows, total: Number(total?.value ?? 0), query, size: associationPageSize };
}

/** How many associations wait for a coordinator's decision: for the start page. */
export async function countPendingAssociations(db: Database, actor: Actor) {
  if (!can(actor.role, "read:association:any")) return null;
  const [row] = await db.select({ value: count() }).from(associations).where(eq(associations.status, "pending"));
  return Number(row?.value ?? 0);
}

/** One association for a coordinator: the profile, its contact people (staff may see their addresses) and its timeline. */
export async function getAssociationForCoordinator(db: Database, actor: Actor, associationId: string) {
  if (!can(actor.role, "read:association:any") || !isUuid(associationId)) return null;
  const [association] = await db.select().from(associations).where(eq(associations.id, associationId));
  if (!association) return null;
  const [{ contacts, invites }, timeline] = await Promise.all([
    contactsOf(db, associationId),
    db
      .select({ id: auditEvents.id, occurredAt: auditEvents.occurredAt, actorId: auditEvents.actorId, actorName: users.name, action: auditEvents.action, details: auditEvents.details })
      .from(auditEvents)
      .leftJoin(users, eq(users.id, auditEvents.actorId))
      .where(and(eq(auditEvents.subjectType, "association"), eq(auditEvents.subjectId, associationId)))
      .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
      .limit(100),
  ]);
  const [decidedBy] = association.decidedBy ? await db.select({ name: users.name }).from(users).where(eq(users.id, association.decidedBy)) : [];
  return { association, contacts, invites, timeline, decidedByName: decidedBy?.name ?? null };
}

export type AssociationForCoordinator = NonNullable<Awaited<ReturnType<typeof getAssociationForCoordinator>>>;

type Decision = AssociationDecisionInput["decision"];

/** The one table of legal moves: from which status each decision may be taken, and where it leads. */
const transitions: Record<Decision, { from: readonly AssociationStatus[]; to: AssociationStatus }> = {
  approve: { from: ["pending", "suspended"], to: "approved" },
  reject: { from: ["pending"], to: "rejected" },
  suspend: { from: ["approved"], to: "suspended" },
};

/** The decisions a coordinator can take on an association in its status, for the page to offer. */
export function decisionsFor(status: AssociationStatus): Decision[] {
  return (Object.keys(transitions) as Decision[]).filter((decision) => transitions[decision].from.includes(status));
}

function emailFor(decision: Decision, from: AssociationStatus): AssociationDecision {
  if (decision === "approve") return from === "suspended" ? "reinstated" : "approved";
  return decision === "reject" ? "rejected" : "suspended";
}

/**
 * A coordinator approves, rejects or suspends an association, or approves a suspended one again. The current
 * status is checked under a lock on the row; anything but the moves in `transitions` is `illegal_state`. A
 * rejection or suspension carries a note, which the contact people get in their email.
 */
export async function decideAssociation(
  deps: AssociationDeps,
  actor: Actor,
  associationId: string,
  input: AssociationDecisionInput | z.output<typeof associationDecisionInput>,
): Promise<Result<{ status: AssociationStatus }, "forbidden" | "not_found" | "invalid" | "illegal_state">> {
  if (!can(actor.role, "update:association:any")) return { ok: false, reason: "forbidden" };
  const parsed = associationDecisionInput.safeParse(withoutNulls(input));
  if (!parsed.success) return { ok: false, reason: "invalid" };
  if (!isUuid(associationId)) return { ok: false, reason: "not_found" };
  const { decision, note } = parsed.data;
  const move = transitions[decision];
  return deps.db.transaction(async (tx) => {
    const [association] = await tx.select().from(associations).where(eq(associations.id, associationId)).for("update");
    if (!association) return { ok: false as const, reason: "not_found" as const };
    if (!move.from.includes(association.status)) return { ok: false as const, reason: "illegal_state" as const };
    await tx
      .update(associations)
      .set({ status: move.to, decisionNote: note, decidedBy: actor.id, decidedAt: new Date(), updatedAt: new Date() })
      .where(eq(associations.id, associationId));
    // The note stays out of the audit trail's details: it is on the association's row and in the email.
    await audit(tx, originOf(actor), { action: `association.${move.to}`, subjectType: "association", subjectId: associationId, details: { from: association.status } });
    await notifyContacts(deps, tx, association, emailFor(decision, association.status), note);
    return { ok: true as const, status: move.to };
  });
}

async function notifyContacts(deps: AssociationDeps, tx: Database, association: Association, decision: AssociationDecision, note: string | null) {
  const { contacts } = await contactsOf(tx, association.id);
  for (const contact of contacts) {
    await notifyUser(deps, tx, contact.userId, "associationDecision", (user) => ({
      name: user.name,
      associationName: association.name,
      decision,
      note,
      url: associationUrl(deps.env),
    }));
  }
}

/**
 * Lets a trusted association publish its tasks without a coordinator approving each one, or takes that back.
 * It takes effect for the tasks it submits from now on.
 */
export async function setPublishesDirectly(
  deps: Pick<AssociationDeps, "db">,
  actor: Actor,
  associationId: string,
  publishesDirectly: boolean,
): Promise<Result<{ changed: boolean }, "forbidden" | "not_found">> {
  if (!can(actor.role, "update:association:any")) return { ok: false, reason: "forbidden" };
  if (!isUuid(associationId)) return { ok: false, reason: "not_found" };
  return deps.db.transaction(async (tx) => {
    const [association] = await tx.select().from(associations).where(eq(associations.id, associationId)).for("update");
    if (!association) return { ok: false as const, reason: "not_found" as const };
    if (association.publishesDirectly === publishesDirectly) return { ok: true as const, changed: false };
    await tx.update(associations).set({ publishesDirectly, updatedAt: new Date() }).where(eq(associations.id, associationId));
    await audit(tx, originOf(actor), { action: "association.publishes_directly_changed", subjectType: "association", subjectId: associationId, details: { publishesDirectly } });
    return { ok: true as const, changed: true };
  });
}
