import type { AppLoadContext } from "@remix-run/node";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { volunteers } from "#db/schema";
import { action as applicationAction, loader as applicationLoader } from "~/routes/application";
import { action as editAction, loader as editLoader } from "~/routes/application_.edit.$section";
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

type Handler = (args: { request: Request; context: AppLoadContext; params: Record<string, string> }) => Promise<unknown>;
type Form = Record<string, string | string[]>;

/** Calls a loader (without a form) or an action (with one) as Remix would; a thrown Response is returned. */
async function call(handler: Handler, path: string, params: Record<string, string>, cookie: string, form?: Form) {
  let init: RequestInit = {};
  if (form) {
    const body = new URLSearchParams();
    for (const [name, value] of Object.entries(form)) for (const item of [value].flat()) body.append(name, item);
    init = { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body };
  }
  try {
    return await handler({ request: request(path, { ...init, cookie }), context: fresh(), params });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

async function post(cookie: string, step: string, form: Form) {
  return (await call(action, `/apply/${step}`, { step }, cookie, form)) as Response | Result;
}

async function get(cookie: string, path: string) {
  const step = path.split("?")[0]!.split("/").pop()!;
  return call(loader, path, { step }, cookie);
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
});

/** An applicant who has sent the whole application through the form. */
async function submittedApplicant() {
  const { cookie, user } = await applicant();
  for (const [step, form] of steps) await post(cookie, step, form);
  expect(location(await post(cookie, "summary", {}))).toBe("/application");
  return { cookie, user };
}

async function rowOf(userId: string) {
  const [row] = await database.db.select().from(volunteers).where(eq(volunteers.userId, userId));
  return row!;
}

function toastOf(result: unknown) {
  return (result as Response).headers.get("Set-Cookie") ?? "";
}

type Mine = { application: { status: string; allowed: Record<string, unknown>; profile: Record<string, Record<string, unknown>> } };
type MineAction = { data: { problem: string | null; confirm: string | null }; init?: { status?: number } | null };

const mine = (cookie: string) => call(applicationLoader, "/application", {}, cookie) as Promise<Mine>;
const change = (cookie: string, form: Form) => call(applicationAction, "/application", {}, cookie, form) as Promise<Response | MineAction>;

describe("my application", () => {
  it("asks before withdrawing when no modal did, and withdraws on the confirmed second submit", async () => {
    const { cookie, user } = await submittedApplicant();
    for (const form of [{ intent: "withdraw" }, { intent: "withdraw", confirmed: "" }] as Form[]) {
      const asked = (await change(cookie, form)) as MineAction;
      expect(asked.data).toEqual({ problem: null, confirm: "withdraw" });
      expect((await rowOf(user.id)).status).toBe("submitted");
    }

    const withdrawn = await change(cookie, { intent: "withdraw", confirmed: "yes" });
    expect(location(withdrawn)).toBe("/application");
    expect(toastOf(withdrawn)).toContain("application.mine.withdrawn");
    expect((await rowOf(user.id)).status).toBe("withdrawn");
    expect((await mine(cookie)).application.allowed).toMatchObject({ withdraw: false, editProfile: false, reapply: true });
  });

  it("refuses an unknown intent without changing anything", async () => {
    const { cookie, user } = await submittedApplicant();
    const result = (await change(cookie, { intent: "approve" })) as MineAction;
    expect(result.init?.status).toBe(400);
    expect((await rowOf(user.id)).status).toBe("submitted");
  });

  it("reopens a withdrawn application and sends the volunteer to review it", async () => {
    const { cookie, user } = await submittedApplicant();
    await change(cookie, { intent: "withdraw", confirmed: "yes" });

    const reopened = await change(cookie, { intent: "reapply" });
    expect(location(reopened)).toBe("/apply/summary");
    expect(toastOf(reopened)).toContain("application.mine.reopened");
    expect((await rowOf(user.id)).status).toBe("draft");
    const summary = (await get(cookie, "/apply/summary")) as { progress: Record<string, boolean> };
    expect(summary.progress).toMatchObject({ about: true, interests: true, references: true, consents: false });

    const again = (await change(cookie, { intent: "reapply" })) as MineAction;
    expect(again.init?.status).toBe(409);
    expect(again.data.problem).toBe("application.mine.reapplyFailed");
  });

  it("tells a rejected volunteer from when they may apply again, and refuses before then", async () => {
    const { cookie, user } = await submittedApplicant();
    await database.db.update(volunteers).set({ status: "rejected", rejectionReason: "capacity", decidedAt: new Date() }).where(eq(volunteers.userId, user.id));
    const { allowed } = (await mine(cookie)).application;
    expect(allowed).toMatchObject({ reapply: false, withdraw: false, reapplyFrom: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });

    const early = (await change(cookie, { intent: "reapply" })) as MineAction;
    expect(early.init?.status).toBe(409);
    expect(early.data.problem).toBe("application.mine.reapplyTooEarly");
    expect((await rowOf(user.id)).status).toBe("rejected");

    const sevenMonthsAgo = new Date(Date.now() - 213 * 24 * 60 * 60 * 1000);
    await database.db.update(volunteers).set({ decidedAt: sevenMonthsAgo }).where(eq(volunteers.userId, user.id));
    expect(location(await change(cookie, { intent: "reapply" }))).toBe("/apply/summary");
    expect(await rowOf(user.id)).toMatchObject({ status: "draft", rejectionReason: null });
  });
});

describe("changing the answers after sending", () => {
  const edit = (cookie: string, section: string, form?: Form) => call(form ? editAction : editLoader, `/application/edit/${section}`, { section }, cookie, form);
  const availability = { town: "Billund", slots: ["tue:evening", "fri:evening"], afterHoursReachable: "yes" };

  it("shows a section's saved answers in the form's fields, and no section the form does not offer", async () => {
    const { cookie } = await submittedApplicant();
    expect(await edit(cookie, "availability")).toMatchObject({
      section: "availability",
      values: { town: ["other"], townOther: ["Give"], slots: ["mon:evening", "weekend:daytime"], afterHoursReachable: ["no"] },
    });
    expect(((await edit(cookie, "about")) as Response).status).toBe(404);
    expect(((await edit(cookie, "about", { motivation: "Ny" })) as Response).status).toBe(404);
  });

  it("refuses invalid answers with a message per field, keeps what was typed and saves nothing", async () => {
    const { cookie, user } = await submittedApplicant();
    const before = await rowOf(user.id);
    const result = (await edit(cookie, "availability", { town: "", slots: [], afterHoursReachable: "yes" })) as Result;
    expect(result.init.status).toBe(400);
    expect(result.data.errors).toEqual({ town: "validation.required", slots: "application.availability.slotsRequired" });
    expect(result.data.values.afterHoursReachable).toEqual(["yes"]);

    const ages = (await edit(cookie, "preferences", { capacity: "1", ageMin: "26", ageMax: "20", genderPreference: "any" })) as Result;
    expect(ages.init.status).toBe(400);
    expect(ages.data.errors).toEqual({ ageMax: "validation.invalid" });
    expect(await rowOf(user.id)).toEqual(before);
  });

  it("saves a valid section and returns to My application with a toast", async () => {
    const { cookie, user } = await submittedApplicant();
    const saved = await edit(cookie, "availability", availability);
    expect(location(saved)).toBe("/application#profile");
    expect(toastOf(saved)).toContain("application.edit.saved");
    expect(await rowOf(user.id)).toMatchObject({ town: "Billund", afterHoursReachable: true });
    const { application } = await mine(cookie);
    expect(application.allowed.editProfile).toBe(true);
    expect(application.profile.availability).toEqual({ town: "Billund", slots: ["tue:evening", "fri:evening"], afterHoursReachable: true });

    const unchanged = await edit(cookie, "availability", availability);
    expect(toastOf(unchanged)).toContain("application.edit.unchanged");
  });

  it("sends a draft to the application form and a closed application back to My application", async () => {
    const draft = await applicant();
    await post(draft.cookie, "kind", { kind: "business" });
    expect(location(await edit(draft.cookie, "interests"))).toBe("/apply/interests");

    const { cookie, user } = await submittedApplicant();
    await change(cookie, { intent: "withdraw", confirmed: "yes" });
    expect(location(await edit(cookie, "availability"))).toBe("/application");
    expect(location(await edit(cookie, "availability", availability))).toBe("/application");
    expect((await rowOf(user.id)).town).toBe("Give");
  });
});
