import type { Role } from "#db/schema/auth";

export type { Role };
export const roles = ["admin", "coordinator", "volunteer", "association"] as const satisfies readonly Role[];

/**
 * `action:entity:scope`. `any` reaches every record of the entity; `own` only the actor's own, which the
 * module enforces inside its query.
 */
export type Permission =
  | "read:account:own"
  | "update:account:own"
  | "read:user:any"
  | "update:user:any"
  | "read:mailbox:any"
  | "read:audit:any"
  | "read:staff-area:any"
  | "create:application:own"
  | "read:application:own"
  | "update:application:own"
  | "read:vetting:any"
  | "update:vetting:any"
  | "approve:vetting:any"
  | "update:vetting-policy:any"
  | "create:booking:own"
  | "read:booking:own"
  | "update:booking:own"
  | "read:course:any"
  | "update:course:any"
  | "update:course-settings:any"
  | "read:youth:any"
  | "update:youth:any"
  | "read:pairing:own"
  | "update:pairing:own"
  | "read:report:any"
  | "update:follow-up-settings:any"
  | "read:association:own"
  | "update:association:own"
  | "read:association:any"
  | "update:association:any"
  | "create:participation:any";

const ownAccount: Permission[] = ["read:account:own", "update:account:own"];
const ownApplication: Permission[] = ["create:application:own", "read:application:own", "update:application:own"];
const vetting: Permission[] = ["read:vetting:any", "update:vetting:any", "approve:vetting:any"];
const ownBookings: Permission[] = ["create:booking:own", "read:booking:own", "update:booking:own"];
const courseAdministration: Permission[] = ["read:course:any", "update:course:any"];
const youthRecords: Permission[] = ["read:youth:any", "update:youth:any"];
const associationReview: Permission[] = ["read:association:any", "update:association:any", "create:participation:any"];

export const rolePermissions: Record<Role, readonly Permission[]> = {
  admin: [
    ...ownAccount,
    "read:user:any",
    "update:user:any",
    "read:mailbox:any",
    "read:audit:any",
    "read:staff-area:any",
    ...vetting,
    "update:vetting-policy:any",
    ...courseAdministration,
    "update:course-settings:any",
    ...youthRecords,
    "read:report:any",
    "update:follow-up-settings:any",
    ...associationReview,
  ],
  coordinator: [...ownAccount, "read:staff-area:any", ...vetting, ...courseAdministration, ...youthRecords, "read:report:any", ...associationReview],
  volunteer: [...ownAccount, ...ownApplication, ...ownBookings, "read:pairing:own", "update:pairing:own"],
  association: [...ownAccount, "read:association:own", "update:association:own"],
};

export function can(role: Role, permission: Permission) {
  return rolePermissions[role].includes(permission);
}

/** Staff work with sensitive records and get shorter sessions (ADR 0002). */
export function isStaff(role: Role) {
  return role === "admin" || role === "coordinator";
}
