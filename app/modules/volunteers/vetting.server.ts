import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Database } from "#db/client.server";
import {
  users,
  vettingChecks,
  volunteerMessages,
  volunteerReferences,
  volunteers,
  type CheckDetails,
  type Volunteer,
  type VettingCheck,
} from "#db/schema";
import { audit } from "~/modules/audit/audit.server";
import { can, type Permission } from "~/modules/auth/permissions";
import { encryptOptional, encryptText } from "~/modules/crypto/encryption.server";
import { applicationUrl, isUuid, lockVolunteerById, notifyVolunteer, originOf, refreshChecklist, type VolunteerDeps } from "./context.server";
import { addMonths, copenhagenToday } from "./dates";
import { getSetting } from "~/modules/settings/settings.server";
import { getPolicy } from "./policy.server";
import {
  attestInput,
  interviewInput,
  messageInput,
  referenceCheckInput,
  rejectionInput,
  trainingInput,
  waiverInput,
} from "./schemas";
import { z } from "zod";
import type { Actor, Refusal, VettingStep, VolunteerStatus } from "./types";

/** Commands that take nothing but the volunteer. */
const noInput = z.undefined();

type CommonRefusal = "forbidden" | "not_found" | "illegal_state" | "invalid";
export type VettingResult<R extends string = never> = { ok: true } | Refusal<CommonRefusal | R>;

/** Statuses in which the checklist may be worked on: an open application, an approval, a lapsed one. */
const vettable: VolunteerStatus[] = ["submitted", "approved", "paused", "expired"];

/**
 * The frame of every coordinator command: permission, input, one transaction with the volunteer row
 * locked, the state check, then the change. Drafts are the applicant's own: staff cannot see them yet.
 */
async function command<S extends z.ZodTypeAny, R extends string = never>(
  deps: VolunteerDeps,
  actor: Actor,
  spec: { permission: Permission; from: VolunteerStatus[]; schema: S; volunteerId: string; input: unknown },
  run: (tx: Database, volunteer: Volunteer, input: z.infer<S>) => Promise<VettingResult<R>>,
): Promise<VettingResult<R>> {
  if (!can(actor.role, spec.permission)) return { ok: false, reason: "forbidden" };
  const parsed = spec.schema.safeParse(spec.input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  return deps.db.transaction(async (tx) => {
    const volunteer = await lockVolunteerById(tx, spec.volunteerId);
    if (!volunteer || volunteer.status === "draft") return { ok: false, reason: "not_found" };
    if (!spec.from.includes(volunteer.status)) return { ok: false, reason: "illegal_state" };
    return run(tx, volunteer, parsed.data);
  });
}

async function setCheck(
  tx: Database,
  volunteerId: string,
  step: VettingStep,
  values: Pick<VettingCheck, "state"> & Partial<Pick<VettingCheck, "doneBy" | "doneAt" | "noteEncrypted" | "waiverReason" | "details">>,
) {
  const row = { waiverReason: null, ...values };
  await tx
    .insert(vettingChecks)
    .values({ volunteerId, step, ...row })
    .onConflictDoUpdate({ target: [vettingChecks.volunteerId, vettingChecks.step], set: row });
  await refreshChecklist(tx, eq(volunteers.id, volunteerId));
}

function vettingAudit(tx: Database, actor: Actor, volunteerId: string, action: string, details: Record<string, unknown> = {}) {
  return audit(tx, originOf(actor), { action, subjectType: "volunteer", subjectId: volunteerId, details });
}

export type InterviewInput = z.input<typeof interviewInput>;

/** Structured interview notes, encrypted as one value; the interviewer is remembered for the four-eyes rule. */
export function recordInterview(deps: VolunteerDeps, actor: Actor, volunteerId: string, input: InterviewInput) {
  return command(deps, actor, { permission: "update:vetting:any", from: vettable, schema: interviewInput, volunteerId, input }, async (tx, volunteer, data) => {
    await setCheck(tx, volunteer.id, "interview", {
      state: data.outcome,
      doneBy: actor.id,
      doneAt: new Date(),
      noteEncrypted: encryptText(deps.key, JSON.stringify(data.notes)),
      details: { outcome: data.outcome },
    });
    await vettingAudit(tx, actor, volunteer.id, "vetting.interview_recorded", { outcome: data.outcome });
    return { ok: true };
  });
}

export type ReferenceCheckInput = z.input<typeof referenceCheckInput>;

/**
 * One reference's outcome. The references step passes once the policy's number of references are
 * positive, fails when every reference is checked without enough positive ones, and a waiver stands.
 */
export function recordReference(deps: VolunteerDeps, actor: Actor, volunteerId: string, input: ReferenceCheckInput) {
  return command<typeof referenceCheckInput, "unknown_reference">(
    deps,
    actor,
    { permission: "update:vetting:any", from: vettable, schema: referenceCheckInput, volunteerId, input },
    async (tx, volunteer, data) => {
      const [updated] = await tx
        .update(volunteerReferences)
        .set({ outcome: data.outcome, noteEncrypted: encryptOptional(deps.key, data.note), checkedBy: actor.id, checkedAt: new Date() })
        .where(and(eq(volunteerReferences.volunteerId, volunteer.id), eq(volunteerReferences.position, data.position)))
        .returning({ id: volunteerReferences.id });
      if (!updated) return { ok: false, reason: "unknown_reference" };

      const policy = await getPolicy(tx, volunteer.kind);
      const references = await tx.select({ outcome: volunteerReferences.outcome }).from(volunteerReferences).where(eq(volunteerReferences.volunteerId, volunteer.id));
      const positive = references.filter((reference) => reference.outcome === "positive").length;
      const allChecked = references.every((reference) => reference.outcome !== null);
      const state = positive >= policy.referencesRequired ? "passed" : allChecked ? "failed" : "pending";
      const [current] = await tx
        .select({ state: vettingChecks.state })
        .from(vettingChecks)
        .where(and(eq(vettingChecks.volunteerId, volunteer.id), eq(vettingChecks.step, "references")));
      if (current?.state !== "waived") {
        await setCheck(tx, volunteer.id, "references", {
          state,
          doneBy: state === "pending" ? null : actor.id,
          doneAt: state === "pending" ? null : new Date(),
          details: {},
        });
      }
      await vettingAudit(tx, actor, volunteer.id, "vetting.reference_recorded", { position: data.position, outcome: data.outcome, step: state });
      return { ok: true };
    },
  );
}

export type AttestInput = z.input<typeof attestInput>;

/** The criminal-record assessment: result, by whom, when, and when to renew. Never the document itself. */
export function recordAttest(deps: VolunteerDeps, actor: Actor, volunteerId: string, input: AttestInput) {
  return command(deps, actor, { permission: "update:vetting:any", from: vettable, schema: attestInput, volunteerId, input }, async (tx, volunteer, data) => {
    const policy = await getPolicy(tx, volunteer.kind);
    const details: CheckDetails = { attestResult: data.result, assessedOn: data.assessedOn };
    if (data.result === "ok") details.renewalDate = addMonths(data.assessedOn, policy.attestRenewalMonths);
    await setCheck(tx, volunteer.id, "criminal_record", {
      state: data.result === "not_ok" ? "failed" : "passed",
      doneBy: actor.id,
      doneAt: new Date(),
      noteEncrypted: null,
      details,
    });
    await vettingAudit(tx, actor, volunteer.id, "vetting.attest_recorded", { ...details });
    return { ok: true };
  });
}

export type TrainingInput = z.input<typeof trainingInput>;

/** Ticked by hand until the courses feature records attendance of the policy's required courses. */
export function recordTraining(deps: VolunteerDeps, actor: Actor, volunteerId: string, input: TrainingInput) {
  return command(deps, actor, { permission: "update:vetting:any", from: vettable, schema: trainingInput, volunteerId, input }, async (tx, volunteer, data) => {
    await setCheck(tx, volunteer.id, "training", {
      state: data.passed ? "passed" : "pending",
      doneBy: data.passed ? actor.id : null,
      doneAt: data.passed ? new Date() : null,
      noteEncrypted: encryptOptional(deps.key, data.note),
      details: {},
    });
    await vettingAudit(tx, actor, volunteer.id, "vetting.training_recorded", { passed: data.passed });
    return { ok: true };
  });
}

/**
 * The courses feature's side of the training step: once a volunteer has attended every required course the
 * step passes, credited to whoever marked the last attendance; a correction that takes an attendance back
 * reopens a step that attendance had ticked. A waiver, or a coordinator's own tick, is left alone.
 */
export async function syncTrainingFromCourses(tx: Database, actor: Actor, userId: string, attended: { complete: boolean; courseIds: string[] }) {
  const [volunteer] = await tx
    .select({ id: volunteers.id, status: volunteers.status })
    .from(volunteers)
    .where(eq(volunteers.userId, userId))
    .for("update");
  if (!volunteer || !vettable.includes(volunteer.status)) return;
  const [check] = await tx
    .select()
    .from(vettingChecks)
    .where(and(eq(vettingChecks.volunteerId, volunteer.id), eq(vettingChecks.step, "training")));
  if (!check || check.state === "waived") return;
  const tickedByCourses = Boolean(check.details.attendedCourseIds);
  if (attended.complete && check.state !== "passed") {
    await setCheck(tx, volunteer.id, "training", { state: "passed", doneBy: actor.id, doneAt: new Date(), details: { attendedCourseIds: attended.courseIds } });
    await vettingAudit(tx, actor, volunteer.id, "vetting.training_recorded", { passed: true, source: "courses" });
  } else if (!attended.complete && check.state === "passed" && tickedByCourses) {
    await setCheck(tx, volunteer.id, "training", { state: "pending", doneBy: null, doneAt: null, details: {} });
    await vettingAudit(tx, actor, volunteer.id, "vetting.training_recorded", { passed: false, source: "courses" });
  }
}

export type WaiverInput = z.input<typeof waiverInput>;

export function waiveCheck(deps: VolunteerDeps, actor: Actor, volunteerId: string, input: WaiverInput) {
  return command(deps, actor, { permission: "update:vetting:any", from: vettable, schema: waiverInput, volunteerId, input }, async (tx, volunteer, data) => {
    await setCheck(tx, volunteer.id, data.step, { state: "waived", waiverReason: data.reason, doneBy: actor.id, doneAt: new Date() });
    await vettingAudit(tx, actor, volunteer.id, "vetting.check_waived", { step: data.step });
    return { ok: true };
  });
}

export type ApproveRefusal = "checks_incomplete" | "email_unverified" | "four_eyes" | "renewal_lapsed";
export type ApproveResult = { ok: true; approvedUntil: string } | Refusal<CommonRefusal | ApproveRefusal> | { ok: false; reason: "checks_incomplete"; missing: VettingStep[] };

/**
 * Submitted (or expired, for a renewal) → approved, when every required step is passed or waived, the
 * volunteer's address is verified and, with four eyes on, someone other than the interviewer approves.
 * The approval lasts until the earliest renewal date: the attest's, or the policy's interval from today.
 */
export async function approve(deps: VolunteerDeps, actor: Actor, volunteerId: string, options: { today?: string } = {}): Promise<ApproveResult> {
  const today = options.today ?? copenhagenToday();
  let approvedUntil = "";
  const result = await command<typeof noInput, ApproveRefusal>(
    deps,
    actor,
    { permission: "approve:vetting:any", from: ["submitted", "expired"], schema: noInput, volunteerId, input: undefined },
    async (tx, volunteer) => {
      const policy = await getPolicy(tx, volunteer.kind);
      const checks = await tx.select().from(vettingChecks).where(eq(vettingChecks.volunteerId, volunteer.id));
      const byStep = new Map(checks.map((check) => [check.step, check]));
      const missing = policy.requiredSteps.filter((step) => !["passed", "waived"].includes(byStep.get(step)?.state ?? "pending"));
      if (missing.length > 0) return { ok: false, reason: "checks_incomplete", missing } as Refusal<"checks_incomplete">;

      const [user] = await tx.select({ verifiedAt: users.emailVerifiedAt }).from(users).where(eq(users.id, volunteer.userId));
      if (!user?.verifiedAt) return { ok: false, reason: "email_unverified" };
      if ((await getSetting(tx, "four_eyes_approval")) && byStep.get("interview")?.doneBy === actor.id) {
        return { ok: false, reason: "four_eyes" };
      }

      const attest = byStep.get("criminal_record");
      const attestRenewal = policy.requiredSteps.includes("criminal_record") && attest?.state === "passed" ? attest.details.renewalDate : undefined;
      approvedUntil = [attestRenewal, addMonths(today, policy.attestRenewalMonths)].filter((date): date is string => Boolean(date)).sort()[0]!;
      if (approvedUntil <= today) return { ok: false, reason: "renewal_lapsed" };

      await tx
        .update(volunteers)
        .set({
          status: "approved",
          decidedAt: new Date(),
          decidedBy: actor.id,
          approvedUntil,
          renewalNotifiedAt: null,
          updatedAt: new Date(),
        })
        .where(eq(volunteers.id, volunteer.id));
      await notifyVolunteer(deps, tx, volunteer.userId, "volunteerApproved", (recipient) => ({
        name: recipient.name,
        approvedUntil,
        url: applicationUrl(deps.env),
      }));
      await vettingAudit(tx, actor, volunteer.id, "vetting.approved", { from: volunteer.status, approvedUntil });
      return { ok: true };
    },
  );
  return result.ok ? { ok: true, approvedUntil } : (result as ApproveResult);
}

export type RejectionInput = z.input<typeof rejectionInput>;

/** The volunteer learns the reason's category; the internal note stays encrypted with the coordinators. */
export function reject(deps: VolunteerDeps, actor: Actor, volunteerId: string, input: RejectionInput) {
  return command(
    deps,
    actor,
    { permission: "approve:vetting:any", from: ["submitted", "expired"], schema: rejectionInput, volunteerId, input },
    async (tx, volunteer, data) => {
      await tx
        .update(volunteers)
        .set({
          status: "rejected",
          rejectionReason: data.reason,
          decisionNoteEncrypted: encryptOptional(deps.key, data.note),
          decidedAt: new Date(),
          decidedBy: actor.id,
          updatedAt: new Date(),
        })
        .where(eq(volunteers.id, volunteer.id));
      await notifyVolunteer(deps, tx, volunteer.userId, "volunteerRejected", (user) => ({ name: user.name, reason: data.reason, url: applicationUrl(deps.env) }));
      await vettingAudit(tx, actor, volunteer.id, "vetting.rejected", { from: volunteer.status, reason: data.reason });
      return { ok: true };
    },
  );
}

export function pause(deps: VolunteerDeps, actor: Actor, volunteerId: string) {
  return command(deps, actor, { permission: "approve:vetting:any", from: ["approved"], schema: noInput, volunteerId, input: undefined }, async (tx, volunteer) => {
    await tx.update(volunteers).set({ status: "paused", updatedAt: new Date() }).where(eq(volunteers.id, volunteer.id));
    await vettingAudit(tx, actor, volunteer.id, "vetting.paused");
    return { ok: true };
  });
}

/** Paused → approved again, within the approval's period; a lapsed one needs a renewal instead. */
export function reactivate(deps: VolunteerDeps, actor: Actor, volunteerId: string, options: { today?: string } = {}) {
  const today = options.today ?? copenhagenToday();
  return command<typeof noInput, "renewal_lapsed">(
    deps,
    actor,
    { permission: "approve:vetting:any", from: ["paused"], schema: noInput, volunteerId, input: undefined },
    async (tx, volunteer) => {
      if (!volunteer.approvedUntil || volunteer.approvedUntil < today) return { ok: false, reason: "renewal_lapsed" };
      await tx.update(volunteers).set({ status: "approved", updatedAt: new Date() }).where(eq(volunteers.id, volunteer.id));
      await vettingAudit(tx, actor, volunteer.id, "vetting.reactivated");
      return { ok: true };
    },
  );
}

export type MessageInput = z.input<typeof messageInput>;

/** A message waits in the portal; the email only says that something needs the volunteer's attention. */
export function sendMessage(deps: VolunteerDeps, actor: Actor, volunteerId: string, input: MessageInput) {
  return command(deps, actor, { permission: "update:vetting:any", from: vettable, schema: messageInput, volunteerId, input }, async (tx, volunteer, data) => {
    await tx.insert(volunteerMessages).values({ volunteerId: volunteer.id, authorId: actor.id, body: data.body });
    await notifyVolunteer(deps, tx, volunteer.userId, "actionNeeded", (user) => ({ name: user.name, url: applicationUrl(deps.env) }));
    await vettingAudit(tx, actor, volunteer.id, "vetting.message_sent");
    return { ok: true };
  });
}

/** Sets (or clears, with null) the coordinator responsible for a volunteer; only staff can be responsible. */
export function assignCoordinator(deps: VolunteerDeps, actor: Actor, volunteerId: string, coordinatorId: string | null) {
  return command<typeof noInput, "invalid_coordinator">(
    deps,
    actor,
    { permission: "update:vetting:any", from: ["submitted", "approved", "paused", "expired", "rejected", "withdrawn"], schema: noInput, volunteerId, input: undefined },
    async (tx, volunteer) => {
      if (coordinatorId !== null) {
        const [staff] = isUuid(coordinatorId)
          ? await tx
              .select({ id: users.id })
              .from(users)
              .where(and(eq(users.id, coordinatorId), inArray(users.role, ["coordinator", "admin"]), isNull(users.disabledAt)))
          : [];
        if (!staff) return { ok: false, reason: "invalid_coordinator" };
      }
      await tx.update(volunteers).set({ responsibleCoordinatorId: coordinatorId, updatedAt: new Date() }).where(eq(volunteers.id, volunteer.id));
      await vettingAudit(tx, actor, volunteer.id, "vetting.coordinator_assigned", { from: volunteer.responsibleCoordinatorId, to: coordinatorId });
      return { ok: true };
    },
  );
}
