import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, pairingCheckIns, pairingContacts, pairings, users } from "#db/schema";
import type { FollowUpDigestProps } from "#emails/follow-up-digest";
import { renderEmail } from "#emails/index";
import { generateEncryptionKey } from "~/modules/crypto/encryption.server";
import { listFollowUpAlerts, runFollowUpDigests, type FollowUpAlert } from "~/modules/pairings/overdue.server";
import { setSetting } from "~/modules/settings/settings.server";
import { copenhagenDateTime } from "~/modules/volunteers/dates";
import { createYouth } from "~/modules/youths/records.server";
import { createUser } from "../factories/users";
import { actorOf, createApprovedMentor } from "../factories/volunteers";
import { youthSpec } from "../factories/youths";
import { createTestContext, queuedJobs } from "../helpers/context";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

let database: TestDatabase;
let deps: ReturnType<typeof createTestContext> & { key: ReturnType<typeof generateEncryptionKey> };
/** The coordinators: `main` answers for most youths, `other` for one, `proposer` only proposed a pairing, `gone` has left. */
let staff: Record<"main" | "other" | "proposer" | "gone", ReturnType<typeof actorOf> & { email: string }>;
let mentor: Awaited<ReturnType<typeof createApprovedMentor>>;
const ids: Record<string, { pairingId: string; youthId: string }> = {};

/** The tests' Copenhagen date: Wednesday 18 March 2026, with the default schedule (two in the first month, then every 30 days). */
const today = "2026-03-18";
const schedule = { firstMonth: 2, intervalDays: 30 };

interface PairingSpec {
  /** The youth's first name, also the key in `ids`. */
  name: string;
  /** Copenhagen wall clock. */
  started: [string, string];
  responsible: keyof typeof staff | null;
  proposedBy?: keyof typeof staff;
  checkIns?: string[];
  contacts?: [string, string][];
  closed?: boolean;
  flags?: { help?: boolean; safety?: boolean };
}

/** A pairing as the follow-up commands would leave it, written straight to the tables. */
async function pairing(spec: PairingSpec) {
  const youth = await createYouth(
    deps,
    staff.main,
    youthSpec({ firstName: spec.name, lastName: "Nielsen", responsibleCoordinatorId: spec.responsible ? staff[spec.responsible].id : null }),
  );
  if (!youth.ok) throw new Error("setup: youth");
  const startedAt = copenhagenDateTime(...spec.started);
  const [row] = await database.db
    .insert(pairings)
    .values({
      youthId: youth.youthId,
      volunteerId: mentor.volunteerId,
      mentorUserId: mentor.user.id,
      status: spec.closed ? "closed" : "active",
      proposedBy: staff[spec.proposedBy ?? "main"].id,
      proposedAt: startedAt,
      agreementConfirmedAt: startedAt,
      startedAt,
      closedAt: spec.closed ? new Date("2026-03-10T12:00:00Z") : null,
      closeKind: spec.closed ? "planned" : null,
      closeReason: spec.closed ? "goal_reached" : null,
      helpRequestedAt: spec.flags?.help ? new Date("2026-03-16T18:00:00Z") : null,
      safetyConcernAt: spec.flags?.safety ? new Date("2026-03-17T10:00:00Z") : null,
    })
    .returning({ id: pairings.id });
  const pairingId = row!.id;
  for (const heldOn of spec.checkIns ?? []) {
    await database.db.insert(pairingCheckIns).values({ pairingId, heldOn, spokeWith: "both", mood: "well", progressEncrypted: "x", safetyConcern: false, nextStep: "Ny samtale" });
  }
  for (const [date, time] of spec.contacts ?? []) {
    await database.db
      .insert(pairingContacts)
      .values({ pairingId, occurredAt: copenhagenDateTime(date, time), durationMinutes: 30, channel: "phone", afterHours: false, loggedBy: mentor.user.id });
  }
  ids[spec.name] = { pairingId, youthId: youth.youthId };
}

const started = (date: string): [string, string] => [date, "10:00"];
/** Two check-ins held: the next is due 2 April for a pairing started 1 February. */
const twoHeld = ["2026-02-15", "2026-03-02"];

beforeAll(async () => {
  database = await createTestDatabase();
  deps = { ...createTestContext(database.handle), key: generateEncryptionKey() };
  const coordinator = async (name: string) => {
    const user = await createUser(database.db, { role: "coordinator", name });
    return { ...actorOf(user), email: user.email };
  };
  staff = { main: await coordinator("Karin Koordinator"), other: await coordinator("Ole Anden"), proposer: await coordinator("Pia Forslag"), gone: await coordinator("Gert Gået") };
  mentor = await createApprovedMentor(deps, { user: { name: "Jens Peter Hansen" } });

  await pairing({ name: "Ada", started: started("2026-03-02"), responsible: "main", checkIns: ["2026-02-27"], contacts: [["2026-03-10", "12:00"]] });
  await pairing({ name: "Bo", started: started("2026-03-03"), responsible: "main", contacts: [["2026-03-10", "12:00"]] });
  await pairing({ name: "Cem", started: started("2026-02-01"), responsible: "other", checkIns: twoHeld, contacts: [["2026-02-20", "12:00"], ["2026-03-04", "09:00"]] });
  await pairing({ name: "Dea", started: started("2026-02-01"), responsible: "main", checkIns: twoHeld, contacts: [["2026-03-05", "09:00"]] });
  // 00:30 on 5 March in Copenhagen is still 4 March in UTC: 13 days, not 14.
  await pairing({ name: "Eva", started: started("2026-02-01"), responsible: "main", checkIns: twoHeld, contacts: [["2026-03-05", "00:30"]] });
  // 23:30 on 4 March in Copenhagen: that date, 14 days.
  await pairing({ name: "Finn", started: started("2026-02-01"), responsible: "main", checkIns: twoHeld, contacts: [["2026-03-04", "23:30"]] });
  // A contact after today does not count today; no responsible coordinator, so the one who proposed it answers.
  await pairing({ name: "Gry", started: started("2026-02-01"), responsible: null, proposedBy: "proposer", checkIns: twoHeld, contacts: [["2026-03-01", "12:00"], ["2026-03-19", "00:30"]] });
  await pairing({ name: "Hans", started: started("2026-03-04"), responsible: "main" });
  // Started at 00:30 Copenhagen time on 5 March (4 March in UTC): 13 days without contact.
  await pairing({ name: "Ib", started: ["2026-03-05", "00:30"], responsible: "main" });
  await pairing({ name: "Jon", started: started("2026-01-01"), responsible: "main", closed: true });
  await pairing({ name: "Kim", started: started("2026-03-10"), responsible: "main", contacts: [["2026-03-17", "19:00"]], flags: { help: true, safety: true } });
  // The youth's own coordinator wins over the one who proposed the pairing.
  await pairing({ name: "Lis", started: started("2026-02-01"), responsible: "other", proposedBy: "proposer", checkIns: twoHeld, contacts: [["2026-03-01", "12:00"]] });
  await pairing({ name: "Mia", started: started("2026-02-01"), responsible: "gone" });
  await database.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, staff.gone.id));
});
afterAll(() => database.close());

const byName = (alerts: FollowUpAlert[]) => Object.fromEntries(alerts.map((alert) => [alert.youthFirstName, alert]));

describe("listFollowUpAlerts", () => {
  it("finds overdue check-ins and quiet pairs on a given day, by the Copenhagen calendar", async () => {
    const alerts = byName(await listFollowUpAlerts(database.db, { today, schedule }));
    expect(Object.keys(alerts).sort()).toEqual(["Ada", "Cem", "Finn", "Gry", "Hans", "Kim", "Lis", "Mia"]);

    // Due 17 March (a check-in before the start does not count): one day over.
    expect(alerts.Ada!.reasons).toEqual([{ kind: "check_in_overdue", due: "2026-03-17", overdueDays: 1 }]);
    expect(alerts.Ada!.startedOn).toBe("2026-03-02");
    expect(alerts.Cem!.reasons).toEqual([{ kind: "quiet", days: 14, lastContactOn: "2026-03-04" }]);
    expect(alerts.Finn!.reasons).toEqual([{ kind: "quiet", days: 14, lastContactOn: "2026-03-04" }]);
    expect(alerts.Gry!.reasons).toEqual([{ kind: "quiet", days: 17, lastContactOn: "2026-03-01" }]);
    expect(alerts.Hans!.reasons).toEqual([{ kind: "quiet", days: 14, lastContactOn: null }]);
    expect(alerts.Kim!.reasons).toEqual([
      { kind: "safety_concern", since: "2026-03-17T10:00:00.000Z" },
      { kind: "help_requested", since: "2026-03-16T18:00:00.000Z" },
    ]);
    // Never a check-in and never a contact since 1 February.
    expect(alerts.Mia!.reasons).toEqual([
      { kind: "check_in_overdue", due: "2026-02-16", overdueDays: 30 },
      { kind: "quiet", days: 45, lastContactOn: null },
    ]);
    expect(alerts.Ada).toMatchObject({ youthId: ids.Ada!.youthId, pairingId: ids.Ada!.pairingId, youthLastName: "Nielsen", mentorName: "Jens Peter Hansen" });
  });

  it("puts a safety concern first, then help requests, then the longest overdue", async () => {
    const alerts = await listFollowUpAlerts(database.db, { today, schedule });
    expect(alerts.map((alert) => alert.youthFirstName)).toEqual(["Kim", "Mia", "Gry", "Lis", "Cem", "Finn", "Hans", "Ada"]);
  });

  it("names the youth's coordinator as responsible, else the one who proposed the pairing", async () => {
    const alerts = byName(await listFollowUpAlerts(database.db, { today, schedule }));
    expect(alerts.Gry!.coordinatorId).toBe(staff.proposer.id);
    expect(alerts.Lis!.coordinatorId).toBe(staff.other.id);
    expect(alerts.Ada!.coordinatorId).toBe(staff.main.id);

    const names = async (coordinatorId: string) => (await listFollowUpAlerts(database.db, { today, schedule, coordinatorId })).map((alert) => alert.youthFirstName);
    expect(await names(staff.proposer.id)).toEqual(["Gry"]);
    expect(await names(staff.other.id)).toEqual(["Lis", "Cem"]);
    expect(await names(staff.main.id)).toEqual(["Kim", "Finn", "Hans", "Ada"]);
  });

  it("follows the schedule it is given, or the admin's setting", async () => {
    const monthly = byName(await listFollowUpAlerts(database.db, { today, schedule: { firstMonth: 1, intervalDays: 14 } }));
    // One check-in in the first month: Ada's is due 1 April; Mia's first was due 3 March.
    expect(monthly.Ada).toBeUndefined();
    expect(monthly.Mia!.reasons[0]).toEqual({ kind: "check_in_overdue", due: "2026-03-03", overdueDays: 15 });

    const admin = actorOf(await createUser(database.db, { role: "admin" }));
    expect((await setSetting(database.db, admin, "check_ins_first_month", 1)).ok).toBe(true);
    expect(byName(await listFollowUpAlerts(database.db, { today })).Ada).toBeUndefined();
    expect((await setSetting(database.db, admin, "check_ins_first_month", 2)).ok).toBe(true);
    expect(byName(await listFollowUpAlerts(database.db, { today })).Ada).toBeDefined();
  });

  it("lets a check-in and a contact clear the alerts", async () => {
    expect((await listFollowUpAlerts(database.db, { today: "2026-03-17", schedule })).map((alert) => alert.youthFirstName)).not.toContain("Ada");
    // Bo is due on the day: not overdue today, overdue tomorrow.
    expect(byName(await listFollowUpAlerts(database.db, { today, schedule })).Bo).toBeUndefined();
    expect(byName(await listFollowUpAlerts(database.db, { today: "2026-03-19", schedule })).Bo!.reasons).toEqual([
      { kind: "check_in_overdue", due: "2026-03-18", overdueDays: 1 },
    ]);
  });
});

type EmailJob = { to: string; locale: "da" | "en"; template: string; props: FollowUpDigestProps };

async function digests() {
  return (await queuedJobs<EmailJob>(database.db, "email")).map((job) => job.data).filter((email) => email.template === "followUpDigest");
}

describe("the daily digest", () => {
  // 07:00 in Copenhagen on Wednesday 18 March.
  const morning = new Date("2026-03-18T06:00:00Z");

  it("queues one email to each responsible coordinator who can log in, naming no more than first names", async () => {
    expect(await runFollowUpDigests(deps, morning)).toEqual({ queued: 3 });
    const sent = await digests();
    expect(sent.map((email) => email.to).sort()).toEqual([staff.main.email, staff.other.email, staff.proposer.email].sort());

    const toMain = sent.find((email) => email.to === staff.main.email)!;
    expect(toMain.props).toMatchObject({ name: "Karin Koordinator", date: today, more: 0, startUrl: "http://localhost:3000/dashboard" });
    expect(toMain.props.items.map((item) => item.youth)).toEqual(["Kim N.", "Finn N.", "Hans N.", "Ada N."]);
    expect(toMain.props.items[0]).toEqual({ youth: "Kim N.", mentor: "Jens", reasons: [{ kind: "flagged" }], url: `http://localhost:3000/coordinator/pairings/${ids.Kim!.pairingId}` });
    expect(toMain.props.items[3]!.reasons).toEqual([{ kind: "check_in", due: "2026-03-17", overdueDays: 1 }]);
    // No surname, no mentor surname, and nothing about what was flagged.
    const text = JSON.stringify(toMain);
    for (const word of ["Nielsen", "Hansen", "Peter", "safety", "help"]) expect(text).not.toContain(word);

    const { subject, text: body } = await renderEmail("followUpDigest", toMain.props, "da", { portalUrl: "http://localhost:3000" });
    expect(subject).toBe("4 forløb kræver opfølgning");
    expect(body).toContain("Ada N. og mentor Jens");
    expect(body).toContain("1 dag over tid");
    expect(body).toContain(`/coordinator/pairings/${ids.Ada!.pairingId}`);
    expect(body).not.toContain("Nielsen");

    const [event] = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "follow_up.digest_queued"), eq(auditEvents.subjectId, staff.other.id)));
    expect(event?.details).toEqual({ date: today, pairingIds: [ids.Lis!.pairingId, ids.Cem!.pairingId] });
  });

  it("sends nothing new on a second run the same day, and again the next day", async () => {
    expect(await runFollowUpDigests(deps, new Date("2026-03-18T14:00:00Z"))).toEqual({ queued: 0 });
    expect(await digests()).toHaveLength(3);
    // The next day Gry's contact of 19 March counts, so the coordinator who proposed that pairing gets nothing.
    expect(await runFollowUpDigests(deps, new Date("2026-03-19T06:00:00Z"))).toEqual({ queued: 2 });
    expect((await digests()).slice(3).map((email) => email.to).sort()).toEqual([staff.main.email, staff.other.email].sort());
  });

  it("queues one digest a coordinator when two runs overlap", async () => {
    const runs = await Promise.all([runFollowUpDigests(deps, new Date("2026-03-20T06:00:00Z")), runFollowUpDigests(deps, new Date("2026-03-20T06:00:01Z"))]);
    expect(runs.map((run) => run.queued).sort()).toEqual([0, 2]);
    expect(await digests()).toHaveLength(7);
  });
});

describe("a pairing still starting", () => {
  it("shows the mentor's help request before the agreement is confirmed, and nothing else", async () => {
    const youth = await createYouth(deps, staff.main, youthSpec({ firstName: "Nor", lastName: "Nielsen", responsibleCoordinatorId: staff.other.id }));
    if (!youth.ok) throw new Error("setup: youth");
    await database.db.insert(pairings).values({
      youthId: youth.youthId,
      volunteerId: mentor.volunteerId,
      mentorUserId: mentor.user.id,
      status: "accepted",
      proposedBy: staff.main.id,
      proposedAt: new Date("2026-03-01T10:00:00Z"),
      respondedAt: new Date("2026-03-02T10:00:00Z"),
      helpRequestedAt: new Date("2026-03-16T18:00:00Z"),
    });
    const alerts = byName(await listFollowUpAlerts(database.db, { today, schedule, coordinatorId: staff.other.id }));
    expect(alerts.Nor).toMatchObject({ startedOn: null, reasons: [{ kind: "help_requested" }] });
  });
});
