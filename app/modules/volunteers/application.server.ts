import { and, asc, desc, eq, isNotNull } from "drizzle-orm";
import type { Database } from "#db/client.server";
import { vettingChecks, volunteerMessages, volunteerReferences, volunteers, type Volunteer } from "#db/schema";
import { audit } from "~/modules/audit/audit.server";
import { can } from "~/modules/auth/permissions";
import { applicationUrl, lockVolunteer, notifyVolunteer, originOf, refreshChecklist, type VolunteerDeps } from "./context.server";
import { addMonths, copenhagenToday } from "./dates";
import { getPolicy } from "./policy.server";
import {
  applicationSteps,
  parseAnswers,
  profileSections,
  profileUpdate,
  type ApplicationAnswers,
  type ApplicationStepName,
  type ProfileUpdate,
  type StepAnswers,
} from "./schemas";
import { CODE_OF_CONDUCT_VERSION, vettingSteps, type Actor, type Refusal, type Result, type VolunteerStatus } from "./types";

const own = (actor: Actor) => eq(volunteers.userId, actor.id);

/** The statuses from which the volunteer's own transitions start; the page offers only what these allow. */
const withdrawable: VolunteerStatus[] = ["draft", "submitted", "approved", "paused"];
const editable: VolunteerStatus[] = ["submitted", "approved", "paused", "expired"];
const reapplicable: VolunteerStatus[] = ["withdrawn", "rejected"];

/** A rejected volunteer may apply again this many months after the decision (ADR 0010). */
export const REAPPLY_AFTER_REJECTION_MONTHS = 6;

/**
 * The first Copenhagen day on which a rejected volunteer may apply again, or null when nothing makes them
 * wait. A rejection always records its time; the last change stands in should an old row lack it.
 */
function reapplyOpensOn(volunteer: Pick<Volunteer, "status" | "decidedAt" | "updatedAt">) {
  if (volunteer.status !== "rejected") return null;
  return addMonths(copenhagenToday(volunteer.decidedAt ?? volunteer.updatedAt), REAPPLY_AFTER_REJECTION_MONTHS);
}

type FieldErrors = Record<string, string[] | undefined>;
export type SaveStepResult =
  | { ok: true; volunteerId: string }
  | { ok: false; reason: "forbidden" | "kind_first" | "illegal_state" }
  | { ok: false; reason: "invalid"; errors: FieldErrors };

/** The real columns that lists filter and sort on, copied from the answers they come from. */
function columnsFrom(answers: ApplicationAnswers) {
  return {
    town: answers.availability?.town ?? null,
    afterHoursReachable: answers.availability?.afterHoursReachable ?? false,
    capacity: answers.preferences?.capacity ?? null,
    interests: answers.interests?.interests ?? [],
    languages: answers.interests?.languages ?? [],
    availability: answers.availability?.slots ?? [],
    ageMin: answers.preferences?.ageMin ?? null,
    ageMax: answers.preferences?.ageMax ?? null,
    gender: answers.preferences?.ownGender ?? "unspecified",
    youthGenderPreference: answers.preferences?.genderPreference ?? "any",
  };
}

/**
 * Saves one step of the applicant's draft: validates it, merges it into the answers and creates the draft
 * on the first save (which must say which kind of mentor the person applies as). Only while a draft.
 */
export async function saveApplicationStep(db: Database, actor: Actor, stepName: ApplicationStepName, input: unknown): Promise<SaveStepResult> {
  if (!can(actor.role, "create:application:own")) return { ok: false, reason: "forbidden" };
  const schema = applicationSteps[stepName];
  if (!schema) return { ok: false, reason: "invalid", errors: {} };
  const parsed = schema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid", errors: parsed.error.flatten().fieldErrors as FieldErrors };

  return db.transaction(async (tx) => {
    let volunteer = await lockVolunteer(tx, own(actor));
    if (!volunteer) {
      if (stepName !== "kind") return { ok: false as const, reason: "kind_first" as const };
      const kind = (parsed.data as StepAnswers<"kind">).kind;
      // A double-submitted first step creates one draft: the unique user_id decides, then the row is locked.
      await tx.insert(volunteers).values({ userId: actor.id, kind }).onConflictDoNothing();
      volunteer = (await lockVolunteer(tx, own(actor)))!;
      await audit(tx, originOf(actor), { action: "application.started", subjectType: "volunteer", subjectId: volunteer.id, details: { kind } });
    }
    if (volunteer.status !== "draft") return { ok: false as const, reason: "illegal_state" as const };

    const answers = parseAnswers(volunteer.answers);
    const changes: Partial<Volunteer> = {};
    switch (stepName) {
      case "kind":
        changes.kind = (parsed.data as StepAnswers<"kind">).kind;
        break;
      case "references": {
        const { references } = parsed.data as StepAnswers<"references">;
        await tx.delete(volunteerReferences).where(eq(volunteerReferences.volunteerId, volunteer.id));
        await tx.insert(volunteerReferences).values(
          references.map((reference, index) => ({
            volunteerId: volunteer.id,
            position: index + 1,
            name: reference.name,
            relation: reference.relation,
            phone: reference.phone ?? null,
            email: reference.email ?? null,
          })),
        );
        break;
      }
      case "consents":
        answers.consents = { ...(parsed.data as StepAnswers<"consents">), codeOfConductSignedAt: new Date().toISOString() };
        break;
      default:
        (answers as Record<string, unknown>)[stepName] = parsed.data;
    }
    await tx
      .update(volunteers)
      .set({ ...changes, answers: answers as Record<string, unknown>, ...columnsFrom(answers), updatedAt: new Date() })
      .where(eq(volunteers.id, volunteer.id));
    await audit(tx, originOf(actor), { action: "application.step_saved", subjectType: "volunteer", subjectId: volunteer.id, details: { step: stepName } });
    return { ok: true as const, volunteerId: volunteer.id };
  });
}

/**
 * The applicant's own application: answers, references, progress (states only, never notes), messages, and
 * what the volunteer may do with it now.
 */
export async function getApplication(db: Database, actor: Actor, options: { today?: string } = {}) {
  if (!can(actor.role, "read:application:own")) return null;
  const [volunteer] = await db.select().from(volunteers).where(own(actor));
  if (!volunteer) return null;
  const [references, checks, messages] = await Promise.all([
    db
      .select({
        position: volunteerReferences.position,
        name: volunteerReferences.name,
        relation: volunteerReferences.relation,
        phone: volunteerReferences.phone,
        email: volunteerReferences.email,
      })
      .from(volunteerReferences)
      .where(eq(volunteerReferences.volunteerId, volunteer.id))
      .orderBy(asc(volunteerReferences.position)),
    db
      .select({ step: vettingChecks.step, state: vettingChecks.state })
      .from(vettingChecks)
      .where(eq(vettingChecks.volunteerId, volunteer.id))
      .orderBy(asc(vettingChecks.step)),
    db
      .select({ id: volunteerMessages.id, body: volunteerMessages.body, createdAt: volunteerMessages.createdAt, readAt: volunteerMessages.readAt })
      .from(volunteerMessages)
      .where(eq(volunteerMessages.volunteerId, volunteer.id))
      .orderBy(desc(volunteerMessages.createdAt)),
  ]);
  return {
    id: volunteer.id,
    kind: volunteer.kind,
    status: volunteer.status,
    submittedAt: volunteer.submittedAt,
    approvedUntil: volunteer.approvedUntil,
    rejectionReason: volunteer.rejectionReason,
    answers: parseAnswers(volunteer.answers),
    references,
    checks,
    messages,
    allowed: allowedActions(volunteer, options.today ?? copenhagenToday()),
  };
}

/** The volunteer's own transitions that would succeed now, by the same rules the transitions check. */
function allowedActions(volunteer: Volunteer, today: string) {
  const reapplyFrom = reapplyOpensOn(volunteer);
  return {
    withdraw: withdrawable.includes(volunteer.status),
    editProfile: editable.includes(volunteer.status) && volunteer.submittedAt !== null,
    reapply: reapplicable.includes(volunteer.status) && (!reapplyFrom || reapplyFrom <= today),
    /** When a rejected volunteer may apply again (YYYY-MM-DD). */
    reapplyFrom,
  };
}

export type SubmitResult =
  | { ok: true; volunteerId: string }
  | { ok: false; reason: "forbidden" | "not_found" | "illegal_state" }
  | { ok: false; reason: "incomplete"; missing: string[] };

/** Which steps of the application still lack an answer the policy needs. */
function missingSteps(volunteer: Volunteer, answers: ApplicationAnswers, referenceCount: number, referencesRequired: number) {
  const missing: string[] = [];
  if (!answers.about || (volunteer.kind === "company" && !answers.about.employer)) missing.push("about");
  if (!answers.interests) missing.push("interests");
  if (!answers.availability) missing.push("availability");
  if (!answers.preferences) missing.push("preferences");
  if (referenceCount < Math.max(referencesRequired, 1)) missing.push("references");
  if (!answers.consents) missing.push("consents");
  return missing;
}

/** Draft → submitted: opens the checklist (a row per step) and tells the applicant it arrived. */
export async function submitApplication(deps: VolunteerDeps, actor: Actor): Promise<SubmitResult> {
  if (!can(actor.role, "create:application:own")) return { ok: false, reason: "forbidden" };
  return deps.db.transaction(async (tx) => {
    const volunteer = await lockVolunteer(tx, own(actor));
    if (!volunteer) return { ok: false as const, reason: "not_found" as const };
    if (volunteer.status !== "draft") return { ok: false as const, reason: "illegal_state" as const };
    const answers = parseAnswers(volunteer.answers);
    const policy = await getPolicy(tx, volunteer.kind);
    const references = await tx.select({ id: volunteerReferences.id }).from(volunteerReferences).where(eq(volunteerReferences.volunteerId, volunteer.id));
    const missing = missingSteps(volunteer, answers, references.length, policy.referencesRequired);
    if (missing.length > 0) return { ok: false as const, reason: "incomplete" as const, missing };

    const signedCurrent = answers.consents!.codeOfConductVersion === CODE_OF_CONDUCT_VERSION;
    await tx
      .insert(vettingChecks)
      .values(
        vettingSteps.map((step) =>
          step === "code_of_conduct" && signedCurrent
            ? {
                volunteerId: volunteer.id,
                step,
                state: "passed" as const,
                doneAt: new Date(answers.consents!.codeOfConductSignedAt),
                details: {},
              }
            : { volunteerId: volunteer.id, step },
        ),
      )
      .onConflictDoNothing();
    await tx.update(volunteers).set({ status: "submitted", submittedAt: new Date(), updatedAt: new Date() }).where(eq(volunteers.id, volunteer.id));
    await refreshChecklist(tx, eq(volunteers.id, volunteer.id));
    await notifyVolunteer(deps, tx, volunteer.userId, "applicationReceived", (user) => ({ name: user.name, url: applicationUrl(deps.env) }));
    await audit(tx, originOf(actor), {
      action: "application.submitted",
      subjectType: "volunteer",
      subjectId: volunteer.id,
      details: { kind: volunteer.kind, codeOfConductVersion: answers.consents!.codeOfConductVersion },
    });
    return { ok: true as const, volunteerId: volunteer.id };
  });
}

export async function withdraw(db: Database, actor: Actor): Promise<Result<object, "forbidden" | "not_found" | "illegal_state">> {
  if (!can(actor.role, "update:application:own")) return { ok: false, reason: "forbidden" };
  return db.transaction(async (tx) => {
    const volunteer = await lockVolunteer(tx, own(actor));
    if (!volunteer) return { ok: false as const, reason: "not_found" as const };
    if (!withdrawable.includes(volunteer.status)) return { ok: false as const, reason: "illegal_state" as const };
    await tx.update(volunteers).set({ status: "withdrawn", updatedAt: new Date() }).where(eq(volunteers.id, volunteer.id));
    await audit(tx, originOf(actor), { action: "application.withdrawn", subjectType: "volunteer", subjectId: volunteer.id, details: { from: volunteer.status } });
    return { ok: true as const };
  });
}

/**
 * After submitting, a volunteer keeps interests, availability and preferences up to date. The audit event
 * names the fields that changed, never their values.
 */
export async function updateProfile(
  db: Database,
  actor: Actor,
  input: ProfileUpdate,
): Promise<Result<{ changed: string[] }, "forbidden" | "not_found" | "illegal_state" | "invalid">> {
  if (!can(actor.role, "update:application:own")) return { ok: false, reason: "forbidden" };
  const parsed = profileUpdate.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  return db.transaction(async (tx) => {
    const volunteer = await lockVolunteer(tx, and(own(actor), isNotNull(volunteers.submittedAt)));
    if (!volunteer) return { ok: false as const, reason: "not_found" as const };
    if (!editable.includes(volunteer.status)) return { ok: false as const, reason: "illegal_state" as const };
    const answers = parseAnswers(volunteer.answers);
    const changed: string[] = [];
    for (const step of profileSections) {
      const next = parsed.data[step];
      if (!next) continue;
      const previous = (answers[step] ?? {}) as Record<string, unknown>;
      for (const [field, value] of Object.entries(next)) {
        if (JSON.stringify(previous[field]) !== JSON.stringify(value)) changed.push(`${step}.${field}`);
      }
      (answers as Record<string, unknown>)[step] = next;
    }
    if (changed.length === 0) return { ok: true as const, changed };
    await tx
      .update(volunteers)
      .set({ answers: answers as Record<string, unknown>, ...columnsFrom(answers), updatedAt: new Date() })
      .where(eq(volunteers.id, volunteer.id));
    await audit(tx, originOf(actor), { action: "application.profile_updated", subjectType: "volunteer", subjectId: volunteer.id, details: { fields: changed } });
    return { ok: true as const, changed };
  });
}

export type ReapplyResult =
  | { ok: true; volunteerId: string }
  | Refusal<"forbidden" | "not_found" | "illegal_state">
  | { ok: false; reason: "too_early"; from: string };

/**
 * Withdrawn or rejected → draft, for a new application on the same account (ADR 0010). The answers stay for
 * the volunteer to review and send again; the screening starts afresh: the earlier round's checks,
 * reference outcomes and decision are cleared here and remain in the audit trail. A rejected volunteer
 * waits six months from the decision.
 */
export async function reapply(deps: VolunteerDeps, actor: Actor, options: { today?: string } = {}): Promise<ReapplyResult> {
  if (!can(actor.role, "create:application:own")) return { ok: false, reason: "forbidden" };
  const today = options.today ?? copenhagenToday();
  return deps.db.transaction(async (tx) => {
    const volunteer = await lockVolunteer(tx, own(actor));
    if (!volunteer) return { ok: false as const, reason: "not_found" as const };
    if (!reapplicable.includes(volunteer.status)) return { ok: false as const, reason: "illegal_state" as const };
    const from = reapplyOpensOn(volunteer);
    if (from && today < from) return { ok: false as const, reason: "too_early" as const, from };

    const answers = parseAnswers(volunteer.answers);
    // Consent to the criminal-record check and the code-of-conduct signature belong to one screening: a
    // withdrawal takes them back, and a new round asks for them again.
    delete answers.consents;
    await tx.delete(vettingChecks).where(eq(vettingChecks.volunteerId, volunteer.id));
    await tx
      .update(volunteerReferences)
      .set({ outcome: null, noteEncrypted: null, checkedBy: null, checkedAt: null })
      .where(eq(volunteerReferences.volunteerId, volunteer.id));
    await tx
      .update(volunteers)
      .set({
        status: "draft",
        answers: answers as Record<string, unknown>,
        submittedAt: null,
        decidedAt: null,
        decidedBy: null,
        rejectionReason: null,
        decisionNoteEncrypted: null,
        approvedUntil: null,
        renewalNotifiedAt: null,
        // A draft has no checklist; submitting opens a new one and recounts.
        checksPassed: 0,
        checksRequired: 0,
        nextStep: null,
        updatedAt: new Date(),
      })
      .where(eq(volunteers.id, volunteer.id));
    await audit(tx, originOf(actor), { action: "application.reopened", subjectType: "volunteer", subjectId: volunteer.id, details: { from: volunteer.status } });
    return { ok: true as const, volunteerId: volunteer.id };
  });
}
