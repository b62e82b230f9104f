import { and, count, desc, eq, isNotNull, isNull, max, min, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "#db/client.server";
import { pairingCheckIns, pairingContacts, pairingHelpRequests, pairings, users, volunteers, youths, type Pairing } from "#db/schema";
import { audit } from "~/modules/audit/audit.server";
import { can } from "~/modules/auth/permissions";
import { decryptOptional, decryptText, encryptText, type EncryptionKey } from "~/modules/crypto/encryption.server";
import { getSetting } from "~/modules/settings/settings.server";
import { isUuid, originOf } from "~/modules/volunteers/context.server";
import { copenhagenToday } from "~/modules/volunteers/dates";
import { daysSinceContact, isAfterHours, isQuiet, nextCheckIn, type CheckInSchedule } from "./follow-up";
import { lockPairing, notify, pairingAudit, releaseSlot, type Common, type PairingDeps } from "./pairings.server";
import { checkInInput, closeInput, contactInput, exitNoteInput, helpInput, type CheckInInput, type CloseInput, type ContactInput } from "./schemas";
import type { Actor, Result } from "./types";

/**
 * Following a pair up once it has started: the mentor logs contacts, asks for help and writes an exit note; the
 * coordinator records check-ins, handles help requests and closes the pairing. Free text about the youth is
 * encrypted at rest; every command is audited on the pairing and on the youth's timeline.
 */
export interface FollowUpDeps extends PairingDeps {
  key: EncryptionKey;
}

/** A contact may be logged a few minutes ahead of the server's clock (a phone's clock runs fast), not more. */
const CLOCK_SLACK_MS = 5 * 60_000;

/** The responsible coordinator of the youth, else the coordinator who proposed: who hears of a pairing's troubles. */
async function responsibleCoordinator(tx: Database, pairing: Pick<Pairing, "youthId" | "proposedBy">) {
  const [youth] = await tx.select({ id: youths.responsibleCoordinatorId }).from(youths).where(eq(youths.id, pairing.youthId));
  return youth?.id ?? pairing.proposedBy;
}

export type ContactRefusal = Common | "in_future" | "before_start";

/** The mentor logs a contact with the youth of one of their active pairings; after-hours is judged from the moment. */
export async function logContact(deps: FollowUpDeps, actor: Actor, pairingId: string, input: ContactInput, clock: { now?: Date } = {}): Promise<Result<object, ContactRefusal>> {
  if (!can(actor.role, "update:pairing:own")) return { ok: false, reason: "forbidden" };
  const parsed = contactInput.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const now = clock.now ?? new Date();
  const { occurredAt, durationMinutes, channel, note } = parsed.data;
  if (occurredAt.getTime() > now.getTime() + CLOCK_SLACK_MS) return { ok: false, reason: "in_future" };
  return deps.db.transaction(async (tx): Promise<Result<object, ContactRefusal>> => {
    const locked = await lockPairing(tx, pairingId);
    if (!locked || locked.pairing.mentorUserId !== actor.id) return { ok: false, reason: "not_found" };
    const { pairing } = locked;
    if (pairing.status !== "active") return { ok: false, reason: "illegal_state" };
    // Contacts belong to the pairing: from the day the mentor said yes (the kick-off may come before the confirmation).
    const from = pairing.respondedAt ?? pairing.startedAt;
    if (from && copenhagenToday(occurredAt) < copenhagenToday(from)) return { ok: false, reason: "before_start" };
    const afterHours = isAfterHours(occurredAt);
    await tx.insert(pairingContacts).values({
      pairingId: pairing.id,
      loggedBy: actor.id,
      occurredAt,
      durationMinutes,
      channel,
      noteEncrypted: note ? encryptText(deps.key, note) : null,
      afterHours,
    });
    await pairingAudit(tx, actor, pairing, "pairing.contact_logged", { channel, durationMinutes, afterHours });
    return { ok: true };
  });
}

/** The mentor asks the coordinator for help: the pairing is flagged and the responsible coordinator is emailed. */
export async function requestHelp(deps: FollowUpDeps, actor: Actor, pairingId: string, input: { message: string }, clock: { now?: Date } = {}): Promise<Result<object, Common>> {
  if (!can(actor.role, "update:pairing:own")) return { ok: false, reason: "forbidden" };
  const parsed = helpInput.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const now = clock.now ?? new Date();
  return deps.db.transaction(async (tx): Promise<Result<object, Common>> => {
    const locked = await lockPairing(tx, pairingId);
    if (!locked || locked.pairing.mentorUserId !== actor.id) return { ok: false, reason: "not_found" };
    const { pairing } = locked;
    if (pairing.status !== "active" && pairing.status !== "accepted") return { ok: false, reason: "illegal_state" };
    await tx.insert(pairingHelpRequests).values({ pairingId: pairing.id, requestedBy: actor.id, messageEncrypted: encryptText(deps.key, parsed.data.message), requestedAt: now });
    // The flag keeps the oldest unhandled request's time: that is how long the mentor has waited.
    if (!pairing.helpRequestedAt) await tx.update(pairings).set({ helpRequestedAt: now, updatedAt: now }).where(eq(pairings.id, pairing.id));
    const coordinator = await responsibleCoordinator(tx, pairing);
    if (coordinator) await notify(deps, tx, coordinator, "pairingHelpRequested", `/coordinator/pairings/${pairing.id}`);
    await pairingAudit(tx, actor, pairing, "pairing.help_requested");
    return { ok: true };
  });
}

/** A coordinator marks a help request handled; the pairing's flag goes when none is left unhandled. */
export async function handleHelpRequest(deps: FollowUpDeps, actor: Actor, pairingId: string, requestId: string): Promise<Result<object, Common>> {
  if (!can(actor.role, "update:youth:any")) return { ok: false, reason: "forbidden" };
  if (!isUuid(requestId)) return { ok: false, reason: "not_found" };
  return deps.db.transaction(async (tx): Promise<Result<object, Common>> => {
    const locked = await lockPairing(tx, pairingId);
    if (!locked) return { ok: false, reason: "not_found" };
    const now = new Date();
    const [handled] = await tx
      .update(pairingHelpRequests)
      .set({ handledAt: now, handledBy: actor.id })
      .where(and(eq(pairingHelpRequests.id, requestId), eq(pairingHelpRequests.pairingId, locked.pairing.id), isNull(pairingHelpRequests.handledAt)))
      .returning({ id: pairingHelpRequests.id });
    if (!handled) return { ok: false, reason: "illegal_state" };
    const [oldest] = await tx
      .select({ at: min(pairingHelpRequests.requestedAt) })
      .from(pairingHelpRequests)
      .where(and(eq(pairingHelpRequests.pairingId, locked.pairing.id), isNull(pairingHelpRequests.handledAt)));
    await tx.update(pairings).set({ helpRequestedAt: oldest?.at ?? null, updatedAt: now }).where(eq(pairings.id, locked.pairing.id));
    await pairingAudit(tx, actor, locked.pairing, "pairing.help_handled", { requestId });
    return { ok: true };
  });
}

export type CheckInRefusal = Common | "in_future" | "before_start" | "good_fit_required";

/**
 * A coordinator records a check-in on an active pairing. The first check-in answers "a good fit?" (the early
 * check after the kick-off); a safety concern flags the pairing until a later check-in without one.
 */
export async function recordCheckIn(deps: FollowUpDeps, actor: Actor, pairingId: string, input: CheckInInput, clock: { now?: Date } = {}): Promise<Result<object, CheckInRefusal>> {
  if (!can(actor.role, "update:youth:any")) return { ok: false, reason: "forbidden" };
  const parsed = checkInInput.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const now = clock.now ?? new Date();
  const checkIn = parsed.data;
  if (checkIn.heldOn > copenhagenToday(now)) return { ok: false, reason: "in_future" };
  return deps.db.transaction(async (tx): Promise<Result<object, CheckInRefusal>> => {
    const locked = await lockPairing(tx, pairingId);
    if (!locked) return { ok: false, reason: "not_found" };
    const { pairing } = locked;
    if (pairing.status !== "active") return { ok: false, reason: "illegal_state" };
    // The schedule counts from the start: a conversation before it belongs to the kick-off, not to the follow-up.
    if (pairing.startedAt && checkIn.heldOn < copenhagenToday(pairing.startedAt)) return { ok: false, reason: "before_start" };
    const [answered] = await tx
      .select({ id: pairingCheckIns.id })
      .from(pairingCheckIns)
      .where(and(eq(pairingCheckIns.pairingId, pairing.id), isNotNull(pairingCheckIns.goodFit)))
      .limit(1);
    if (!answered && !checkIn.goodFit) return { ok: false, reason: "good_fit_required" };
    await tx.insert(pairingCheckIns).values({
      pairingId: pairing.id,
      recordedBy: actor.id,
      heldOn: checkIn.heldOn,
      spokeWith: checkIn.spokeWith,
      mood: checkIn.mood,
      progressEncrypted: encryptText(deps.key, checkIn.progress),
      safetyConcern: checkIn.safetyConcern,
      escalatedTo: checkIn.safetyConcern ? checkIn.escalatedTo : null,
      safetyNoteEncrypted: checkIn.safetyConcern ? encryptText(deps.key, checkIn.safetyNote) : null,
      nextStep: checkIn.nextStep,
      goodFit: checkIn.goodFit ?? null,
    });
    // The flag follows the latest conversation, not the latest entry: a check-in recorded afterwards for an earlier
    // date neither raises nor clears a concern from a later one.
    const [latest] = await tx
      .select({ safetyConcern: pairingCheckIns.safetyConcern })
      .from(pairingCheckIns)
      .where(eq(pairingCheckIns.pairingId, pairing.id))
      .orderBy(desc(pairingCheckIns.heldOn), desc(pairingCheckIns.createdAt))
      .limit(1);
    await tx
      .update(pairings)
      .set({ safetyConcernAt: latest?.safetyConcern ? (pairing.safetyConcernAt ?? now) : null, updatedAt: now })
      .where(eq(pairings.id, pairing.id));
    await pairingAudit(tx, actor, pairing, "pairing.check_in_recorded", {
      mood: checkIn.mood,
      safetyConcern: checkIn.safetyConcern,
      ...(checkIn.safetyConcern ? { escalatedTo: checkIn.escalatedTo } : {}),
      ...(checkIn.goodFit ? { goodFit: checkIn.goodFit } : {}),
    });
    return { ok: true };
  });
}

export type CloseRefusal = Common | "outcome_with_rematch";

/**
 * A coordinator closes a pairing that has started (a proposal is withdrawn instead): planned or not, why, the
 * coordinator's exit note, and what happens to the youth — back among those waiting for a mentor (a rematch),
 * their course closed with its outcome, or back to intake for the coordinator to decide. The mentor's place is
 * free again, and the mentor is asked for their own exit note.
 */
export async function closePairing(deps: FollowUpDeps, actor: Actor, pairingId: string, input: CloseInput, clock: { now?: Date } = {}): Promise<Result<object, CloseRefusal>> {
  if (!can(actor.role, "update:youth:any")) return { ok: false, reason: "forbidden" };
  const parsed = closeInput.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { kind, reason, exitNote, rematch, outcome } = parsed.data;
  if (rematch && outcome) return { ok: false, reason: "outcome_with_rematch" };
  const now = clock.now ?? new Date();
  return deps.db.transaction(async (tx): Promise<Result<object, CloseRefusal>> => {
    const locked = await lockPairing(tx, pairingId);
    if (!locked) return { ok: false, reason: "not_found" };
    const { pairing, youth, volunteer } = locked;
    if (pairing.status !== "active" && pairing.status !== "accepted") return { ok: false, reason: "illegal_state" };
    await tx
      .update(pairings)
      .set({
        status: "closed",
        closedAt: now,
        closeKind: kind,
        closeReason: reason,
        coordinatorExitNoteEncrypted: encryptText(deps.key, exitNote),
        rematchWanted: rematch,
        helpRequestedAt: null,
        safetyConcernAt: null,
        updatedAt: now,
      })
      .where(eq(pairings.id, pairing.id));
    // Requests still open are answered by the closing itself.
    await tx
      .update(pairingHelpRequests)
      .set({ handledAt: now, handledBy: actor.id })
      .where(and(eq(pairingHelpRequests.pairingId, pairing.id), isNull(pairingHelpRequests.handledAt)));
    await releaseSlot(tx, volunteer.id);
    const youthChange = rematch
      ? ({ status: "ready", readySince: now } as const)
      : outcome
        ? ({ status: "closed", outcome, closedAt: now, readySince: null } as const)
        : ({ status: "intake", readySince: null } as const);
    await tx
      .update(youths)
      .set({ ...youthChange, updatedAt: now })
      .where(eq(youths.id, youth.id));
    await pairingAudit(tx, actor, pairing, "pairing.closed", { kind, reason, rematch, ...(outcome ? { outcome } : {}) });
    if (outcome) await audit(tx, originOf(actor), { action: "youth.closed", subjectType: "youth", subjectId: youth.id, details: { from: youth.status, outcome } });
    await notify(deps, tx, pairing.mentorUserId, "pairingClosed", `/pairings/${pairing.id}`);
    return { ok: true };
  });
}

/** The mentor's own exit note on a closed pairing, written once. */
export async function writeExitNote(deps: FollowUpDeps, actor: Actor, pairingId: string, input: { note: string }): Promise<Result<object, Common>> {
  if (!can(actor.role, "update:pairing:own")) return { ok: false, reason: "forbidden" };
  const parsed = exitNoteInput.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  return deps.db.transaction(async (tx): Promise<Result<object, Common>> => {
    const locked = await lockPairing(tx, pairingId);
    if (!locked || locked.pairing.mentorUserId !== actor.id) return { ok: false, reason: "not_found" };
    const { pairing } = locked;
    if (pairing.status !== "closed" || pairing.mentorExitNoteAt) return { ok: false, reason: "illegal_state" };
    const now = new Date();
    await tx
      .update(pairings)
      .set({ mentorExitNoteEncrypted: encryptText(deps.key, parsed.data.note), mentorExitNoteAt: now, updatedAt: now })
      .where(eq(pairings.id, pairing.id));
    await pairingAudit(tx, actor, pairing, "pairing.exit_note_written");
    return { ok: true };
  });
}

function contactsOf(db: Database, pairingId: string) {
  return db
    .select({
      id: pairingContacts.id,
      occurredAt: pairingContacts.occurredAt,
      durationMinutes: pairingContacts.durationMinutes,
      channel: pairingContacts.channel,
      noteEncrypted: pairingContacts.noteEncrypted,
      afterHours: pairingContacts.afterHours,
    })
    .from(pairingContacts)
    .where(eq(pairingContacts.pairingId, pairingId))
    .orderBy(desc(pairingContacts.occurredAt))
    .limit(200);
}

function readContacts(key: EncryptionKey, rows: Awaited<ReturnType<typeof contactsOf>>) {
  return rows.map(({ noteEncrypted, ...contact }) => ({ ...contact, note: decryptOptional(key, noteEncrypted) ?? "" }));
}

/**
 * What the mentor has written on their own pairing: the contacts they logged, their help requests and whether
 * they were handled, and their exit note. The pairing itself is read (and the read audited) by getMentorPairing.
 */
export async function getMentorFollowUp(deps: Pick<FollowUpDeps, "db" | "key">, actor: Actor, pairingId: string) {
  if (!can(actor.role, "read:pairing:own") || !isUuid(pairingId)) return null;
  const [own] = await deps.db
    .select({ exitNote: pairings.mentorExitNoteEncrypted, exitNoteAt: pairings.mentorExitNoteAt })
    .from(pairings)
    .where(and(eq(pairings.id, pairingId), eq(pairings.mentorUserId, actor.id)));
  if (!own) return null;
  const [contacts, help] = await Promise.all([
    contactsOf(deps.db, pairingId),
    deps.db
      .select({ id: pairingHelpRequests.id, messageEncrypted: pairingHelpRequests.messageEncrypted, requestedAt: pairingHelpRequests.requestedAt, handledAt: pairingHelpRequests.handledAt })
      .from(pairingHelpRequests)
      .where(and(eq(pairingHelpRequests.pairingId, pairingId), eq(pairingHelpRequests.requestedBy, actor.id)))
      .orderBy(desc(pairingHelpRequests.requestedAt))
      .limit(50),
  ]);
  return {
    contacts: readContacts(deps.key, contacts),
    helpRequests: help.map(({ messageEncrypted, ...request }) => ({ ...request, message: decryptText(deps.key, messageEncrypted) })),
    exitNote: decryptOptional(deps.key, own.exitNote),
    exitNoteAt: own.exitNoteAt,
  };
}

/** The check-in schedule as the settings have it. */
export async function checkInSchedule(db: Database): Promise<CheckInSchedule> {
  const [firstMonth, intervalDays] = await Promise.all([getSetting(db, "check_ins_first_month"), getSetting(db, "check_in_interval_days")]);
  return { firstMonth, intervalDays };
}

const mentor = alias(users, "mentor");
const helpHandler = alias(users, "help_handler");
const recorder = alias(users, "recorder");

/**
 * A pairing as the coordinator follows it up: the pair, the agreement, the schedule (the next check-in and
 * whether it is overdue, days since the last contact), the check-ins, the contacts, the help requests and the
 * exit notes, decrypted. Reading it is audited on the youth (kept out of the youth's timeline).
 */
export async function getCoordinatorFollowUp(deps: Pick<FollowUpDeps, "db" | "key">, actor: Actor, pairingId: string, clock: { now?: Date } = {}) {
  if (!can(actor.role, "read:youth:any") || !isUuid(pairingId)) return null;
  const { db, key } = deps;
  const [row] = await db
    .select({
      pairing: pairings,
      youthFirstName: youths.firstName,
      youthLastName: youths.lastName,
      youthStatus: youths.status,
      mentorName: mentor.name,
      mentorKind: volunteers.kind,
      volunteerId: volunteers.id,
    })
    .from(pairings)
    .innerJoin(youths, eq(youths.id, pairings.youthId))
    .innerJoin(volunteers, eq(volunteers.id, pairings.volunteerId))
    .innerJoin(mentor, eq(mentor.id, pairings.mentorUserId))
    .where(eq(pairings.id, pairingId));
  if (!row) return null;
  const now = clock.now ?? new Date();
  const [contacts, checkIns, help, [contactStats], schedule] = await Promise.all([
    contactsOf(db, pairingId),
    db
      .select({ checkIn: pairingCheckIns, recordedByName: recorder.name })
      .from(pairingCheckIns)
      .leftJoin(recorder, eq(recorder.id, pairingCheckIns.recordedBy))
      .where(eq(pairingCheckIns.pairingId, pairingId))
      .orderBy(desc(pairingCheckIns.heldOn), desc(pairingCheckIns.createdAt)),
    db
      .select({ request: pairingHelpRequests, handledByName: helpHandler.name })
      .from(pairingHelpRequests)
      .leftJoin(helpHandler, eq(helpHandler.id, pairingHelpRequests.handledBy))
      .where(eq(pairingHelpRequests.pairingId, pairingId))
      .orderBy(sql`${pairingHelpRequests.handledAt} is not null`, desc(pairingHelpRequests.requestedAt)),
    db
      .select({ total: count(), afterHours: sql<number>`count(*) filter (where ${pairingContacts.afterHours})`.mapWith(Number), last: max(pairingContacts.occurredAt) })
      .from(pairingContacts)
      .where(eq(pairingContacts.pairingId, pairingId)),
    checkInSchedule(db),
  ]);
  await audit(db, originOf(actor), { action: "youth.follow_up_viewed", subjectType: "youth", subjectId: row.pairing.youthId, details: { pairingId } });

  const { pairing } = row;
  const { coordinatorExitNoteEncrypted, mentorExitNoteEncrypted, ...rest } = pairing;
  const today = copenhagenToday(now);
  const startedOn = pairing.startedAt ? copenhagenToday(pairing.startedAt) : null;
  // Counted as the start page and the digest count them (overdue.server.ts): from the start, up to today.
  const lastContact = contactStats?.last ? copenhagenToday(contactStats.last) : null;
  const lastContactOn = lastContact && startedOn && lastContact > startedOn ? lastContact : null;
  const held = startedOn ? checkIns.filter(({ checkIn }) => checkIn.heldOn >= startedOn && checkIn.heldOn <= today).length : 0;
  const follow =
    pairing.status === "active" && startedOn
      ? {
          ...nextCheckIn(startedOn, held, today, schedule),
          daysSinceContact: daysSinceContact(startedOn, lastContactOn, today),
          quiet: isQuiet(startedOn, lastContactOn, today),
        }
      : null;
  return {
    pairing: { ...rest, coordinatorExitNote: decryptOptional(key, coordinatorExitNoteEncrypted), mentorExitNote: decryptOptional(key, mentorExitNoteEncrypted) },
    youth: { id: pairing.youthId, firstName: row.youthFirstName, lastName: row.youthLastName, status: row.youthStatus },
    mentor: { name: row.mentorName, kind: row.mentorKind, volunteerId: row.volunteerId },
    schedule: follow,
    goodFitAsked: checkIns.some(({ checkIn }) => checkIn.goodFit !== null),
    contactCount: contactStats?.total ?? 0,
    afterHoursCount: contactStats?.afterHours ?? 0,
    lastContactAt: contactStats?.last ?? null,
    contacts: readContacts(key, contacts),
    checkIns: checkIns.map(({ checkIn: { progressEncrypted, safetyNoteEncrypted, ...checkIn }, recordedByName }) => ({
      ...checkIn,
      recordedByName,
      progress: decryptText(key, progressEncrypted),
      safetyNote: decryptOptional(key, safetyNoteEncrypted) ?? "",
    })),
    helpRequests: help.map(({ request: { messageEncrypted, ...request }, handledByName }) => ({ ...request, handledByName, message: decryptText(key, messageEncrypted) })),
  };
}

export type CoordinatorFollowUp = NonNullable<Awaited<ReturnType<typeof getCoordinatorFollowUp>>>;
