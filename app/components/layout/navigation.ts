import type { MessageKey } from "~/i18n/catalogue";
import { can, type Permission, type Role } from "~/modules/auth/permissions";

interface NavItem {
  to: string;
  label: MessageKey;
  /** Shown only to those who hold it; items without one are for every logged-in user. */
  permission?: Permission;
}

const signedIn: NavItem[] = [
  { to: "/dashboard", label: "layout.nav.dashboard" },
  { to: "/courses", label: "courses.nav.catalogue", permission: "create:booking:own" },
  { to: "/my-courses", label: "courses.nav.mine", permission: "read:booking:own" },
  { to: "/pairings", label: "pairings.nav.mine", permission: "read:pairing:own" },
  { to: "/association", label: "associations.nav.mine", permission: "read:association:own" },
  { to: "/association/tasks", label: "tasks.nav.own", permission: "update:association:own" },
  { to: "/tasks", label: "tasks.nav.public" },
  { to: "/coordinator/volunteers", label: "vetting.nav.volunteers", permission: "read:vetting:any" },
  { to: "/coordinator/youths", label: "youths.nav.youths", permission: "read:youth:any" },
  { to: "/coordinator/courses", label: "courseAdmin.nav.courses", permission: "read:course:any" },
  { to: "/coordinator/associations", label: "associations.nav.review", permission: "read:association:any" },
  { to: "/coordinator/reports", label: "reports.nav.reports", permission: "read:report:any" },
  { to: "/admin/users", label: "layout.nav.users", permission: "read:user:any" },
  { to: "/admin/mailbox", label: "layout.nav.mailbox", permission: "read:mailbox:any" },
  { to: "/admin/audit", label: "layout.nav.audit", permission: "read:audit:any" },
  { to: "/admin/vetting-policy", label: "vetting.nav.policy", permission: "update:vetting-policy:any" },
  { to: "/admin/follow-up-settings", label: "followUp.nav.settings", permission: "update:follow-up-settings:any" },
  { to: "/account", label: "layout.nav.account" },
];

const visitor: NavItem[] = [
  { to: "/", label: "layout.nav.home" },
  { to: "/courses", label: "courses.nav.catalogue" },
  { to: "/tasks", label: "tasks.nav.public" },
  { to: "/login", label: "layout.nav.login" },
  { to: "/signup", label: "layout.nav.signup" },
];

export function navigationFor(role: Role | null): NavItem[] {
  if (!role) return visitor;
  return signedIn.filter((item) => !item.permission || can(role, item.permission));
}
