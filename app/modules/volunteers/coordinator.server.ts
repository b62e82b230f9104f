import { and, asc, count, desc, eq, ilike, inArray, isNull, ne, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "#db/client.server";
import { users, vettingChecks, volunteers } from "#db/schema";
import { audit } from "~/modules/audit/audit.server";
import { can } from "~/modules/auth/permissions";
import { originOf } from "./context.server";
import { addDays, copenhagenToday } from "./dates";
import { pipelineQuery, type PipelineQuery, type PipelineSortKey } from "./schemas";
import type { Actor } from "./types";

const coordinator = alias(users, "coordinator");

function escapeLike(value: string) {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}

function checkIs(step: "interview" | "references", state: "pending") {
  return sql`exists (select 1 from ${vettingChecks} where ${vettingChecks.volunteerId} = ${volunteers.id}
    and ${vettingChecks.step} = ${step} and ${vettingChecks.state} = ${state})`;
}

/** One filter for the rows and the total (and any bulk action later), so they cannot disagree. */
export function pipelineFilter(query: PipelineQuery, today: string): SQL {
  const conditions: SQL[] = [ne(volunteers.status, "draft")];
  if (query.status) conditions.push(eq(volunteers.status, query.status));
  if (query.kind) conditions.push(eq(volunteers.kind, query.kind));
  if (query.town) conditions.push(sql`lower(${volunteers.town}) = ${query.town.toLowerCase()}`);
  if (query.coordinator === "none") conditions.push(isNull(volunteers.responsibleCoordinatorId));
  else if (query.coordinator) conditions.push(eq(volunteers.responsibleCoordinatorId, query.coordinator));
  if (query.q) conditions.push(ilike(sql`(${users.name} || ' ' || ${users.email})`, `%${escapeLike(query.q)}%`));
  switch (query.quick) {
    case "needs_interview":
      conditions.push(eq(volunteers.status, "submitted"), checkIs("interview", "pending"));
      break;
    case "waiting_for_references":
      conditions.push(eq(volunteers.status, "submitted"), checkIs("references", "pending"));
      break;
    case "ready_for_decision":
      conditions.push(eq(volunteers.status, "submitted"), sql`${volunteers.checksPassed} = ${volunteers.checksRequired}`);
      break;
    case "renewal_due_30":
      conditions.push(sql`${volunteers.status} in ('approved', 'paused') and ${volunteers.approvedUntil} <= ${addDays(today, 30)}`);
      break;
  }
  return and(...conditions)!;
}

/** Sort expressions; `daysWaiting` runs against `submitted_at` (most days waiting = earliest submission). */
const sortColumns: Record<PipelineSortKey, { column: SQL; inverted?: boolean }> = {
  status: { column: sql`${volunteers.status}` },
  kind: { column: sql`${volunteers.kind}` },
  town: { column: sql`lower(${volunteers.town})` },
  daysWaiting: { column: sql`${volunteers.submittedAt}`, inverted: true },
  progress: { column: sql`(${volunteers.checksPassed}::float / greatest(${volunteers.checksRequired}, 1))` },
  nextStep: { column: sql`${volunteers.nextStep}` },
  coordinator: { column: sql`lower(${coordinator.name})` },
};

/**
 * One page of the pipeline, filtered, sorted and paged in SQL. Not audited and not access-checked: callers
 * are `listPipeline` and the CSV export, which check the actor and audit what they show.
 *
 * The page is found first, on `volunteers` alone (an index-only scan for the status filter and the default
 * sort), and only its rows are joined to their users: joining before paging made PostgreSQL join every
 * matching row, all 30 000 of a status at national scale, on every page view. A volunteer has exactly one
 * user (`user_id` is a non-null foreign key), so the join filters nothing and the page and the count need it
 * only when searching by name or email; the coordinator only when sorting by coordinator.
 */
export async function readPipelinePage(db: Database, query: PipelineQuery, today: string) {
  const where = pipelineFilter(query, today);
  const { column, inverted } = sortColumns[query.sort];
  const ascending = (query.dir === "asc") !== Boolean(inverted);
  const direction = ascending ? sql`asc nulls last` : sql`desc nulls last`;
  const order = [sql`${column} ${direction}`, ascending ? asc(volunteers.id) : desc(volunteers.id)];

  let page = db.select({ id: volunteers.id }).from(volunteers).$dynamic();
  let matching = db.select({ value: count() }).from(volunteers).$dynamic();
  if (query.q) {
    page = page.innerJoin(users, eq(users.id, volunteers.userId));
    matching = matching.innerJoin(users, eq(users.id, volunteers.userId));
  }
  if (query.sort === "coordinator") page = page.leftJoin(coordinator, eq(coordinator.id, volunteers.responsibleCoordinatorId));
  page = page
    .where(where)
    .orderBy(...order)
    .limit(query.size)
    .offset((query.page - 1) * query.size);

  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: volunteers.id,
        userId: volunteers.userId,
        name: users.name,
        email: users.email,
        kind: volunteers.kind,
        status: volunteers.status,
        town: volunteers.town,
        afterHoursReachable: volunteers.afterHoursReachable,
        submittedAt: volunteers.submittedAt,
        daysWaiting: sql<number>`(${today}::date - (${volunteers.submittedAt} at time zone 'Europe/Copenhagen')::date)`.mapWith(Number),
        checksPassed: volunteers.checksPassed,
        checksRequired: volunteers.checksRequired,
        nextStep: volunteers.nextStep,
        approvedUntil: volunteers.approvedUntil,
        coordinatorId: volunteers.responsibleCoordinatorId,
        coordinatorName: coordinator.name,
      })
      .from(volunteers)
      .innerJoin(users, eq(users.id, volunteers.userId))
      .leftJoin(coordinator, eq(coordinator.id, volunteers.responsibleCoordinatorId))
      .where(inArray(volunteers.id, page))
      .orderBy(...order),
    matching.where(where),
  ]);
  return { rows, total: Number(total?.value ?? 0) };
}

/** The coordinators' pipeline as a page of the list; the search itself is audited. */
export async function listPipeline(db: Database, actor: Actor, input: Partial<PipelineQuery>, options: { today?: string } = {}) {
  if (!can(actor.role, "read:vetting:any")) return null;
  const query = pipelineQuery.parse(input);
  const { rows, total } = await readPipelinePage(db, query, options.today ?? copenhagenToday());
  const { page: _page, size: _size, ...terms } = query;
  await audit(db, originOf(actor), {
    action: "vetting.searched",
    subjectType: "volunteer",
    details: Object.fromEntries(Object.entries(terms).filter(([, value]) => value !== "")),
  });
  return { rows, total, query };
}
