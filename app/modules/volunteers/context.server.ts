import { eq, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "#db/client.server";
import { users, volunteers, type Volunteer } from "#db/schema";
import type { EmailProps, EmailTemplateName } from "#emails/index";
import type { Env } from "~/env.server";
import type { JobQueue } from "~/jobs.server";
import type { AuditOrigin } from "~/modules/audit/audit.server";
import type { EncryptionKey } from "~/modules/crypto/encryption.server";
import { queueEmail } from "~/modules/email/queue.server";
import type { Actor } from "./types";

/** What the volunteer module's commands need besides the actor. */
export interface VolunteerDeps {
  db: Database;
  jobs: JobQueue;
  env: Pick<Env, "APP_URL">;
  key: EncryptionKey;
}

export function originOf(actor: Actor): AuditOrigin {
  return { actorId: actor.id, requestId: actor.requestId ?? null, ip: actor.ip ?? null };
}

const uuid = z.string().uuid();
export function isUuid(value: string) {
  return uuid.safeParse(value).success;
}

/**
 * Every transition starts here: the row is locked until the transaction ends, so two coordinators acting on
 * one volunteer at once are serialised and the second sees the first one's state.
 */
export async function lockVolunteer(tx: Database, where: SQL | undefined): Promise<Volunteer | null> {
  const [row] = await tx.select().from(volunteers).where(where).for("update");
  return row ?? null;
}

export function lockVolunteerById(tx: Database, volunteerId: string) {
  return isUuid(volunteerId) ? lockVolunteer(tx, eq(volunteers.id, volunteerId)) : Promise.resolve(null);
}

/** The emails link back to the portal and carry nothing sensitive. */
export function applicationUrl(env: Pick<Env, "APP_URL">) {
  return `${env.APP_URL}/application`;
}

export async function notifyVolunteer<T extends EmailTemplateName>(
  deps: Pick<VolunteerDeps, "jobs">,
  tx: Database,
  userId: string,
  template: T,
  props: (user: { name: string }) => EmailProps<T>,
) {
  const [user] = await tx
    .select({ email: users.email, name: users.name, locale: users.locale, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.id, userId));
  if (!user || user.disabledAt) return;
  await queueEmail(deps.jobs, tx, { to: user.email, locale: user.locale, template, props: props(user) });
}

/**
 * Recomputes the denormalised checklist columns (passed, required, next step) from the checks and the
 * kind's policy, in one statement for one volunteer or, after a policy change, for a whole kind.
 */
export async function refreshChecklist(tx: Database, where: SQL) {
  await tx.execute(sql`
    update volunteers set
      checks_required = cardinality(p.required_steps),
      checks_passed = (
        select count(*)::int from vetting_checks c
        where c.volunteer_id = volunteers.id and c.step = any(p.required_steps) and c.state in ('passed', 'waived')),
      next_step = (
        select s from unnest(p.required_steps) as s
        where not exists (
          select 1 from vetting_checks c where c.volunteer_id = volunteers.id and c.step = s and c.state in ('passed', 'waived'))
        order by s limit 1),
      updated_at = now()
    from vetting_policies p
    where p.kind = volunteers.kind and volunteers.status <> 'draft' and ${where}`);
}
