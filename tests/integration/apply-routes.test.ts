import type { AppLoadContext } from "@remix-run/node";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { volunteers } from "#db/schema";
import { action as applicationAction, loader as applicationLoader } from "~/routes/application";
import { loader as layoutLoader } from "~/routes/apply";
import { action, loader } from "~/routes/apply.$step";
import { CODE_OF_CONDUCT_VERSION } from "~/modules/volunteers/types";
import { createTestContext, queuedJobs } from "../helpers/context";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { loggedInUser, request } from "../helpers/sessions";

let database: TestDatabase;
let context: AppLoadContext;

beforeAll(async () => {
  database = await createTestDatabase();
  // A fixed key: submitting does not encrypt, and the test must not write a key file into the data folder.
  context = createTestContext(database.handle, { env: { ...createTestContext(database.handle).env, ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64") } });
});
afterAll(() => database.close());

// The session is looked up once per request context, so each request gets its own, as on the server.
const fresh = (): AppLoadContext => ({ ...context });

type Result = { data: { errors: Record<string, string>; values: Record<string, string[]>; missing: string[] }; init: { status: number } };

async function applicant() {
  return loggedInUser(database.db, { role: "volunteer" });
}

async function post(cookie: string, step: string, form: Record<string, string | string[]>) {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(form)) for (const item of [value].flat()) body.append(name, item);
  const req = new Request(`http://localhost:3000/apply/${step}`, {
    method: "POST",
    headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
    body,
  });
  try {
    return (await action({ request: req, context: fresh(), params: { step } })) as Response | Result;
  } catch (thrown) {
    return thrown as Response;
  }
}

async function get(cookie: string, path: string) {
  const step = path.split("?")[0]!.split("/").pop()!;
  try {
    return await loader({ request: request(path, { cookie }), context: fresh(), params: { step } });
  } catch (thrown) {
    return thrown as Response;
  }
}

function location(result: unknown) {
  expect(result).toBeInstanceOf(Response);
  const response = result as Response;
  expect(response.status).toBe(302);
  return response.headers.get("Location");
}

const steps: [string, Record<string, string | string[]>][] = [
  ["kind", { kind: "business" }],
  ["about", { motivation: "Jeg vil gerne hjælpe unge videre.", experience: "Træner for U17.", occupation: "Værkfører", employer: "" }],
  ["interests", { interests: ["sport", "music"], ownWords: "", languages: ["da"], otherLanguages: "Færøsk" }],
  ["availability", { town: "other", townOther: "Give", slots: ["mon:evening", "weekend:daytime"], afterHoursReachable: "no" }],
  ["preferences", { capacity: "2", ageMin: "16", ageMax: "24", genderPreference: "any" }],
  [
    "references",
    {
      ref1Name: "Karen Holm",
      ref1Relation: "Tidligere chef",
      ref1Phone: "+45 20 30 40 50",
      ref1Email: "",
      ref2Name: "Ole Bak",
      ref2Relation: "Formand",
      ref2Phone: "",
      ref2Email: "ole@example.test",
    },
  ],
  ["consents", { criminalRecordConsent: "yes", codeOfConduct: "yes", codeOfConductVersion: CODE_OF_CONDUCT_VERSION, privacyAcknowledged: "yes" }],
];

describe("the application form", () => {
  it("sends /apply on to the first step, keeping the chosen kind", async () => {
    const { cookie } = await applicant();
    const result = await layoutLoader({ request: request("/apply?kind=company", { cookie }), context: fresh(), params: {} }).catch((thrown: unknown) => thrown);
    expect(location(result)).toBe("/apply/kind?kind=company");
    expect(await get(cookie, "/apply/kind?kind=company")).toMatchObject({ page: "kind", values: { kind: ["company"] } });
  });

  it("refuses a step with errors: 400, a catalogue message per field, what was typed kept, nothing saved", async () => {
    const { cookie, user } = await applicant();
    const result = (await post(cookie, "kind", {})) as Result;
    expect(result.init.status).toBe(400);
    expect(result.data.errors).toEqual({ kind: "application.kind.required" });
    expect(await database.db.select().from(volunteers).where(eq(volunteers.userId, user.id))).toHaveLength(0);

    expect(location(await post(cookie, "kind", { kind: "business" }))).toBe("/apply/about");
    const about = (await post(cookie, "about", { motivation: "  ", experience: "Masser", occupation: "Lærer" })) as Result;
    expect(about.init.status).toBe(400);
    expect(about.data.errors).toEqual({ motivation: "validation.required" });
    expect(about.data.values.occupation).toEqual(["Lærer"]);
    const [row] = await database.db.select().from(volunteers).where(eq(volunteers.userId, user.id));
    expect(row?.answers).toEqual({});

    const references = (await post(cookie, "references", { ref1Name: "Karen", ref1Relation: "Chef", ref1Phone: "", ref1Email: "" })) as Result;
    expect(references.init.status).toBe(400);
    expect(references.data.errors).toMatchObject({ ref1Phone: "application.references.contactRequired", ref2Name: "validation.required" });
  });

  it("sends a later step back to the first one while there is no draft", async () => {
    const { cookie } = await applicant();
    expect(location(await get(cookie, "/apply/about"))).toBe("/apply/kind");
    expect(location(await post(cookie, "about", steps[1]![1]))).toBe("/apply/kind");
  });

  it("asks a company mentor for their workplace", async () => {
    const { cookie } = await applicant();
    await post(cookie, "kind", { kind: "company" });
    const result = (await post(cookie, "about", steps[1]![1])) as Result;
    expect(result.init.status).toBe(400);
    expect(result.data.errors).toEqual({ employer: "application.about.employerRequired" });
  });

  it("lists the missing steps when an incomplete draft is sent", async () => {
    const { cookie } = await applicant();
    await post(cookie, "kind", { kind: "civil_society" });
    await post(cookie, "about", steps[1]![1]);
    const result = (await post(cookie, "summary", {})) as Result;
    expect(result.init.status).toBe(400);
    expect(result.data.missing).toEqual(["interests", "availability", "preferences", "references", "consents"]);
  });

  it("saves each step, shows it again, and sends the whole application", async () => {
    const { cookie, user } = await applicant();
    for (const [index, [step, form]] of steps.entries()) {
      const next = index + 1 < steps.length ? steps[index + 1]![0] : "summary";
      expect(location(await post(cookie, step, form)), step).toBe(`/apply/${next}`);
    }

    expect(await get(cookie, "/apply/availability")).toMatchObject({
      values: { town: ["other"], townOther: ["Give"], slots: ["mon:evening", "weekend:daytime"], afterHoursReachable: ["no"] },
    });
    expect(await get(cookie, "/apply/interests")).toMatchObject({ values: { languages: ["da"], otherLanguages: ["Færøsk"], interests: ["sport", "music"] } });
    expect(await get(cookie, "/apply/references")).toMatchObject({ values: { ref2Email: ["ole@example.test"], ref1Phone: ["+45 20 30 40 50"] } });
    const summary = (await get(cookie, "/apply/summary")) as { progress: Record<string, boolean> };
    expect(Object.values(summary.progress).every(Boolean)).toBe(true);

    const submitted = await post(cookie, "summary", {});
    expect(location(submitted)).toBe("/application");
    const [row] = await database.db.select().from(volunteers).where(eq(volunteers.userId, user.id));
    expect(row?.status).toBe("submitted");
    const emails = await queuedJobs<{ to: string; template: string }>(database.db, "email");
    expect(emails.map((job) => job.data).filter((email) => email.to === user.email).map((email) => email.template)).toContain("applicationReceived");

    // Once sent, the form is closed and "Min ansøgning" shows the checklist.
    expect(location(await get(cookie, "/apply/about"))).toBe("/application");
    const mine = (await applicationLoader({ request: request("/application", { cookie }), context: fresh(), params: {} })) as {
      application: { status: string };
      checklist: { step: string; state: string }[];
    };
    expect(mine.application.status).toBe("submitted");
    expect(mine.checklist).toContainEqual({ step: "code_of_conduct", state: "done" });
    expect(mine.checklist).toContainEqual({ step: "interview", state: "waitingForUs" });
  });

  it("lets the volunteer withdraw", async () => {
    const { cookie, user } = await applicant();
    await post(cookie, "kind", { kind: "business" });
    const withdrawn = await applicationAction({ request: request("/application", { cookie, form: { intent: "withdraw" } }), context: fresh(), params: {} });
    expect(location(withdrawn)).toBe("/application");
    const [row] = await database.db.select().from(volunteers).where(eq(volunteers.userId, user.id));
    expect(row?.status).toBe("withdrawn");
  });
});
