export const associationKinds = ["sports", "culture", "humanitarian", "scouting", "church", "other"] as const;
export const associationStatuses = ["pending", "approved", "rejected", "suspended"] as const;
export const taskCategories = ["sport", "culture", "shop", "nature", "children", "practical", "social", "other"] as const;
export const taskStatuses = ["draft", "awaiting_approval", "open", "filled", "closed", "expired"] as const;
export const taskSchedules = ["one_off", "recurring", "flexible"] as const;
/** The low-threshold tags a task can carry: what makes it easy to say yes to. */
export const taskTags = ["no_experience", "bring_someone", "evenings", "weekends", "outdoor", "quiet", "short"] as const;
export const participationStatuses = ["proposed", "active", "completed", "declined", "withdrawn", "cancelled"] as const;

export type AssociationKind = (typeof associationKinds)[number];
export type TaskCategory = (typeof taskCategories)[number];
export type TaskTag = (typeof taskTags)[number];

export type { Actor, Refusal, Result } from "~/modules/volunteers/types";
