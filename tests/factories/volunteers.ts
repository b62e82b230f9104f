import type { Database } from "#db/client.server";
import type { MentorKind } from "#db/schema";
import { saveApplicationStep, submitApplication } from "~/modules/volunteers/application.server";
import type { VolunteerDeps } from "~/modules/volunteers/context.server";
import type { ApplicationStepName } from "~/modules/volunteers/schemas";
import { copenhagenToday } from "~/modules/volunteers/dates";
import { CODE_OF_CONDUCT_VERSION, type Actor } from "~/modules/volunteers/types";
import { approve, recordAttest, recordInterview, recordReference, recordTraining } from "~/modules/volunteers/vetting.server";
import { createUser, type UserSpec } from "./users";

export function actorOf(user: { id: string; role: Actor["role"] }): Actor {
  return { id: user.id, role: user.role, requestId: "test", ip: "203.0.113.9" };
}

/** Every step of a complete application, in form order; `overrides` replaces a step's answers. */
export function completeApplication(
  kind: MentorKind = "business",
  overrides: Partial<Record<ApplicationStepName, unknown>> = {},
): [ApplicationStepName, unknown][] {
  const steps: Record<ApplicationStepName, unknown> = {
    kind: { kind },
    about: {
      motivation: "Jeg vil gerne give noget videre til unge, der har det svært.",
      experience: "Tyve år som værkfører; træner et U17-hold.",
      occupation: "Værkfører",
      employer: kind === "company" ? "Billund Maskinfabrik" : undefined,
    },
    interests: { interests: ["sport", "technology"], ownWords: "Fiskeri og gamle knallerter", languages: ["da", "en"] },
    availability: { town: "Grindsted", slots: ["mon:evening", "wed:evening", "weekend:daytime"], afterHoursReachable: true },
    preferences: { capacity: 2, ageMin: 16, ageMax: 25, genderPreference: "any" },
    references: {
      references: [
        { name: "Karen Holm", relation: "Tidligere chef", phone: "+45 20 30 40 50" },
        { name: "Ole Bak", relation: "Formand i fodboldklubben", email: "ole@example.test" },
      ],
    },
    consents: { criminalRecordConsent: true, codeOfConductVersion: CODE_OF_CONDUCT_VERSION, privacyAcknowledged: true },
  };
  return (Object.keys(steps) as ApplicationStepName[]).map((step) => [step, overrides[step] ?? steps[step]]);
}

export interface ApplicantSpec {
  kind?: MentorKind;
  user?: UserSpec;
  overrides?: Partial<Record<ApplicationStepName, unknown>>;
}

/** Fills in every step of an application for an existing volunteer account; the draft's id. */
export async function fillApplication(db: Database, actor: Actor, spec: Omit<ApplicantSpec, "user"> = {}) {
  let volunteerId = "";
  for (const [step, input] of completeApplication(spec.kind, spec.overrides)) {
    const saved = await saveApplicationStep(db, actor, step, input);
    if (!saved.ok) throw new Error(`Factory step ${step} failed: ${JSON.stringify(saved)}`);
    volunteerId = saved.volunteerId;
  }
  return volunteerId;
}

/** A volunteer account with a complete draft application. */
export async function createApplicant(db: Database, spec: ApplicantSpec = {}) {
  const user = await createUser(db, { role: "volunteer", ...spec.user });
  const actor = actorOf(user);
  const volunteerId = await fillApplication(db, actor, spec);
  return { user, actor, volunteerId };
}

/** A submitted application, with its checklist opened. */
export async function createSubmittedVolunteer(deps: VolunteerDeps, spec: ApplicantSpec = {}) {
  const applicant = await createApplicant(deps.db, spec);
  const submitted = await submitApplication(deps, applicant.actor);
  if (!submitted.ok) throw new Error(`Factory submit failed: ${JSON.stringify(submitted)}`);
  return applicant;
}

/**
 * An approved mentor, vetted step by step through the module by two coordinators (four eyes), with the
 * application's answers as given in `spec.overrides`.
 */
export async function createApprovedMentor(deps: VolunteerDeps, spec: ApplicantSpec = {}) {
  const applicant = await createSubmittedVolunteer(deps, spec);
  const interviewer = actorOf(await createUser(deps.db, { role: "coordinator" }));
  const approver = actorOf(await createUser(deps.db, { role: "coordinator" }));
  const steps = [
    () => recordInterview(deps, interviewer, applicant.volunteerId, { outcome: "passed", notes: { motivation: "", boundaries: "", availability: "", concerns: "" } }),
    () => recordReference(deps, interviewer, applicant.volunteerId, { position: 1, outcome: "positive" }),
    () => recordReference(deps, interviewer, applicant.volunteerId, { position: 2, outcome: "positive" }),
    () => recordAttest(deps, interviewer, applicant.volunteerId, { result: "ok", assessedOn: copenhagenToday() }),
    () => recordTraining(deps, interviewer, applicant.volunteerId, { passed: true }),
    () => approve(deps, approver, applicant.volunteerId),
  ];
  for (const step of steps) {
    const result = await step();
    if (!result.ok) throw new Error(`Factory vetting failed: ${JSON.stringify(result)}`);
  }
  return applicant;
}
