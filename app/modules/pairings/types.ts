export const pairingStatuses = ["proposed", "accepted", "active", "declined", "withdrawn", "closed"] as const;
export const openPairingStatuses = ["proposed", "accepted", "active"] as const;
export const closeKinds = ["planned", "unplanned"] as const;
export const closeReasons = ["goal_reached", "youth_moved", "youth_withdrew", "mentor_withdrew", "poor_fit", "other"] as const;

export type PairingStatus = (typeof pairingStatuses)[number];

export type { Actor, Refusal, Result } from "~/modules/volunteers/types";
