import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "#db/schema";
import { translator } from "~/i18n/catalogue";
import { navigationFor } from "~/components/layout/navigation";
import { getSetting } from "~/modules/settings/settings.server";
import { action, loader } from "~/routes/admin.follow-up-settings";
import { createTestContext } from "../helpers/context";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { formRequest, loaded, outcome, requestRunner } from "../helpers/routes";
import { loggedInUser, request } from "../helpers/sessions";

let database: TestDatabase;
let run: ReturnType<typeof requestRunner>;
let admin: Awaited<ReturnType<typeof loggedInUser>>;
let coordinator: Awaited<ReturnType<typeof loggedInUser>>;
const path = "/admin/follow-up-settings";

beforeAll(async () => {
  database = await createTestDatabase();
  run = requestRunner(() => createTestContext(database.handle));
  admin = await loggedInUser(database.db, { role: "admin" });
  coordinator = await loggedInUser(database.db, { role: "coordinator" });
});
afterAll(() => database.close());

describe("the check-in schedule settings", () => {
  it("shows an admin the schedule, two in the first month and then every 30 days until changed", async () => {
    expect(loaded(await run(loader, request(path, { cookie: admin.cookie })))).toEqual({ firstMonth: 2, intervalDays: 30 });
  });

  it("refuses numbers out of range, in Danish, keeping what was typed and saving nothing", async () => {
    const result = outcome(await run(action, formRequest(path, admin.cookie, { firstMonth: "5", intervalDays: "en måned" })));
    expect(result).toMatchObject({
      status: 400,
      data: { errors: { firstMonth: "followUp.settings.firstMonthRange", intervalDays: "followUp.settings.intervalDaysRange" }, values: { firstMonth: "5", intervalDays: "en måned" } },
    });
    const t = translator("da");
    expect(t("followUp.settings.firstMonthRange")).toBe("Skriv et helt antal samtaler fra 1 til 4.");
    expect(t("followUp.settings.intervalDaysRange")).toBe("Skriv et helt antal dage fra 7 til 90.");
    for (const [firstMonth, intervalDays] of [["0", "30"], ["2", "6"], ["2", "91"], ["1.5", "30"], ["", "30"]]) {
      expect(outcome(await run(action, formRequest(path, admin.cookie, { firstMonth: firstMonth!, intervalDays: intervalDays! }))).status).toBe(400);
    }
    expect(await getSetting(database.db, "check_ins_first_month")).toBe(2);
    expect(await getSetting(database.db, "check_in_interval_days")).toBe(30);
  });

  it("saves what changed, audited, and says so", async () => {
    const result = outcome(await run(action, formRequest(path, admin.cookie, { firstMonth: "2", intervalDays: " 14 " })));
    expect(result).toMatchObject({ status: 302, location: path });
    expect(result.cookie).toContain("followUp.settings.saved");
    expect(await getSetting(database.db, "check_in_interval_days")).toBe(14);
    expect(loaded(await run(loader, request(path, { cookie: admin.cookie })))).toEqual({ firstMonth: 2, intervalDays: 14 });
    const events = await database.db.select().from(auditEvents).where(eq(auditEvents.action, "settings.updated"));
    expect(events.map((event) => [event.subjectId, event.actorId, event.details])).toEqual([["check_in_interval_days", admin.user.id, { before: 30, after: 14 }]]);
  });

  it("is not for coordinators, and only admins find it in the navigation", async () => {
    expect((await run(loader, request(path, { cookie: coordinator.cookie })) as Response).status).toBe(403);
    expect((await run(action, formRequest(path, coordinator.cookie, { firstMonth: "1", intervalDays: "7" })) as Response).status).toBe(403);
    expect(await getSetting(database.db, "check_ins_first_month")).toBe(2);
    expect(navigationFor("admin").map((item) => item.to)).toContain(path);
    expect(navigationFor("coordinator").map((item) => item.to)).not.toContain(path);
  });
});
