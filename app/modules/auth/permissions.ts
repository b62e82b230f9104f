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
  | "update:vetting-policy:any";

const ownAccount: Permission[] = ["read:account:own", "update:account:own"];
const ownApplication: Permission[] = ["create:application:own", "read:application:own", "update:application:own"];
const vetting: Permission[] = ["read:vetting:any", "update:vetting:any", "approve:vetting:any"];

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
  ],
  coordinator: [...ownAccount, "read:staff-area:any", ...vetting],
  volunteer: [...ownAccount, ...ownApplication],
  association: ownAccount,
};

export function can(role: Role, permission: Permission) {
  return rolePermissions[role].includes(permission);
}

/** Staff work with sensitive records and get shorter sessions (ADR 0002). */
export function isStaff(role: Role) {
  return role === "admin" || role === "coordinator";
}
