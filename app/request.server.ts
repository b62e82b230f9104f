import type { AuditOrigin } from "~/modules/audit/audit.server";
import type { AccountDeps } from "~/modules/auth/accounts.server";
import type { RequestArgs } from "~/modules/auth/guards.server";
import type { SessionUser } from "~/modules/auth/session.server";
import type { PairingDeps } from "~/modules/pairings/pairings.server";
import type { VolunteerDeps } from "~/modules/volunteers/context.server";
import type { YouthDeps } from "~/modules/youths/records.server";
import type { Actor } from "~/modules/volunteers/types";

/** Who is acting and from where, for the audit trail. */
export function auditOrigin({ context }: RequestArgs, actorId: string | null): AuditOrigin {
  return { actorId, requestId: context.requestId, ip: context.ip };
}

export function accountDeps(args: RequestArgs, actorId: string | null = null): AccountDeps {
  const { db, jobs, env } = args.context;
  return { db, jobs, env, origin: auditOrigin(args, actorId) };
}

export function volunteerDeps({ context }: RequestArgs): VolunteerDeps {
  const { db, jobs, env, encryptionKey } = context;
  return { db, jobs, env, key: encryptionKey };
}

/** What the youth records and the pairing commands need: the database, the key of the sensitive notes, jobs for emails. */
export function youthDeps({ context }: RequestArgs): YouthDeps & PairingDeps {
  const { db, jobs, env, encryptionKey } = context;
  return { db, jobs, env, key: encryptionKey };
}

/** The logged-in user as the actor of a module command, with where the request came from. */
export function actorOf({ context }: RequestArgs, user: SessionUser): Actor {
  return { id: user.id, role: user.role, requestId: context.requestId, ip: context.ip };
}
