import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "#db/schema";
import { can, roles, type Permission } from "~/modules/auth/permissions";
import { createTestContext } from "../helpers/context";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { loggedInUser, request } from "../helpers/sessions";

/**
 * Every route module, and who may reach it. A new route file that is missing here fails this test, so
 * nobody can add a page without deciding its access and having the guard proved.
 */
type Access =
  /** Anyone may see it; `action`, when given, is the permission its action needs (booking on a course's page). */
  | { kind: "public"; action?: Permission }
  /** Only for visitors: a logged-in user is sent on to their start page. */
  | { kind: "anonymous" }
  | { kind: "user" }
  | { kind: "permission"; loader?: Permission; action?: Permission };

const access: Record<string, Access> = {
  "_index.tsx": { kind: "public" },
  "$.tsx": { kind: "public" },
  "accessibility-statement.tsx": { kind: "public" },
  "privacy.tsx": { kind: "public" },
  "mentor.$kind.tsx": { kind: "public" },
  "courses._index.tsx": { kind: "public" },
  "courses.$sessionId.tsx": { kind: "public", action: "create:booking:own" },
  "check-email.tsx": { kind: "public" },
  "verify-email.tsx": { kind: "public" },
  "reset-password.tsx": { kind: "public" },
  "confirm-email.tsx": { kind: "public" },
  "language.tsx": { kind: "public" },
  "logout.tsx": { kind: "public" },
  "login.tsx": { kind: "anonymous" },
  "signup.tsx": { kind: "anonymous" },
  "forgot-password.tsx": { kind: "anonymous" },
  "associations.register.tsx": { kind: "anonymous" },
  "association-invite.$token.tsx": { kind: "anonymous" },
  "dashboard.tsx": { kind: "user" },
  "account.tsx": { kind: "permission", loader: "read:account:own" },
  "account._index.tsx": { kind: "permission", loader: "read:account:own", action: "update:account:own" },
  "account.password.tsx": { kind: "permission", loader: "update:account:own", action: "update:account:own" },
  "account.email.tsx": { kind: "permission", loader: "update:account:own", action: "update:account:own" },
  "admin.users._index.tsx": { kind: "permission", loader: "read:user:any" },
  "admin.users.$userId.tsx": { kind: "permission", loader: "read:user:any", action: "update:user:any" },
  "admin.audit.tsx": { kind: "permission", loader: "read:audit:any" },
  "admin.mailbox._index.tsx": { kind: "permission", loader: "read:mailbox:any" },
  "admin.mailbox.$messageId.tsx": { kind: "permission", loader: "read:mailbox:any" },
  "admin.mailbox.$messageId.html.tsx": { kind: "permission", loader: "read:mailbox:any" },
  "admin.mailbox.$messageId.attachments.$index.tsx": { kind: "permission", loader: "read:mailbox:any" },
  "admin.vetting-policy.tsx": { kind: "permission", loader: "update:vetting-policy:any", action: "update:vetting-policy:any" },
  "coordinator.volunteers._index.tsx": { kind: "permission", loader: "read:vetting:any" },
  "coordinator.volunteers.csv.tsx": { kind: "permission", loader: "read:vetting:any" },
  "coordinator.volunteers.$volunteerId.tsx": { kind: "permission", loader: "read:vetting:any", action: "update:vetting:any" },
  "coordinator.youths._index.tsx": { kind: "permission", loader: "read:youth:any" },
  "coordinator.youths.new.tsx": { kind: "permission", loader: "update:youth:any", action: "update:youth:any" },
  "coordinator.youths.$youthId.tsx": { kind: "permission", loader: "read:youth:any", action: "update:youth:any" },
  "coordinator.youths.$youthId_.match.tsx": { kind: "permission", loader: "read:youth:any", action: "update:youth:any" },
  "coordinator.reports.tsx": { kind: "permission", loader: "read:report:any" },
  "coordinator.reports[.csv].tsx": { kind: "permission", loader: "read:report:any" },
  "coordinator.pairings.$pairingId.tsx": { kind: "permission", loader: "read:youth:any", action: "update:youth:any" },
  "coordinator.courses._index.tsx": { kind: "permission", loader: "read:course:any" },
  "coordinator.courses.new.tsx": { kind: "permission", loader: "update:course:any", action: "update:course:any" },
  "coordinator.courses.$courseId.tsx": { kind: "permission", loader: "read:course:any", action: "update:course:any" },
  "coordinator.sessions.$sessionId.tsx": { kind: "permission", loader: "read:course:any", action: "update:course:any" },
  "coordinator.sessions.$sessionId.csv.tsx": { kind: "permission", loader: "read:course:any" },
  "admin.course-settings.tsx": { kind: "permission", loader: "update:course-settings:any", action: "update:course-settings:any" },
  "admin.follow-up-settings.tsx": { kind: "permission", loader: "update:follow-up-settings:any", action: "update:follow-up-settings:any" },
  "apply.tsx": { kind: "permission", loader: "create:application:own" },
  "apply.$step.tsx": { kind: "permission", loader: "create:application:own", action: "create:application:own" },
  "application.tsx": { kind: "permission", loader: "read:application:own", action: "update:application:own" },
  "application_.edit.$section.tsx": { kind: "permission", loader: "update:application:own", action: "update:application:own" },
  "my-courses._index.tsx": { kind: "permission", loader: "read:booking:own" },
  "my-courses.$bookingId[.ics].tsx": { kind: "permission", loader: "read:booking:own" },
  "pairings._index.tsx": { kind: "permission", loader: "read:pairing:own" },
  "pairings.$pairingId.tsx": { kind: "permission", loader: "read:pairing:own", action: "update:pairing:own" },
  // Mentors propose too, for their own pairing's youth; a volunteer who is no mentor and an association are refused.
  "tasks.$taskId_.propose.tsx": { kind: "permission", loader: "create:participation:any", action: "create:participation:any" },
  "association.proposals._index.tsx": { kind: "permission", loader: "read:association:own" },
  "association.proposals.$participationId.tsx": { kind: "permission", loader: "read:association:own", action: "update:association:own" },
  "tasks._index.tsx": { kind: "public" },
  "tasks.$taskId.tsx": { kind: "public" },
  "association.tasks._index.tsx": { kind: "permission", loader: "read:association:own" },
  "association.tasks.new.tsx": { kind: "permission", loader: "read:association:own", action: "update:association:own" },
  "association.tasks.$taskId.tsx": { kind: "permission", loader: "read:association:own", action: "update:association:own" },
  "coordinator.tasks._index.tsx": { kind: "permission", loader: "read:association:any" },
  "coordinator.tasks.$taskId.tsx": { kind: "permission", loader: "read:association:any", action: "update:association:any" },
  "association._index.tsx": { kind: "permission", loader: "read:association:own", action: "update:association:own" },
  "coordinator.associations._index.tsx": { kind: "permission", loader: "read:association:any" },
  "coordinator.associations.$associationId.tsx": { kind: "permission", loader: "read:association:any", action: "update:association:any" },
};

const routesDir = path.resolve("app/routes");
const routeFiles = fs.readdirSync(routesDir).filter((file) => /\.(tsx?|jsx?)$/.test(file));

type Handler = (args: { request: Request; context: unknown; params: Record<string, string> }) => unknown;
interface RouteModule {
  loader?: Handler;
  action?: Handler;
}

/** The URL a route file answers, with made-up values for its params. */
function urlFor(file: string) {
  const segments = file
    .replace(/\.(tsx?|jsx?)$/, "")
    .split(".")
    .filter((segment) => segment !== "_index")
    .map((segment) => (segment.startsWith("$") ? (segment === "$" ? "no-such-page" : "00000000-0000-4000-8000-000000000000") : segment));
  return `/${segments.join("/")}`.replace(/^\/_index$/, "/");
}

function paramsFor(file: string) {
  const params: Record<string, string> = {};
  for (const segment of file.replace(/\.(tsx?|jsx?)$/, "").split(".")) {
    if (segment === "$") params["*"] = "no-such-page";
    // A trailing "_" keeps a route out of its parent's layout; it is not part of the param's name.
    else if (segment.startsWith("$")) params[segment.slice(1).replace(/_$/, "")] = "00000000-0000-4000-8000-000000000000";
  }
  return params;
}

/** Runs a loader or action and returns its Response: thrown or returned, the way Remix would see it. */
async function call(handler: Handler, file: string, method: "GET" | "POST", cookie?: string) {
  const init = method === "POST" ? { form: {}, cookie } : { cookie };
  try {
    const result = await handler({ request: request(urlFor(file), init), context: context(), params: paramsFor(file) });
    return result instanceof Response ? result : null;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

function isRefusal(response: Response | null) {
  if (!response) return false;
  if ([401, 403, 404].includes(response.status)) return true;
  return response.status >= 300 && response.status < 400 && (response.headers.get("Location") ?? "").startsWith("/login");
}

let database: TestDatabase;
let context: () => ReturnType<typeof createTestContext>;
const cookies = {} as Record<Role, string>;

beforeAll(async () => {
  database = await createTestDatabase();
  context = () => createTestContext(database.handle);
  for (const role of roles) cookies[role] = (await loggedInUser(database.db, { role })).cookie;
});
afterAll(() => database.close());

describe("route access", () => {
  it("knows every route module", () => {
    const unknown = routeFiles.filter((file) => !(file in access));
    expect(unknown, "add these routes to the access table with the permission their guard checks").toEqual([]);
    const stale = Object.keys(access).filter((file) => !routeFiles.includes(file));
    expect(stale, "these routes no longer exist").toEqual([]);
  });

  const guarded = Object.entries(access).filter(([, rule]) => rule.kind === "user" || rule.kind === "permission");

  describe.each(guarded)("%s", (file, rule) => {
    it("sends anonymous visitors to the login page", async () => {
      const module = (await import(path.join(routesDir, file))) as RouteModule;
      for (const [method, handler] of [["GET", module.loader], ["POST", module.action]] as const) {
        if (!handler) continue;
        const response = await call(handler, file, method);
        expect(response?.status, `${method} ${file}`).toBe(302);
        expect(response?.headers.get("Location"), `${method} ${file}`).toMatch(/^\/login/);
      }
    });

    if (rule.kind !== "permission") return;
    const outsiders = (permission: Permission | undefined) =>
      permission ? roles.filter((role) => !can(role, permission)) : [];

    it("refuses roles without the permission", async () => {
      const module = (await import(path.join(routesDir, file))) as RouteModule;
      expect(module.loader || module.action, `${file} has neither loader nor action`).toBeTruthy();
      for (const [method, handler, permission] of [
        ["GET", module.loader, rule.loader],
        ["POST", module.action, rule.action],
      ] as const) {
        if (!handler) continue;
        expect(permission, `${method} ${file}: name the permission it needs`).toBeDefined();
        for (const role of outsiders(permission)) {
          const response = await call(handler, file, method, cookies[role]);
          expect(isRefusal(response), `${method} ${file} as ${role} answered ${response?.status ?? "data"}`).toBe(true);
        }
      }
    });

    it("lets roles with the permission through the guard", async () => {
      const module = (await import(path.join(routesDir, file))) as RouteModule;
      const permission = rule.loader;
      if (!module.loader || !permission) return;
      const insider = roles.find((role) => can(role, permission))!;
      const response = await call(module.loader, file, "GET", cookies[insider]);
      // Past the guard a route may still 404 on the made-up id, but it never sends the user to log in or 403s.
      expect(response?.status ?? 200).not.toBe(403);
      expect(response?.headers.get("Location") ?? "").not.toMatch(/^\/login/);
    });
  });

  const publicWithAction = Object.entries(access).flatMap(([file, rule]) => (rule.kind === "public" && rule.action ? [[file, rule.action] as const] : []));

  describe.each(publicWithAction)("%s, a public page whose action needs %s", (file, permission) => {
    it("sends anonymous posts to the login page and refuses roles without the permission", async () => {
      const { action } = (await import(path.join(routesDir, file))) as RouteModule;
      const anonymous = await call(action!, file, "POST");
      expect(anonymous?.status).toBe(302);
      expect(anonymous?.headers.get("Location")).toMatch(/^\/login/);
      for (const role of roles.filter((candidate) => !can(candidate, permission))) {
        const response = await call(action!, file, "POST", cookies[role]);
        expect(isRefusal(response), `POST ${file} as ${role} answered ${response?.status ?? "data"}`).toBe(true);
      }
    });
  });

  it("sends logged-in users away from the visitor-only pages", async () => {
    for (const [file] of Object.entries(access).filter(([, rule]) => rule.kind === "anonymous")) {
      const module = (await import(path.join(routesDir, file))) as RouteModule;
      const response = await call(module.loader!, file, "GET", cookies.volunteer);
      expect(response?.headers.get("Location"), file).toBe("/dashboard");
    }
  });
});
