import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateEncryptionKey } from "~/modules/crypto/encryption.server";
import { logContact, recordCheckIn } from "~/modules/pairings/follow-up.server";
import { staffStart } from "~/modules/start/start-page.server";
import { addDays, copenhagenDateTime, copenhagenToday } from "~/modules/volunteers/dates";
import { loader as dashboardLoader } from "~/routes/dashboard";
import { createActivePairing } from "../factories/pairings";
import { actorOf } from "../factories/volunteers";
import { createTestContext } from "../helpers/context";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { loaded, requestRunner } from "../helpers/routes";
import { loggedInUser, request } from "../helpers/sessions";

let database: TestDatabase;
let deps: ReturnType<typeof createTestContext> & { key: ReturnType<typeof generateEncryptionKey> };
let run: ReturnType<typeof requestRunner>;
let coordinator: Awaited<ReturnType<typeof loggedInUser>>;
let colleague: Awaited<ReturnType<typeof loggedInUser>>;
/** Noon in Copenhagen `days` ago: a start that keeps its calendar date whatever the hour the test runs. */
const daysAgo = (days: number) => copenhagenDateTime(addDays(copenhagenToday(), -days), "12:00");
let ada: Awaited<ReturnType<typeof createActivePairing>>;

beforeAll(async () => {
  database = await createTestDatabase();
  deps = { ...createTestContext(database.handle), key: generateEncryptionKey() };
  run = requestRunner(() => createTestContext(database.handle));
  coordinator = await loggedInUser(database.db, { role: "coordinator", name: "Karin Koordinator" });
  colleague = await loggedInUser(database.db, { role: "coordinator", name: "Ole Anden" });
});
afterAll(() => database.close());

describe("the coordinator's start page", () => {
  it("has an empty follow-up section when nothing is overdue", async () => {
    const start = await staffStart(database.db, actorOf(coordinator.user));
    expect(start?.followUp).toEqual([]);
  });

  it("lists the pairings the coordinator answers for that need follow-up, with their reasons", async () => {
    // Started 20 days ago without a check-in or a contact: the first check-in (day 15) is 5 days overdue.
    ada = await createActivePairing(deps, actorOf(coordinator.user), {
      mentorName: "Jens Hansen",
      startedAt: daysAgo(20),
      youth: { firstName: "Ada", lastName: "Berg" },
    });
    // Started yesterday: nothing due yet.
    await createActivePairing(deps, actorOf(coordinator.user), { startedAt: daysAgo(1), youth: { firstName: "Bo" } });
    // A colleague's pairing shows on the colleague's page only.
    await createActivePairing(deps, actorOf(colleague.user), { startedAt: daysAgo(40), youth: { firstName: "Cem" } });

    const today = copenhagenToday();
    const page = loaded(await run(dashboardLoader, request("/dashboard", { cookie: coordinator.cookie })));
    expect(page.staff?.followUp).toEqual([
      {
        pairingId: ada.pairingId,
        youthId: ada.youthId,
        youthFirstName: "Ada",
        youthLastName: "Berg",
        mentorName: "Jens Hansen",
        startedOn: addDays(today, -20),
        reasons: [
          { kind: "check_in_overdue", due: addDays(today, -5), overdueDays: 5 },
          { kind: "quiet", days: 20, lastContactOn: null },
        ],
      },
    ]);
    const other = loaded(await run(dashboardLoader, request("/dashboard", { cookie: colleague.cookie })));
    expect(other.staff?.followUp?.map((alert) => alert.youthFirstName)).toEqual(["Cem"]);

    // A volunteer's start page has no staff section at all.
    const mentorPage = loaded(await run(dashboardLoader, request("/dashboard", { cookie: (await loggedInUser(database.db, { role: "volunteer" })).cookie })));
    expect(mentorPage.staff).toBeNull();
  });

  it("drops a pairing once the coordinator has checked in and the mentor has logged a contact", async () => {
    const [alert] = (await staffStart(database.db, actorOf(coordinator.user)))!.followUp!;
    expect(alert?.youthFirstName).toBe("Ada");
    const held = await recordCheckIn(deps, actorOf(coordinator.user), alert!.pairingId, {
      heldOn: copenhagenToday(),
      spokeWith: "both",
      mood: "well",
      progress: "Godt i gang.",
      safetyConcern: false,
      nextStep: "Ny samtale om en måned.",
      goodFit: "yes",
    });
    expect(held.ok).toBe(true);
    const afterCheckIn = (await staffStart(database.db, actorOf(coordinator.user)))!.followUp!;
    expect(afterCheckIn.map((row) => row.reasons.map((reason) => reason.kind))).toEqual([["quiet"]]);
    const contact = await logContact(deps, ada.mentor.actor, ada.pairingId, { occurredAt: new Date(Date.now() - 60_000), durationMinutes: 20, channel: "phone" });
    expect(contact.ok).toBe(true);
    expect((await staffStart(database.db, actorOf(coordinator.user)))!.followUp).toEqual([]);
  });
});
