import type { AuditOrigin } from "~/modules/audit/audit.server";
import type { AccountDeps } from "~/modules/auth/accounts.server";
import type { RequestArgs } from "~/modules/auth/guards.server";

/** Who is acting and from where, for the audit trail. */
export function auditOrigin({ context }: RequestArgs, actorId: string | null): AuditOrigin {
  return { actorId, requestId: context.requestId, ip: context.ip };
}

export function accountDeps(args: RequestArgs, actorId: string | null = null): AccountDeps {
  const { db, jobs, env } = args.context;
  return { db, jobs, env, origin: auditOrigin(args, actorId) };
}
