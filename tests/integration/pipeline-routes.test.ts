import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "#db/schema";
import { translator } from "~/i18n/catalogue";
import { generateEncryptionKey } from "~/modules/crypto/encryption.server";
import type { VolunteerDeps } from "~/modules/volunteers/context.server";
import { listPipeline } from "~/modules/volunteers/coordinator.server";
import { getSetting } from "~/modules/settings/settings.server";
import { getPolicy } from "~/modules/volunteers/policy.server";
import { recordInterview } from "~/modules/volunteers/vetting.server";
import { action as policyAction, loader as policyLoader } from "~/routes/admin.vetting-policy";
import { loader as csvLoader } from "~/routes/coordinator.volunteers.csv";
import { loader as pipelineLoader } from "~/routes/coordinator.volunteers._index";
import { buildUser } from "../factories/users";
import { actorOf, createSubmittedVolunteer } from "../factories/volunteers";
import { createTestContext } from "../helpers/context";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { loggedInUser, request } from "../helpers/sessions";

let database: TestDatabase;
let context: () => ReturnType<typeof createTestContext>;
let coordinator: Awaited<ReturnType<typeof loggedInUser>>;
let admin: Awaited<ReturnType<typeof loggedInUser>>;
const town = `Vorbasse ${Date.now()}`;
const interviewed: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  context = () => createTestContext(database.handle);
  const deps: VolunteerDeps = { db: database.db, jobs: context().jobs, env: context().env, key: generateEncryptionKey() };
  coordinator = await loggedInUser(database.db, { role: "coordinator" });
  admin = await loggedInUser(database.db, { role: "admin" });
  const passwordHash = (await buildUser()).passwordHash;
  const availability = { town, slots: ["mon:evening"], afterHoursReachable: false };
  // Twelve in one town: eleven still need their interview (two pages of ten), one has had it.
  for (let i = 0; i < 12; i++) {
    // One name a spreadsheet would run as a formula, to prove the export neutralises it.
    const name = i === 0 ? "=HYPERLINK(1)" : `Frivillig ${i}`;
    const { volunteerId } = await createSubmittedVolunteer(deps, { user: { name, passwordHash }, overrides: { availability } });
    if (i === 11) {
      await recordInterview(deps, actorOf(coordinator.user), volunteerId, {
        outcome: "passed",
        notes: { motivation: "God", boundaries: "Klare", availability: "Aftener", concerns: "Ingen" },
      });
      interviewed.push(volunteerId);
    }
  }
});
afterAll(() => database.close());

/** Runs a loader or action the way Remix does, returning what it returned or threw. */
async function run<T>(handler: (args: never) => Promise<T>, req: Request): Promise<T | Response> {
  try {
    return await handler({ request: req, context: context(), params: {} } as never);
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

const filter = `town=${encodeURIComponent(town)}&quick=needs_interview`;

describe("the pipeline page", () => {
  it("filters by a quick filter and pages in the database, showing what the module lists", async () => {
    const result = await run(pipelineLoader, request(`/coordinator/volunteers?${filter}&size=10&page=2`, { cookie: coordinator.cookie }));
    if (result instanceof Response) throw new Error(`unexpected response ${result.status}`);
    expect(result.total).toBe(11);
    expect(result.rows).toHaveLength(1);
    const module = await listPipeline(database.db, actorOf(coordinator.user), { town, quick: "needs_interview", size: 10, page: 2 });
    expect(result.rows.map((row) => row.id)).toEqual(module?.rows.map((row) => row.id));
    expect(result.rows[0]?.id).not.toBe(interviewed[0]);

    const first = await run(pipelineLoader, request(`/coordinator/volunteers?${filter}&size=10`, { cookie: coordinator.cookie }));
    if (first instanceof Response) throw new Error(`unexpected response ${first.status}`);
    expect(first.rows).toHaveLength(10);
    expect(first.rows.map((row) => row.id)).not.toContain(interviewed[0]);
  });

  it("sends a page past the end back to the last page", async () => {
    const result = await run(pipelineLoader, request(`/coordinator/volunteers?${filter}&size=10&page=9`, { cookie: coordinator.cookie }));
    expect(result).toBeInstanceOf(Response);
    const response = result as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toMatch(/^\/coordinator\/volunteers\?.*page=2/);
  });

  it("is refused to a volunteer", async () => {
    const volunteer = await loggedInUser(database.db, { role: "volunteer" });
    const result = await run(pipelineLoader, request("/coordinator/volunteers", { cookie: volunteer.cookie }));
    expect((result as Response).status).toBe(403);
  });
});

describe("the pipeline CSV export", () => {
  it("downloads the whole filter with a BOM, a header in the user's language and one line per row, audited", async () => {
    const response = await run(csvLoader, request(`/coordinator/volunteers/csv?${filter}&page=2&size=10`, { cookie: coordinator.cookie }));
    if (!(response instanceof Response)) throw new Error("expected a Response");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="frivillige-\d{4}-\d{2}-\d{2}\.csv"$/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes).slice(1);
    const lines = text.split("\r\n").filter(Boolean);
    const t = translator("da");
    expect(lines[0]).toBe(
      ["name", "email", "status", "kind", "town", "submittedOn", "daysWaiting", "checksPassed", "checksRequired", "nextStep", "approvedUntil", "coordinator"]
        .map((column) => t(`vetting.csv.columns.${column}` as Parameters<typeof t>[0]))
        .join(";"),
    );
    // Every row of the filter, not the page in the URL.
    expect(lines).toHaveLength(1 + 11);
    expect(lines.slice(1).every((line) => line.includes(`;${town};`) && line.includes(";Under screening;"))).toBe(true);
    expect(lines.some((line) => line.startsWith("'=HYPERLINK(1);"))).toBe(true);

    const [event] = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "vetting.exported"), eq(auditEvents.actorId, coordinator.user.id)));
    expect(event?.details).toMatchObject({ town, quick: "needs_interview", rows: 11 });
  });
});

function policyForm(fields: [string, string][]) {
  return request("/admin/vetting-policy", {
    method: "POST",
    cookie: admin.cookie,
    body: new URLSearchParams(fields),
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
  });
}

describe("the vetting policy page", () => {
  it("shows every kind's policy and the four-eyes setting to an admin", async () => {
    const result = await run(policyLoader, request("/admin/vetting-policy", { cookie: admin.cookie }));
    if (result instanceof Response) throw new Error(`unexpected response ${result.status}`);
    expect(result.policies.map((policy) => policy.kind).sort()).toEqual(["business", "civil_society", "company"]);
    expect(typeof result.fourEyes).toBe("boolean");
  });

  it("refuses bad input field by field and keeps what was typed", async () => {
    const before = await getPolicy(database.db, "company");
    const result = await run(
      policyAction,
      policyForm([
        ["intent", "policy"],
        ["kind", "company"],
        ["requiredSteps", "interview"],
        ["requiredSteps", "bribe"],
        ["referencesRequired", "6"],
        ["attestRenewalMonths", "two years"],
      ]),
    );
    expect(result).toMatchObject({
      type: "DataWithResponseInit",
      init: { status: 400 },
      data: {
        kind: "company",
        errors: {
          requiredSteps: "validation.invalid",
          referencesRequired: "vetting.policy.referencesRange",
          attestRenewalMonths: "vetting.policy.monthsRange",
        },
        values: { referencesRequired: "6", attestRenewalMonths: "two years" },
      },
    });
    expect(await getPolicy(database.db, "company")).toEqual(before);
  });

  it("saves good input and says so", async () => {
    const result = await run(
      policyAction,
      policyForm([
        ["intent", "policy"],
        ["kind", "company"],
        ["requiredSteps", "training"],
        ["requiredSteps", "interview"],
        ["referencesRequired", "1"],
        ["attestRenewalMonths", "36"],
      ]),
    );
    const response = result as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/admin/vetting-policy");
    expect(response.headers.get("Set-Cookie")).toContain("vetting.policy.saved");
    expect(await getPolicy(database.db, "company")).toMatchObject({
      requiredSteps: ["interview", "training"],
      referencesRequired: 1,
      attestRenewalMonths: 36,
      updatedBy: admin.user.id,
    });
  });

  it("turns the four-eyes rule off when the box is unticked", async () => {
    const result = await run(policyAction, policyForm([["intent", "approval"]]));
    expect((result as Response).status).toBe(302);
    expect(await getSetting(database.db, "four_eyes_approval")).toBe(false);
    await run(policyAction, policyForm([["intent", "approval"], ["fourEyes", "on"]]));
    expect(await getSetting(database.db, "four_eyes_approval")).toBe(true);
  });

  it("is refused to a coordinator", async () => {
    const result = await run(
      policyAction,
      request("/admin/vetting-policy", { cookie: coordinator.cookie, form: { intent: "approval" } }),
    );
    expect((result as Response).status).toBe(403);
  });
});
