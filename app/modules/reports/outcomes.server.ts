import { and, eq, gte, inArray, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
import type { Database } from "#db/client.server";
import { associations, associationTasks, closeReasonEnum, pairingContacts, pairings, taskParticipations, youths } from "#db/schema";
import { timeZone } from "~/i18n/locales";
import { audit } from "~/modules/audit/audit.server";
import { can } from "~/modules/auth/permissions";
import { originOf } from "~/modules/volunteers/context.server";
import type { Actor } from "~/modules/volunteers/types";
import { youthOutcomes } from "~/modules/youths/types";
import { outcomeRows, percentOf, type OutcomeRow, type OutcomeStatus } from "./outcome-table";
import { periodBounds, type ReportPeriod } from "./period";

/*
 * What "in the period" means, figure by figure. The period runs from midnight starting its first day to
 * midnight ending its last, Copenhagen time; `start` is inclusive, `end` exclusive. The page's "Sådan tælles"
 * says the same in Danish (reports.howCounted): change both together.
 *
 * Youths (the report's table 2.2)
 * - In the table: every youth whose course was open at some time in the period — registered before the period
 *   ended (`created_at < end`: the course starts at intake) and not closed before it began (`closed_at` null or
 *   `>= start`).
 * - Each counts once, by their status when the period ended: the outcome when the course was closed within the
 *   period, else "active" — also when it was closed after the period. So the rows add up to the total.
 * - Started in the period: of those, registered on or after `start`.
 *
 * Pairings (a mentor and a youth)
 * - Active in the period: started (`started_at`, set when the mentor confirms the agreement) before the period
 *   ended, and not closed before it began. Proposals that never started are not pairings yet.
 * - Closed in the period: of those, `closed_at` within the period; the rest were still running at its end.
 * - Average duration: over the pairings closed in the period, Copenhagen calendar days from the start date to
 *   the closing date.
 * - After-hours share: of the pairings active in the period, those with at least one contact marked after-hours
 *   (`pairing_contacts.after_hours`) that took place within the period.
 *
 * Participations in associations' tasks (Ungenetværket), per association and per task category
 * - Proposed: proposals made within the period (`proposed_at`).
 * - Taking part: participations the association said yes to before the period ended, which had not ended
 *   before it began (active, completed or cancelled).
 * - Completed and hours: participations completed within the period, with the hours the association confirmed.
 */

export type CloseReason = (typeof closeReasonEnum.enumValues)[number];

/** One association's or one category's participations in the period; `key` is the name or the category. */
export interface ParticipationRow {
  key: string;
  proposed: number;
  takingPart: number;
  completed: number;
  /** Hours confirmed on the participations completed in the period, one decimal. */
  hours: number;
}
const closeReasons = closeReasonEnum.enumValues;

export interface OutcomeReport {
  period: ReportPeriod;
  youths: {
    /** Youths whose course was open at some time in the period: the table's total. */
    total: number;
    startedInPeriod: number;
    rows: OutcomeRow[];
  };
  participations: {
    byAssociation: ParticipationRow[];
    byCategory: ParticipationRow[];
    total: Omit<ParticipationRow, "key">;
  };
  pairings: {
    active: number;
    startedInPeriod: number;
    closed: number;
    /** Active in the period and not closed within it. */
    runningAtEnd: number;
    /** Mean days from start to close of the pairings closed in the period, one decimal; null without any. */
    averageDays: number | null;
    afterHours: number;
    afterHoursPercent: number | null;
    /** Closures in the period by reason and kind; every reason present, zero or not. */
    closures: { reason: CloseReason; planned: number; unplanned: number }[];
    planned: number;
    unplanned: number;
  };
}

/** An instant as a raw-SQL parameter: the drivers disagree on Date parameters outside the query builder. */
const instant = (value: Date) => sql`${value.toISOString()}::timestamptz`;
const int = (expression: ReturnType<typeof sql>) => sql<number>`(${expression})::int`.mapWith(Number);
const copenhagenDate = (column: typeof pairings.startedAt | typeof pairings.closedAt) => sql`(${column} at time zone ${timeZone})::date`;

async function youthFigures(db: Database, start: Date, end: Date) {
  // Grouped by the outcome column; a youth closed after the period is in its outcome's group but not yet counted
  // as closed, so "active" is the total less those closed within the period.
  const groups = await db
    .select({
      outcome: youths.outcome,
      inPeriod: int(sql`count(*)`),
      closedInPeriod: int(sql`count(*) filter (where ${youths.closedAt} < ${instant(end)})`),
      startedInPeriod: int(sql`count(*) filter (where ${youths.createdAt} >= ${instant(start)})`),
    })
    .from(youths)
    .where(and(lt(youths.createdAt, end), or(isNull(youths.closedAt), gte(youths.closedAt, start))))
    .groupBy(youths.outcome);

  const byStatus = Object.fromEntries([...youthOutcomes, "active"].map((status) => [status, 0])) as Record<OutcomeStatus, number>;
  let total = 0;
  let startedInPeriod = 0;
  for (const group of groups) {
    total += group.inPeriod;
    startedInPeriod += group.startedInPeriod;
    if (group.outcome) byStatus[group.outcome] += group.closedInPeriod;
  }
  byStatus.active = total - youthOutcomes.reduce((sum, outcome) => sum + byStatus[outcome], 0);
  return { total, startedInPeriod, rows: outcomeRows(byStatus, total) };
}

function activeInPeriod(start: Date, end: Date) {
  return and(
    inArray(pairings.status, ["active", "closed"]),
    isNotNull(pairings.startedAt),
    lt(pairings.startedAt, end),
    or(isNull(pairings.closedAt), gte(pairings.closedAt, start)),
  );
}

async function pairingFigures(db: Database, start: Date, end: Date) {
  const closedInPeriod = sql`${pairings.closedAt} < ${instant(end)}`;
  // The contact index (pairing_id, occurred_at) answers this per pairing without reading its other contacts.
  const afterHoursContact = sql`exists (
    select 1 from ${pairingContacts}
    where ${pairingContacts.pairingId} = ${pairings.id} and ${pairingContacts.afterHours}
      and ${pairingContacts.occurredAt} >= ${instant(start)} and ${pairingContacts.occurredAt} < ${instant(end)})`;
  const [figures] = await db
    .select({
      active: int(sql`count(*)`),
      startedInPeriod: int(sql`count(*) filter (where ${pairings.startedAt} >= ${instant(start)})`),
      closed: int(sql`count(*) filter (where ${closedInPeriod})`),
      averageDays: sql<number | null>`round(avg(${copenhagenDate(pairings.closedAt)} - ${copenhagenDate(pairings.startedAt)}) filter (where ${closedInPeriod}), 1)::float8`,
      afterHours: int(sql`count(*) filter (where ${afterHoursContact})`),
    })
    .from(pairings)
    .where(activeInPeriod(start, end));

  const closures = await db
    .select({ reason: pairings.closeReason, kind: pairings.closeKind, count: int(sql`count(*)`) })
    .from(pairings)
    .where(and(activeInPeriod(start, end), lt(pairings.closedAt, end)))
    .groupBy(pairings.closeReason, pairings.closeKind);

  const byReason = closeReasons.map((reason) => ({
    reason,
    planned: closures.find((row) => row.reason === reason && row.kind === "planned")?.count ?? 0,
    unplanned: closures.find((row) => row.reason === reason && row.kind === "unplanned")?.count ?? 0,
  }));
  const active = figures?.active ?? 0;
  const closed = figures?.closed ?? 0;
  const afterHours = figures?.afterHours ?? 0;
  return {
    active,
    startedInPeriod: figures?.startedInPeriod ?? 0,
    closed,
    runningAtEnd: active - closed,
    averageDays: figures?.averageDays ?? null,
    afterHours,
    afterHoursPercent: percentOf(afterHours, active),
    closures: byReason,
    planned: byReason.reduce((sum, row) => sum + row.planned, 0),
    unplanned: byReason.reduce((sum, row) => sum + row.unplanned, 0),
  };
}

async function participationFigures(db: Database, start: Date, end: Date) {
  const proposed = sql`${taskParticipations.proposedAt} >= ${instant(start)} and ${taskParticipations.proposedAt} < ${instant(end)}`;
  const takingPart = sql`${taskParticipations.status} in ('active', 'completed', 'cancelled') and ${taskParticipations.answeredAt} < ${instant(end)}
    and (${taskParticipations.endedAt} is null or ${taskParticipations.endedAt} >= ${instant(start)})`;
  const completed = sql`${taskParticipations.status} = 'completed' and ${taskParticipations.completedAt} >= ${instant(start)} and ${taskParticipations.completedAt} < ${instant(end)}`;
  const figures = {
    proposed: int(sql`count(*) filter (where ${proposed})`),
    takingPart: int(sql`count(*) filter (where ${takingPart})`),
    completed: int(sql`count(*) filter (where ${completed})`),
    minutes: int(sql`coalesce(sum(${taskParticipations.confirmedMinutes}) filter (where ${completed}), 0)`),
  };
  const touched = or(sql`${proposed}`, sql`${takingPart}`, sql`${completed}`);
  const [byAssociation, byCategory] = await Promise.all([
    db
      .select({ key: associations.name, ...figures })
      .from(taskParticipations)
      .innerJoin(associationTasks, eq(associationTasks.id, taskParticipations.taskId))
      .innerJoin(associations, eq(associations.id, associationTasks.associationId))
      .where(touched)
      .groupBy(associations.id, associations.name)
      .orderBy(associations.name),
    db
      .select({ key: sql<string>`${associationTasks.category}::text`, ...figures })
      .from(taskParticipations)
      .innerJoin(associationTasks, eq(associationTasks.id, taskParticipations.taskId))
      .where(touched)
      .groupBy(associationTasks.category)
      .orderBy(associationTasks.category),
  ]);
  const hours = (minutes: number) => Math.round(minutes / 6) / 10;
  const row = ({ minutes, ...counts }: (typeof byCategory)[number]): ParticipationRow => ({ ...counts, hours: hours(minutes) });
  const sum = (field: "proposed" | "takingPart" | "completed" | "minutes") => byCategory.reduce((total, next) => total + next[field], 0);
  return {
    byAssociation: byAssociation.map(row),
    byCategory: byCategory.map(row),
    total: { proposed: sum("proposed"), takingPart: sum("takingPart"), completed: sum("completed"), hours: hours(sum("minutes")) },
  };
}

/**
 * The coordinators' report for a period: youths by outcome in the form of the evaluation report's table 2.2,
 * pairings active and closed with their average duration and closures, and the share of pairings with
 * after-hours contact. Aggregates only, never a name. Read in one snapshot, so the figures add up even while
 * others write; reading it is audited (`report.viewed`, or the given action) with the period. Null when the
 * actor may not read reports.
 */
export async function readOutcomeReport(
  db: Database,
  actor: Actor,
  period: ReportPeriod,
  options: { auditAction?: "report.viewed" | "report.exported" } = {},
): Promise<OutcomeReport | null> {
  if (!can(actor.role, "read:report:any")) return null;
  const { start, end } = periodBounds(period);
  const report = await db.transaction(
    async (tx) => {
      const youthPart = await youthFigures(tx, start, end);
      const pairingPart = await pairingFigures(tx, start, end);
      const participationPart = await participationFigures(tx, start, end);
      return { period, youths: youthPart, pairings: pairingPart, participations: participationPart };
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
  await audit(db, originOf(actor), {
    action: options.auditAction ?? "report.viewed",
    subjectType: "report",
    subjectId: "outcomes",
    details: { from: period.from, to: period.to },
  });
  return report;
}

/** Whether anything at all happened in the period: else the page shows its empty state instead of zeros. */
export function isEmptyReport(report: OutcomeReport) {
  return report.youths.total === 0 && report.pairings.active === 0 && report.participations.byCategory.length === 0;
}
