import type { Role } from "~/modules/auth/permissions";

export const mentorKinds = ["business", "civil_society", "company"] as const;
export const volunteerStatuses = ["draft", "submitted", "approved", "paused", "rejected", "withdrawn", "expired"] as const;
export const vettingSteps = ["interview", "references", "criminal_record", "code_of_conduct", "training"] as const;
export const checkStates = ["pending", "passed", "failed", "waived"] as const;
export const rejectionReasons = ["not_eligible", "references", "criminal_record", "interview", "capacity", "other"] as const;
export const attestResults = ["ok", "not_ok", "not_required"] as const;
export const referenceOutcomes = ["positive", "negative", "unreachable"] as const;

export type MentorKind = (typeof mentorKinds)[number];
export type VolunteerStatus = (typeof volunteerStatuses)[number];
export type VettingStep = (typeof vettingSteps)[number];
export type RejectionReason = (typeof rejectionReasons)[number];

/** The code of conduct's current text version; signing an older one leaves the step for a coordinator. */
export const CODE_OF_CONDUCT_VERSION = "2026-1";

/** Who acts, with what the audit trail needs to know about the request. */
export interface Actor {
  id: string;
  role: Role;
  requestId?: string | null;
  ip?: string | null;
}

export type Refusal<R extends string> = { ok: false; reason: R };
export type Result<T extends object, R extends string> = ({ ok: true } & T) | Refusal<R>;
