import { and, gte, inArray, isNull, lt, lte } from "drizzle-orm";
import type { Database } from "#db/client.server";
import { volunteers } from "#db/schema";
import type { Env } from "~/env.server";
import type { JobQueue } from "~/jobs.server";
import { audit } from "~/modules/audit/audit.server";
import { applicationUrl, notifyVolunteer } from "./context.server";
import { addDays } from "./dates";

export interface RenewalDeps {
  db: Database;
  jobs: JobQueue;
  env: Pick<Env, "APP_URL">;
}

const system = { actorId: null, requestId: "job:vetting-renewals" };

/**
 * Nightly (from the maintenance job): approvals past their date expire; approvals ending within 30 days are
 * flagged once and the volunteer is told. Both are conditional updates, so a second run finds nothing.
 */
export async function runVettingRenewals(deps: RenewalDeps, today: string) {
  return deps.db.transaction(async (tx) => {
    const expired = await tx
      .update(volunteers)
      .set({ status: "expired", updatedAt: new Date() })
      .where(and(inArray(volunteers.status, ["approved", "paused"]), lt(volunteers.approvedUntil, today)))
      .returning({ id: volunteers.id, userId: volunteers.userId, from: volunteers.status });
    for (const volunteer of expired) {
      await notifyVolunteer(deps, tx, volunteer.userId, "approvalExpired", (user) => ({ name: user.name, url: applicationUrl(deps.env) }));
      await audit(tx, system, { action: "vetting.expired", subjectType: "volunteer", subjectId: volunteer.id });
    }

    const due = await tx
      .update(volunteers)
      .set({ renewalNotifiedAt: new Date(), updatedAt: new Date() })
      .where(
        and(
          inArray(volunteers.status, ["approved", "paused"]),
          gte(volunteers.approvedUntil, today),
          lte(volunteers.approvedUntil, addDays(today, 30)),
          isNull(volunteers.renewalNotifiedAt),
        ),
      )
      .returning({ id: volunteers.id, userId: volunteers.userId, approvedUntil: volunteers.approvedUntil });
    for (const volunteer of due) {
      await notifyVolunteer(deps, tx, volunteer.userId, "renewalDue", (user) => ({
        name: user.name,
        approvedUntil: volunteer.approvedUntil!,
        url: applicationUrl(deps.env),
      }));
      await audit(tx, system, { action: "vetting.renewal_flagged", subjectType: "volunteer", subjectId: volunteer.id, details: { approvedUntil: volunteer.approvedUntil } });
    }
    return { expired: expired.length, flagged: due.length };
  });
}

