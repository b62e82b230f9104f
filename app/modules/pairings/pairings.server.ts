import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "#db/client.server";
import { pairings, users, volunteers, youths, type Pairing, type Volunteer, type Youth } from "#db/schema";
import type { EmailTemplateName } from "#emails/index";
import type { Env } from "~/env.server";
import type { JobQueue } from "~/jobs.server";
import { audit } from "~/modules/audit/audit.server";
import { can } from "~/modules/auth/permissions";
import { notifyUser } from "~/modules/courses/context.server";
import { isUuid, originOf } from "~/modules/volunteers/context.server";
import { respectsMentorWishes, scoreMatch } from "./matching";
import { agreementInput, declineInput, proposalInput, type AgreementInput } from "./schemas";
import { eligibleMentor, youthProfile } from "./suggestions.server";
import { openPairingStatuses, type Actor, type Result } from "./types";

export interface PairingDeps {
  db: Database;
  jobs: JobQueue;
  env: Pick<Env, "APP_URL">;
}

export type Common = "forbidden" | "not_found" | "invalid" | "illegal_state";

export function pairingAudit(tx: Database, actor: Actor, pairing: Pick<Pairing, "id" | "youthId">, action: string, details: Record<string, unknown> = {}) {
  // On the youth's timeline too: the pairing's changes are part of the youth's course.
  return Promise.all([
    audit(tx, originOf(actor), { action, subjectType: "pairing", subjectId: pairing.id, details }),
    audit(tx, originOf(actor), { action, subjectType: "youth", subjectId: pairing.youthId, details: { ...details, pairingId: pairing.id } }),
  ]);
}

export function notify(deps: PairingDeps, tx: Database, userId: string, template: EmailTemplateName & `pairing${string}`, path: string) {
  return notifyUser(deps, tx, userId, template, (user) => ({ name: user.name, url: `${deps.env.APP_URL}${path}` }));
}

async function lockYouth(tx: Database, youthId: string): Promise<Youth | null> {
  if (!isUuid(youthId)) return null;
  const [youth] = await tx.select().from(youths).where(eq(youths.id, youthId)).for("update");
  return youth ?? null;
}

async function lockVolunteer(tx: Database, volunteerId: string): Promise<Volunteer | null> {
  if (!isUuid(volunteerId)) return null;
  const [volunteer] = await tx.select().from(volunteers).where(eq(volunteers.id, volunteerId)).for("update");
  return volunteer ?? null;
}

/**
 * Locks a pairing in the order every command takes: the youth, the mentor, then the pairing. Two commands on
 * one mentor (two coordinators proposing) are serialised on the mentor's row; its open count is exact.
 */
export async function lockPairing(tx: Database, pairingId: string) {
  if (!isUuid(pairingId)) return null;
  const [found] = await tx.select({ youthId: pairings.youthId, volunteerId: pairings.volunteerId }).from(pairings).where(eq(pairings.id, pairingId));
  if (!found) return null;
  const youth = await lockYouth(tx, found.youthId);
  const volunteer = await lockVolunteer(tx, found.volunteerId);
  const [pairing] = await tx.select().from(pairings).where(eq(pairings.id, pairingId)).for("update");
  return youth && volunteer && pairing ? { youth, volunteer, pairing } : null;
}

export async function releaseSlot(tx: Database, volunteerId: string) {
  await tx
    .update(volunteers)
    .set({ openPairings: sql`${volunteers.openPairings} - 1`, updatedAt: new Date() })
    .where(eq(volunteers.id, volunteerId));
}

export type ProposeRefusal = Common | "youth_not_ready" | "youth_has_pairing" | "mentor_not_eligible" | "mentor_full";

/**
 * A coordinator proposes a mentor for a youth who is ready. The proposal takes one of the mentor's places
 * at once, under a lock on the mentor's row (and a check constraint behind it), so two coordinators cannot
 * fill one mentor twice. The score and its reasons are kept as they were when the coordinator chose.
 */
export async function propose(
  deps: PairingDeps,
  actor: Actor,
  youthId: string,
  volunteerId: string,
  input: { note?: string },
  clock: { now?: Date } = {},
): Promise<Result<{ pairingId: string }, ProposeRefusal>> {
  if (!can(actor.role, "update:youth:any")) return { ok: false, reason: "forbidden" };
  const parsed = proposalInput.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  return deps.db.transaction(async (tx): Promise<Result<{ pairingId: string }, ProposeRefusal>> => {
    const youth = await lockYouth(tx, youthId);
    if (!youth) return { ok: false, reason: "not_found" };
    if (youth.status !== "ready") return { ok: false, reason: "youth_not_ready" };
    const [open] = await tx
      .select({ id: pairings.id })
      .from(pairings)
      .where(and(eq(pairings.youthId, youth.id), inArray(pairings.status, [...openPairingStatuses])));
    if (open) return { ok: false, reason: "youth_has_pairing" };
    const volunteer = await lockVolunteer(tx, volunteerId);
    if (!volunteer) return { ok: false, reason: "not_found" };
    const [eligible] = await tx.select({ id: volunteers.id }).from(volunteers).where(and(eq(volunteers.id, volunteer.id), eligibleMentor()));
    const profile = youthProfile(youth, clock.now);
    const mentor = { ...volunteer, capacity: volunteer.capacity ?? 0 };
    if (volunteer.status === "approved" && volunteer.openPairings >= mentor.capacity) return { ok: false, reason: "mentor_full" };
    if (!eligible || !respectsMentorWishes(profile, mentor)) return { ok: false, reason: "mentor_not_eligible" };

    const { score, reasons } = scoreMatch(profile, mentor);
    const [pairing] = await tx
      .insert(pairings)
      .values({ youthId: youth.id, volunteerId: volunteer.id, mentorUserId: volunteer.userId, proposedBy: actor.id, coordinatorNote: parsed.data.note, score, reasons })
      .returning();
    await tx
      .update(volunteers)
      .set({ openPairings: sql`${volunteers.openPairings} + 1`, updatedAt: new Date() })
      .where(eq(volunteers.id, volunteer.id));
    await notify(deps, tx, volunteer.userId, "pairingProposed", `/pairings/${pairing!.id}`);
    await pairingAudit(tx, actor, pairing!, "pairing.proposed", { volunteerId: volunteer.id, score });
    return { ok: true, pairingId: pairing!.id };
  });
}

/** The coordinator takes a proposal back before the mentor has answered; the place is free again. */
export async function withdrawProposal(deps: PairingDeps, actor: Actor, pairingId: string): Promise<Result<object, Common>> {
  if (!can(actor.role, "update:youth:any")) return { ok: false, reason: "forbidden" };
  return deps.db.transaction(async (tx): Promise<Result<object, Common>> => {
    const locked = await lockPairing(tx, pairingId);
    if (!locked) return { ok: false, reason: "not_found" };
    if (locked.pairing.status !== "proposed") return { ok: false, reason: "illegal_state" };
    await tx.update(pairings).set({ status: "withdrawn", updatedAt: new Date() }).where(eq(pairings.id, pairingId));
    await releaseSlot(tx, locked.volunteer.id);
    await pairingAudit(tx, actor, locked.pairing, "pairing.withdrawn");
    return { ok: true };
  });
}

/**
 * The mentor answers a proposal: yes, or no with a reason (which returns the youth to the suggestions and
 * frees the mentor's place). The coordinator who proposed is told either way.
 */
export async function answerProposal(
  deps: PairingDeps,
  actor: Actor,
  pairingId: string,
  answer: { accept: true } | { accept: false; reason: string },
): Promise<Result<object, Common>> {
  if (!can(actor.role, "read:pairing:own")) return { ok: false, reason: "forbidden" };
  if (!answer.accept && !declineInput.safeParse({ reason: answer.reason }).success) return { ok: false, reason: "invalid" };
  return deps.db.transaction(async (tx): Promise<Result<object, Common>> => {
    const locked = await lockPairing(tx, pairingId);
    if (!locked || locked.pairing.mentorUserId !== actor.id) return { ok: false, reason: "not_found" };
    const { pairing, volunteer } = locked;
    if (pairing.status !== "proposed") return { ok: false, reason: "illegal_state" };
    const now = new Date();
    if (answer.accept) {
      await tx.update(pairings).set({ status: "accepted", respondedAt: now, updatedAt: now }).where(eq(pairings.id, pairing.id));
    } else {
      await tx
        .update(pairings)
        .set({ status: "declined", respondedAt: now, declineReason: answer.reason.trim(), updatedAt: now })
        .where(eq(pairings.id, pairing.id));
      await releaseSlot(tx, volunteer.id);
    }
    if (pairing.proposedBy) {
      await notify(deps, tx, pairing.proposedBy, answer.accept ? "pairingAccepted" : "pairingDeclined", `/coordinator/youths/${pairing.youthId}`);
    }
    await pairingAudit(tx, actor, pairing, answer.accept ? "pairing.accepted" : "pairing.declined");
    return { ok: true };
  });
}

/** After a yes: the coordinator sets the kick-off meeting and writes the agreement; the mentor is asked to confirm. */
export async function setAgreement(deps: PairingDeps, actor: Actor, pairingId: string, input: AgreementInput): Promise<Result<object, Common>> {
  if (!can(actor.role, "update:youth:any")) return { ok: false, reason: "forbidden" };
  const parsed = agreementInput.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  return deps.db.transaction(async (tx): Promise<Result<object, Common>> => {
    const locked = await lockPairing(tx, pairingId);
    if (!locked) return { ok: false, reason: "not_found" };
    if (locked.pairing.status !== "accepted") return { ok: false, reason: "illegal_state" };
    await tx
      .update(pairings)
      .set({ ...parsed.data, agreementSetAt: new Date(), agreementConfirmedAt: null, updatedAt: new Date() })
      .where(eq(pairings.id, pairingId));
    await notify(deps, tx, locked.pairing.mentorUserId, "pairingAgreement", `/pairings/${pairingId}`);
    await pairingAudit(tx, actor, locked.pairing, "pairing.agreement_set");
    return { ok: true };
  });
}

/** The mentor confirms the agreement: the pairing is active, and the youth is matched. */
export async function confirmAgreement(deps: PairingDeps, actor: Actor, pairingId: string): Promise<Result<object, Common | "no_agreement">> {
  if (!can(actor.role, "read:pairing:own")) return { ok: false, reason: "forbidden" };
  return deps.db.transaction(async (tx): Promise<Result<object, Common | "no_agreement">> => {
    const locked = await lockPairing(tx, pairingId);
    if (!locked || locked.pairing.mentorUserId !== actor.id) return { ok: false, reason: "not_found" };
    const { pairing, youth } = locked;
    if (pairing.status !== "accepted") return { ok: false, reason: "illegal_state" };
    if (!pairing.agreementSetAt) return { ok: false, reason: "no_agreement" };
    const now = new Date();
    await tx.update(pairings).set({ status: "active", agreementConfirmedAt: now, startedAt: now, updatedAt: now }).where(eq(pairings.id, pairing.id));
    await tx.update(youths).set({ status: "matched", readySince: null, updatedAt: now }).where(eq(youths.id, youth.id));
    await pairingAudit(tx, actor, pairing, "pairing.started");
    return { ok: true };
  });
}

/**
 * What a mentor may see of their own pairings: the youth's first name, age and the summary the youth agreed
 * to share, the coordinator's note and the agreement. Nothing else of the youth's record, ever; another
 * mentor's pairing is not found. Reading it is audited.
 */
export async function getMentorPairing(db: Database, actor: Actor, pairingId: string, now = new Date()) {
  if (!can(actor.role, "read:pairing:own") || !isUuid(pairingId)) return null;
  const coordinator = users;
  const [row] = await db
    .select({
      id: pairings.id,
      status: pairings.status,
      proposedAt: pairings.proposedAt,
      coordinatorNote: pairings.coordinatorNote,
      kickoffAt: pairings.kickoffAt,
      meetingFrequency: pairings.meetingFrequency,
      durationMonths: pairings.durationMonths,
      contactArrangement: pairings.contactArrangement,
      afterHoursArrangement: pairings.afterHoursArrangement,
      agreementSetAt: pairings.agreementSetAt,
      agreementConfirmedAt: pairings.agreementConfirmedAt,
      startedAt: pairings.startedAt,
      closedAt: pairings.closedAt,
      youthFirstName: youths.firstName,
      youthBirthYear: youths.birthYear,
      sharedSummary: youths.sharedSummary,
      coordinatorName: coordinator.name,
    })
    .from(pairings)
    .innerJoin(youths, eq(youths.id, pairings.youthId))
    .leftJoin(coordinator, eq(coordinator.id, pairings.proposedBy))
    .where(and(eq(pairings.id, pairingId), eq(pairings.mentorUserId, actor.id)));
  if (!row) return null;
  await audit(db, originOf(actor), { action: "pairing.viewed", subjectType: "pairing", subjectId: pairingId });
  const { youthBirthYear, ...pairing } = row;
  // What the youth shared is for a pairing that is open; after a no, a withdrawal or the end, it stays with us.
  const open = (openPairingStatuses as readonly string[]).includes(pairing.status);
  return { ...pairing, sharedSummary: open ? pairing.sharedSummary : "", youthAge: now.getUTCFullYear() - youthBirthYear };
}

/** A mentor's pairings, newest first: proposals to answer, pairings running and ended. */
export async function listMentorPairings(db: Database, actor: Actor, now = new Date()) {
  if (!can(actor.role, "read:pairing:own")) return null;
  const rows = await db
    .select({ id: pairings.id, status: pairings.status, proposedAt: pairings.proposedAt, startedAt: pairings.startedAt, closedAt: pairings.closedAt, youthFirstName: youths.firstName, youthBirthYear: youths.birthYear })
    .from(pairings)
    .innerJoin(youths, eq(youths.id, pairings.youthId))
    .where(and(eq(pairings.mentorUserId, actor.id), inArray(pairings.status, ["proposed", "accepted", "active", "closed"])))
    .orderBy(desc(pairings.proposedAt))
    .limit(100);
  return rows.map(({ youthBirthYear, ...row }) => ({ ...row, youthAge: now.getUTCFullYear() - youthBirthYear }));
}

