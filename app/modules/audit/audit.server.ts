import type { Database } from "#db/client.server";
import { auditEvents } from "#db/schema";

/** Who did it and from where; loaders and actions pass their context, jobs pass what they know. */
export interface AuditOrigin {
  actorId: string | null;
  requestId?: string | null;
  ip?: string | null;
}

export interface AuditEntry {
  action: string;
  subjectType?: string;
  subjectId?: string;
  /** Never a password, token or sensitive free text: the trail is read by admins. */
  details?: Record<string, unknown>;
}

/** The one way to write the audit trail. Pass the transaction of the change so both land or neither. */
export async function audit(db: Database, origin: AuditOrigin, entry: AuditEntry) {
  await db.insert(auditEvents).values({
    actorId: origin.actorId,
    requestId: origin.requestId ?? null,
    ip: origin.ip ?? null,
    action: entry.action,
    subjectType: entry.subjectType ?? null,
    subjectId: entry.subjectId ?? null,
    details: entry.details ?? {},
  });
}
