import { and, eq, inArray, isNotNull, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import type { Database } from "#db/client.server";
import { auditEvents, pairingCheckIns, pairingContacts, pairings, users, youths } from "#db/schema";
import type { DigestItem, DigestReason } from "#emails/follow-up-digest";
import type { Env } from "~/env.server";
import type { JobQueue } from "~/jobs.server";
import { audit } from "~/modules/audit/audit.server";
import { queueEmail } from "~/modules/email/queue.server";
import { copenhagenToday } from "~/modules/volunteers/dates";
import { daysSinceContact, nextCheckIn, QUIET_DAYS, type CheckInSchedule } from "./follow-up";
import { checkInSchedule } from "./follow-up.server";

/**
 * Overdue alerts: the active pairings a coordinator should look at today, and the daily digest that tells each
 * responsible coordinator about theirs. The database counts and dates; the rules in `follow-up.ts` decide.
 */

export type FollowUpReason =
  /** The next check-in's date has passed without one. */
  | { kind: "check_in_overdue"; due: string; overdueDays: number }
  /** No contact logged for `QUIET_DAYS` or more; `lastContactOn` is null when none is logged since the start. */
  | { kind: "quiet"; days: number; lastContactOn: string | null }
  /** The mentor asked for help and no coordinator has marked it handled. */
  | { kind: "help_requested"; since: string }
  /** The latest check-in raised a safety concern. */
  | { kind: "safety_concern"; since: string };

export type FollowUpReasonKind = FollowUpReason["kind"];

export interface FollowUpAlert {
  pairingId: string;
  youthId: string;
  youthFirstName: string;
  youthLastName: string;
  mentorName: string;
  /** The youth's responsible coordinator, else whoever proposed the pairing; null when neither is known. */
  coordinatorId: string | null;
  /** Null for a pairing still starting (the mentor asked for help before confirming the agreement). */
  startedOn: string | null;
  reasons: FollowUpReason[];
}

const zone = sql.raw("'Europe/Copenhagen'");
const responsibleCoordinator = sql<string | null>`coalesce(${youths.responsibleCoordinatorId}, ${pairings.proposedBy})`;

/** Who answers for a pairing, written so the youth's coordinator index can serve the first branch. */
function responsibleIs(coordinatorId: string): SQL {
  return or(eq(youths.responsibleCoordinatorId, coordinatorId), and(isNull(youths.responsibleCoordinatorId), eq(pairings.proposedBy, coordinatorId)))!;
}

/**
 * The facts the rules need, for every active pairing (or one coordinator's): the start as a Copenhagen date, how
 * many check-ins were held from the start up to `today`, and the Copenhagen date of the latest contact up to the
 * end of `today`. Each count is an index probe per pairing (lateral subqueries on the (pairing_id, …) indexes),
 * so one coordinator's start page reads only their pairings' rows.
 */
async function followUpFacts(db: Database, today: string, coordinatorId?: string) {
  const startedDay = sql`(${pairings.startedAt} at time zone ${zone})::date`;
  const endOfToday = sql`((${today}::date + 1)::timestamp at time zone ${zone})`;
  const checks = db
    .select({ held: sql<number>`count(*)::int`.as("held") })
    .from(pairingCheckIns)
    .where(and(eq(pairingCheckIns.pairingId, pairings.id), sql`${pairingCheckIns.heldOn} >= ${startedDay}`, sql`${pairingCheckIns.heldOn} <= ${today}::date`))
    .as("checks");
  const contacts = db
    .select({ lastContactOn: sql<string | null>`to_char(max(${pairingContacts.occurredAt}) at time zone ${zone}, 'YYYY-MM-DD')`.as("last_contact_on") })
    .from(pairingContacts)
    .where(and(eq(pairingContacts.pairingId, pairings.id), lt(pairingContacts.occurredAt, endOfToday)))
    .as("contacts");

  return db
    .select({
      pairingId: pairings.id,
      youthId: pairings.youthId,
      youthFirstName: youths.firstName,
      youthLastName: youths.lastName,
      mentorName: users.name,
      coordinatorId: responsibleCoordinator,
      startedOn: sql<string | null>`to_char(${pairings.startedAt} at time zone ${zone}, 'YYYY-MM-DD')`,
      held: checks.held,
      lastContactOn: contacts.lastContactOn,
      helpRequestedAt: pairings.helpRequestedAt,
      safetyConcernAt: pairings.safetyConcernAt,
    })
    .from(pairings)
    .innerJoin(youths, eq(youths.id, pairings.youthId))
    .innerJoin(users, eq(users.id, pairings.mentorUserId))
    .leftJoinLateral(checks, sql`true`)
    .leftJoinLateral(contacts, sql`true`)
    .where(
      and(
        // Running pairings; and one still starting whose mentor has asked for help, which must not wait for the start.
        or(and(eq(pairings.status, "active"), isNotNull(pairings.startedAt)), and(eq(pairings.status, "accepted"), isNotNull(pairings.helpRequestedAt))),
        coordinatorId ? responsibleIs(coordinatorId) : undefined,
      ),
    );
}

type Facts = Awaited<ReturnType<typeof followUpFacts>>[number];

function reasonsOf(facts: Facts, today: string, schedule: CheckInSchedule): FollowUpReason[] {
  const reasons: FollowUpReason[] = [];
  if (facts.safetyConcernAt) reasons.push({ kind: "safety_concern", since: facts.safetyConcernAt.toISOString() });
  if (facts.helpRequestedAt) reasons.push({ kind: "help_requested", since: facts.helpRequestedAt.toISOString() });
  // Before the start there is no schedule to fall behind, and no contact to miss.
  if (!facts.startedOn) return reasons;
  const next = nextCheckIn(facts.startedOn, facts.held ?? 0, today, schedule);
  if (next.overdueDays > 0) reasons.push({ kind: "check_in_overdue", due: next.due, overdueDays: next.overdueDays });
  // A contact logged before the start (at the kick-off, say) does not make a new pair look quieter than its start.
  const lastContactOn = facts.lastContactOn && facts.lastContactOn > facts.startedOn ? facts.lastContactOn : null;
  const days = daysSinceContact(facts.startedOn, lastContactOn, today);
  if (days >= QUIET_DAYS) reasons.push({ kind: "quiet", days, lastContactOn });
  return reasons;
}

/** Safety first, then a mentor waiting for help, then the longest overdue or quiet. */
function urgency({ reasons }: FollowUpAlert): [number, number, number] {
  const has = (kind: FollowUpReasonKind) => (reasons.some((reason) => reason.kind === kind) ? 1 : 0);
  const days = reasons.map((reason) => (reason.kind === "check_in_overdue" ? reason.overdueDays : reason.kind === "quiet" ? reason.days : 0));
  return [has("safety_concern"), has("help_requested"), Math.max(0, ...days)];
}

function byUrgency(a: [number, number, number], b: [number, number, number]) {
  return b[0] - a[0] || b[1] - a[1] || b[2] - a[2];
}

/**
 * The active pairings that need a coordinator's attention on `today` (a Copenhagen date), each with its reasons,
 * most urgent first. `coordinatorId` keeps those the coordinator answers for. Without `schedule` the admin's
 * setting is read.
 */
export async function listFollowUpAlerts(
  db: Database,
  options: { today: string; schedule?: CheckInSchedule; coordinatorId?: string },
): Promise<FollowUpAlert[]> {
  const { today, coordinatorId } = options;
  const [schedule, rows] = await Promise.all([options.schedule ?? checkInSchedule(db), followUpFacts(db, today, coordinatorId)]);
  const alerts: FollowUpAlert[] = [];
  for (const row of rows) {
    const reasons = reasonsOf(row, today, schedule);
    if (reasons.length === 0) continue;
    const { pairingId, youthId, youthFirstName, youthLastName, mentorName, coordinatorId: responsible, startedOn } = row;
    alerts.push({ pairingId, youthId, youthFirstName, youthLastName, mentorName, coordinatorId: responsible, startedOn, reasons });
  }
  const scores = new Map(alerts.map((alert) => [alert.pairingId, urgency(alert)]));
  return alerts.sort(
    (a, b) => byUrgency(scores.get(a.pairingId)!, scores.get(b.pairingId)!) || a.youthFirstName.localeCompare(b.youthFirstName, "da") || a.pairingId.localeCompare(b.pairingId),
  );
}

export interface FollowUpDigestDeps {
  db: Database;
  jobs: JobQueue;
  env: Pick<Env, "APP_URL">;
}

/** A digest lists this many pairings at most; the start page has them all. */
export const DIGEST_LIMIT = 25;
const DIGEST_ACTION = "follow_up.digest_queued";
const system = { actorId: null, requestId: "job:follow-up-digest" };

/**
 * What an email may say about a pairing: the youth's first name and last initial, the mentor's first name, and
 * the schedule's facts. A help request or a safety concern is only "flagged": the details wait behind the login.
 */
function digestItem(env: Pick<Env, "APP_URL">, alert: FollowUpAlert): DigestItem {
  const reasons: DigestReason[] = [];
  for (const reason of alert.reasons) {
    if (reason.kind === "check_in_overdue") reasons.push({ kind: "check_in", due: reason.due, overdueDays: reason.overdueDays });
    else if (reason.kind === "quiet") reasons.push({ kind: "quiet", days: reason.days });
    else if (!reasons.some((known) => known.kind === "flagged")) reasons.unshift({ kind: "flagged" });
  }
  const initial = alert.youthLastName.trim().charAt(0);
  return {
    youth: initial ? `${alert.youthFirstName} ${initial.toUpperCase()}.` : alert.youthFirstName,
    mentor: alert.mentorName.trim().split(/\s+/)[0] ?? "",
    reasons,
    url: `${env.APP_URL}/coordinator/pairings/${alert.pairingId}`,
  };
}

/**
 * The daily digest (the `follow-up` job): one email to each responsible coordinator with alerts. Each digest is
 * recorded in the audit trail with the pairings it named, in the transaction that queues it; an advisory lock
 * makes a second run — a retry, another instance — wait and then find every coordinator already told today.
 */
export async function runFollowUpDigests(deps: FollowUpDigestDeps, now = new Date()) {
  const today = copenhagenToday(now);
  const alerts = await listFollowUpAlerts(deps.db, { today });
  const byCoordinator = new Map<string, FollowUpAlert[]>();
  for (const alert of alerts) {
    if (!alert.coordinatorId) continue;
    const list = byCoordinator.get(alert.coordinatorId) ?? [];
    list.push(alert);
    byCoordinator.set(alert.coordinatorId, list);
  }
  if (byCoordinator.size === 0) return { queued: 0 };
  const coordinatorIds = [...byCoordinator.keys()];

  return deps.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('mentorbro:follow-up-digest'))`);
    const told = await tx
      .select({ coordinatorId: auditEvents.subjectId })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.subjectType, "user"),
          inArray(auditEvents.subjectId, coordinatorIds),
          eq(auditEvents.action, DIGEST_ACTION),
          sql`${auditEvents.details}->>'date' = ${today}`,
        ),
      );
    const already = new Set(told.map((row) => row.coordinatorId));
    // Only staff who can still log in get youths' names by email; a former coordinator's pairings show on the
    // start pages of whoever takes them over.
    const recipients = await tx
      .select({ id: users.id, email: users.email, name: users.name, locale: users.locale })
      .from(users)
      .where(and(inArray(users.id, coordinatorIds), inArray(users.role, ["coordinator", "admin"]), isNull(users.disabledAt)));

    let queued = 0;
    for (const recipient of recipients) {
      if (already.has(recipient.id)) continue;
      const own = byCoordinator.get(recipient.id)!;
      const listed = own.slice(0, DIGEST_LIMIT);
      await queueEmail(deps.jobs, tx, {
        to: recipient.email,
        locale: recipient.locale,
        template: "followUpDigest",
        props: {
          name: recipient.name,
          date: today,
          items: listed.map((alert) => digestItem(deps.env, alert)),
          more: own.length - listed.length,
          startUrl: `${deps.env.APP_URL}/dashboard`,
        },
      });
      await audit(tx, system, {
        action: DIGEST_ACTION,
        subjectType: "user",
        subjectId: recipient.id,
        details: { date: today, pairingIds: own.map((alert) => alert.pairingId) },
      });
      queued++;
    }
    return { queued };
  });
}

/** The `follow-up` queue's handler: today's digests. */
export async function runFollowUpJob(deps: FollowUpDigestDeps, now = new Date()) {
  await runFollowUpDigests(deps, now);
}
