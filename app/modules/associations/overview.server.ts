import { and, eq, sql } from "drizzle-orm";
import type { Database } from "#db/client.server";
import { associationTasks, taskParticipations } from "#db/schema";

/**
 * What waits for an association on its start: tasks by where they stand, proposals to answer, and the young
 * people taking part now. Counted for the association the caller has already scoped to its own member.
 */
export async function associationWork(db: Database, associationId: string) {
  const int = (expression: ReturnType<typeof sql>) => sql<number>`(${expression})::int`.mapWith(Number);
  const [[tasks], [people]] = await Promise.all([
    db
      .select({
        published: int(sql`count(*) filter (where ${associationTasks.status} in ('open', 'filled'))`),
        awaiting: int(sql`count(*) filter (where ${associationTasks.status} = 'awaiting_approval')`),
        drafts: int(sql`count(*) filter (where ${associationTasks.status} = 'draft')`),
      })
      .from(associationTasks)
      .where(eq(associationTasks.associationId, associationId)),
    db
      .select({
        proposals: int(sql`count(*) filter (where ${taskParticipations.status} = 'proposed')`),
        participants: int(sql`count(*) filter (where ${taskParticipations.status} = 'active')`),
      })
      .from(taskParticipations)
      .innerJoin(associationTasks, and(eq(associationTasks.id, taskParticipations.taskId), eq(associationTasks.associationId, associationId))),
  ]);
  return { published: tasks?.published ?? 0, awaiting: tasks?.awaiting ?? 0, drafts: tasks?.drafts ?? 0, proposals: people?.proposals ?? 0, participants: people?.participants ?? 0 };
}
