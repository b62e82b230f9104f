import { eq } from "drizzle-orm";
import type { Database } from "#db/client.server";
import { vettingPolicies, volunteers, type MentorKind, type VettingPolicy } from "#db/schema";
import { audit } from "~/modules/audit/audit.server";
import { can } from "~/modules/auth/permissions";
import { originOf, refreshChecklist } from "./context.server";
import { policyInput, type PolicyInput } from "./schemas";
import type { Actor, Result } from "./types";

/** The migration seeds a row per kind; a missing one is a broken database, not an expected case. */
export async function getPolicy(db: Database, kind: MentorKind): Promise<VettingPolicy> {
  const [policy] = await db.select().from(vettingPolicies).where(eq(vettingPolicies.kind, kind));
  if (!policy) throw new Error(`No vetting policy for mentor kind ${kind}`);
  return policy;
}

export async function listPolicies(db: Database) {
  return db.select().from(vettingPolicies).orderBy(vettingPolicies.kind);
}

function policyView(policy: VettingPolicy) {
  return {
    requiredSteps: policy.requiredSteps,
    referencesRequired: policy.referencesRequired,
    attestRenewalMonths: policy.attestRenewalMonths,
    requiredCourseIds: policy.requiredCourseIds,
  };
}

/** An admin changes a kind's policy; every open checklist of that kind is recounted in the same transaction. */
export async function updatePolicy(
  db: Database,
  actor: Actor,
  kind: MentorKind,
  input: PolicyInput,
): Promise<Result<{ policy: VettingPolicy }, "forbidden" | "invalid">> {
  if (!can(actor.role, "update:vetting-policy:any")) return { ok: false, reason: "forbidden" };
  const parsed = policyInput.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(vettingPolicies).where(eq(vettingPolicies.kind, kind)).for("update");
    if (!before) throw new Error(`No vetting policy for mentor kind ${kind}`);
    const [after] = await tx
      .update(vettingPolicies)
      .set({ ...parsed.data, updatedBy: actor.id, updatedAt: new Date() })
      .where(eq(vettingPolicies.kind, kind))
      .returning();
    await refreshChecklist(tx, eq(volunteers.kind, kind));
    await audit(tx, originOf(actor), {
      action: "vetting.policy_updated",
      subjectType: "vetting_policy",
      subjectId: kind,
      details: { before: policyView(before), after: policyView(after!) },
    });
    return { ok: true as const, policy: after! };
  });
}
