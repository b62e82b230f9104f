import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, pairingContacts, pairings, taskParticipations, youths, type YouthOutcome } from "#db/schema";
import { generateEncryptionKey } from "~/modules/crypto/encryption.server";
import { readOutcomeReport, type OutcomeReport } from "~/modules/reports/outcomes.server";
import { parseReportPeriod } from "~/modules/reports/period";
import { copenhagenDateTime, copenhagenToday } from "~/modules/volunteers/dates";
import { createYouth } from "~/modules/youths/records.server";
import { loader as csvLoader } from "~/routes/coordinator.reports[.csv]";
import { loader as reportLoader } from "~/routes/coordinator.reports";
import { createAssociation, createOpenTask } from "../factories/associations";
import { actorOf, createApprovedMentor } from "../factories/volunteers";
import { youthSpec } from "../factories/youths";
import { createTestContext } from "../helpers/context";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { outcome, requestRunner } from "../helpers/routes";
import { loggedInUser, request } from "../helpers/sessions";

let database: TestDatabase;
let run: ReturnType<typeof requestRunner>;
let deps: ReturnType<typeof createTestContext> & { key: ReturnType<typeof generateEncryptionKey> };
let coordinator: Awaited<ReturnType<typeof loggedInUser>>;
let volunteer: Awaited<ReturnType<typeof loggedInUser>>;
let association: Awaited<ReturnType<typeof loggedInUser>>;
let mentor: Awaited<ReturnType<typeof createApprovedMentor>>;

/** The period under test: spring 2025, across the change to summer time on 30 March. */
const spring = { from: "2025-03-01", to: "2025-05-31" };
const springQuery = `from=${spring.from}&to=${spring.to}`;

/** An instant as a Copenhagen wall clock shows it. */
const cph = (date: string, time = "12:00") => copenhagenDateTime(date, time);

beforeAll(async () => {
  database = await createTestDatabase();
  const key = generateEncryptionKey();
  const context = () => createTestContext(database.handle, { encryptionKey: key });
  run = requestRunner(context);
  deps = { ...context(), key };
  coordinator = await loggedInUser(database.db, { role: "coordinator" });
  volunteer = await loggedInUser(database.db, { role: "volunteer" });
  association = await loggedInUser(database.db, { role: "association" });
  mentor = await createApprovedMentor(deps);
  await buildSpring();
});
afterAll(() => database.close());

const me = () => actorOf(coordinator.user);

/** A youth through the intake, then dated as the report's input needs: registered at `createdAt`, closed at `closedAt`. */
async function youth(createdAt: Date, closed?: { at: Date; outcome: YouthOutcome }) {
  const created = await createYouth(deps, me(), youthSpec());
  if (!created.ok) throw new Error(`setup: ${created.reason}`);
  await database.db
    .update(youths)
    .set(closed ? { createdAt, status: "closed", outcome: closed.outcome, closedAt: closed.at } : { createdAt })
    .where(eq(youths.id, created.youthId));
  return created.youthId;
}

type PairingSpec = {
  startedAt: Date | null;
  closed?: { at: Date; kind: "planned" | "unplanned"; reason: "goal_reached" | "youth_moved" | "youth_withdrew" | "mentor_withdrew" | "poor_fit" | "other" };
  contacts?: { at: Date; afterHours: boolean }[];
};

async function pairing(youthId: string, spec: PairingSpec) {
  const status = spec.closed ? "closed" : spec.startedAt ? "active" : "proposed";
  const [row] = await database.db
    .insert(pairings)
    .values({
      youthId,
      volunteerId: mentor.volunteerId,
      mentorUserId: mentor.user.id,
      status,
      startedAt: spec.startedAt,
      closedAt: spec.closed?.at ?? null,
      closeKind: spec.closed?.kind ?? null,
      closeReason: spec.closed?.reason ?? null,
    })
    .returning({ id: pairings.id });
  for (const contact of spec.contacts ?? []) {
    await database.db.insert(pairingContacts).values({ pairingId: row!.id, occurredAt: contact.at, durationMinutes: 30, channel: "phone", afterHours: contact.afterHours });
  }
  return row!.id;
}

/**
 * Spring 2025, with the edges: courses closed a minute before the period and a minute after it, a youth
 * registered in the last minute of its last day and one in the first minute after, pairings without contacts,
 * with an after-hours contact only outside the period, and a proposal that never started.
 */
async function buildSpring() {
  const y1 = await youth(cph("2025-01-10")); // open throughout: Aktiv
  const y2 = await youth(cph("2025-02-01"), { at: cph("2025-04-15"), outcome: "ordinary_employment" });
  const y3 = await youth(cph("2025-03-05"), { at: cph("2025-05-20"), outcome: "education_fgu" }); // started in the period
  await youth(cph("2024-06-01"), { at: cph("2025-02-28", "23:59"), outcome: "flex_job" }); // closed just before: left out
  const y5 = await youth(cph("2025-04-01"), { at: cph("2025-06-01", "00:00"), outcome: "public_support" }); // closed just after: Aktiv
  const y6 = await youth(cph("2025-05-31", "23:59")); // registered in the last minute: in, Aktiv
  await youth(cph("2025-06-01", "00:00")); // registered just after: left out
  const y8 = await youth(cph("2025-01-01"), { at: cph("2025-03-01", "00:00"), outcome: "education_hf" }); // closed at the first instant: in
  const y9 = await youth(cph("2025-02-01"), { at: cph("2025-05-10"), outcome: "early_retirement" });
  const y10 = await youth(cph("2025-02-01"), { at: cph("2025-04-10"), outcome: "other" });

  // Active, with two after-hours contacts in the period: counted once.
  await pairing(y1, {
    startedAt: cph("2025-01-15"),
    contacts: [
      { at: cph("2025-04-02", "19:30"), afterHours: true },
      { at: cph("2025-04-09", "20:00"), afterHours: true },
    ],
  });
  // Closed in the period (planned, 63 days); its after-hours contact was before the period.
  await pairing(y2, {
    startedAt: cph("2025-02-10", "16:00"),
    closed: { at: cph("2025-04-14", "09:00"), kind: "planned", reason: "goal_reached" },
    contacts: [
      { at: cph("2025-02-22", "21:00"), afterHours: true },
      { at: cph("2025-03-12", "10:00"), afterHours: false },
    ],
  });
  // Started and closed in the period (unplanned, 71 days), no contacts at all.
  await pairing(y3, { startedAt: cph("2025-03-10"), closed: { at: cph("2025-05-20"), kind: "unplanned", reason: "youth_withdrew" } });
  // Closed a minute before the period: left out.
  await pairing(y9, { startedAt: cph("2024-11-01"), closed: { at: cph("2025-02-28", "23:59"), kind: "unplanned", reason: "poor_fit" } });
  // Started the first minute after the period: left out.
  await pairing(y10, { startedAt: cph("2025-06-01", "00:00") });
  // A proposal that never started: not a pairing in the report.
  await pairing(y6, { startedAt: null });
  // Active in the period, closed after it; its only after-hours contact is after the period.
  await pairing(y8, {
    startedAt: cph("2025-01-05"),
    closed: { at: cph("2025-06-10"), kind: "unplanned", reason: "mentor_withdrew" },
    contacts: [{ at: cph("2025-06-05", "22:00"), afterHours: true }],
  });
  // Started in the period; an after-hours contact in its last minutes.
  await pairing(y5, { startedAt: cph("2025-04-01"), contacts: [{ at: cph("2025-05-31", "23:30"), afterHours: true }] });
}

function counts(report: OutcomeReport) {
  return Object.fromEntries(report.youths.rows.map((row) => [row.key, row.count]));
}

describe("the outcome report", () => {
  it("counts youths by their status at the end of the period, in the rows of table 2.2", async () => {
    const report = (await readOutcomeReport(database.db, me(), spring))!;
    expect(report.youths.total).toBe(8);
    expect(report.youths.startedInPeriod).toBe(3);
    expect(counts(report)).toEqual({
      ordinary_employment: 1,
      flex_job: 0,
      early_retirement: 1,
      education: 2,
      education_fgu: 1,
      education_stu: 0,
      education_eud: 0,
      education_hf: 1,
      education_other: 0,
      public_support: 0,
      other: 1,
      active: 3,
    });
    expect(report.youths.rows.map((row) => row.key)).toEqual([
      "ordinary_employment",
      "flex_job",
      "early_retirement",
      "education",
      "education_fgu",
      "education_stu",
      "education_eud",
      "education_hf",
      "education_other",
      "public_support",
      "other",
      "active",
    ]);
    // The top-level rows add up to the total; the education kinds add up to education.
    const topLevel = report.youths.rows.filter((row) => row.level === 0).reduce((sum, row) => sum + row.count, 0);
    expect(topLevel).toBe(report.youths.total);
    const share = Object.fromEntries(report.youths.rows.map((row) => [row.key, row.percent]));
    expect(share).toMatchObject({ ordinary_employment: 12.5, education: 25, active: 37.5, flex_job: 0 });
  });

  it("counts pairings active and closed in the period, their average duration, closures and after-hours contact", async () => {
    const report = (await readOutcomeReport(database.db, me(), spring))!;
    expect(report.pairings).toMatchObject({
      active: 5,
      startedInPeriod: 2,
      closed: 2,
      runningAtEnd: 3,
      averageDays: 67,
      afterHours: 2,
      afterHoursPercent: 40,
      planned: 1,
      unplanned: 1,
    });
    expect(report.pairings.closures.filter((row) => row.planned + row.unplanned > 0)).toEqual([
      { reason: "goal_reached", planned: 1, unplanned: 0 },
      { reason: "youth_withdrew", planned: 0, unplanned: 1 },
    ]);
  });

  it("moves the edges with the period: a day later, the course closed at its first instant is out", async () => {
    const report = (await readOutcomeReport(database.db, me(), { from: "2025-03-02", to: "2025-05-31" }))!;
    expect(report.youths.total).toBe(7);
    expect(counts(report).education_hf).toBe(0);
    // One day earlier at the end: the youth registered at 23:59 on 31 May and the last after-hours contact drop out.
    const earlier = (await readOutcomeReport(database.db, me(), { from: "2025-03-01", to: "2025-05-30" }))!;
    expect(earlier.youths.total).toBe(7);
    expect(earlier.youths.startedInPeriod).toBe(2);
    expect(earlier.pairings.afterHours).toBe(1);
  });

  it("is all zeros, with no shares and no average, for a period without courses", async () => {
    const report = (await readOutcomeReport(database.db, me(), { from: "2019-01-01", to: "2019-12-31" }))!;
    expect(report.youths.total).toBe(0);
    expect(report.youths.rows.every((row) => row.count === 0 && row.percent === null)).toBe(true);
    expect(report.pairings).toMatchObject({ active: 0, closed: 0, averageDays: null, afterHours: 0, afterHoursPercent: null });
  });

  it("is refused to volunteers and associations", async () => {
    for (const outsider of [volunteer, association]) {
      expect(await readOutcomeReport(database.db, actorOf(outsider.user), spring)).toBeNull();
    }
  });

  it("writes an audit event with the period, and no names", async () => {
    const reader = await loggedInUser(database.db, { role: "admin" });
    await readOutcomeReport(database.db, actorOf(reader.user), spring);
    const events = await database.db.select().from(auditEvents).where(eq(auditEvents.actorId, reader.user.id));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "report.viewed", subjectType: "report", subjectId: "outcomes", details: spring });
  });
});

describe("the period", () => {
  const parse = (query: string) => parseReportPeriod(new URLSearchParams(query), "2026-03-12");

  it("defaults to this year so far, and reads typed Danish dates", () => {
    expect(parse("")).toEqual({ ok: true, period: { from: "2026-01-01", to: "2026-03-12" }, defaulted: true });
    expect(parse("from=1.3.2025&to=31.5.2025")).toEqual({ ok: true, period: spring, defaulted: false });
    expect(parse("to=2025-12-31")).toMatchObject({ ok: true, period: { from: "2025-01-01", to: "2025-12-31" } });
    expect(parse("from=2026-02-01")).toMatchObject({ ok: true, period: { from: "2026-02-01", to: "2026-03-12" } });
  });

  it("names what is wrong with each day", () => {
    expect(parse("from=abc&to=2025-02-30")).toMatchObject({ ok: false, errors: { from: "fromInvalid", to: "toInvalid" } });
    expect(parse("from=2025-05-01&to=2025-04-30")).toMatchObject({ ok: false, errors: { to: "toBeforeFrom" } });
    expect(parse("to=2026-03-13")).toMatchObject({ ok: false, errors: { to: "toInFuture" } });
    expect(parse("from=2026-04-01")).toMatchObject({ ok: false, errors: { from: "fromInFuture" } });
    expect(parse("from=1.1.1999")).toMatchObject({ ok: false, errors: { from: "tooEarly" } });
    expect(parse("from=1.1.0025")).toMatchObject({ ok: false, errors: { from: "fromInvalid" } });
  });
});

describe("the report page", () => {
  /** The page's data for a period that reads: 200 and the report. */
  async function page(query: string) {
    const result = outcome(await run(reportLoader, request(`/coordinator/reports${query}`, { cookie: coordinator.cookie })));
    expect(result.status).toBe(200);
    return result.data as { ok: true; report: OutcomeReport; empty: boolean };
  }

  it("shows the figures for the period in the URL", async () => {
    const data = await page(`?${springQuery}`);
    expect(data.report.period).toEqual(spring);
    expect(data.report.youths.total).toBe(8);
    expect(data.report.pairings.active).toBe(5);
    expect(data.empty).toBe(false);
    // Aggregates only: nothing of a youth's record travels to the page.
    expect(JSON.stringify(data)).not.toContain(youthSpec().firstName);
  });

  it("covers this year so far without a period, and shows the empty state when nothing happened", async () => {
    const data = await page("");
    const today = copenhagenToday();
    expect(data.report.period).toEqual({ from: `${today.slice(0, 4)}-01-01`, to: today });
    expect(await page("?from=2019-01-01&to=2019-12-31")).toMatchObject({ ok: true, empty: true });
  });

  it("answers a period it cannot read with 400 and the messages, and reads nothing", async () => {
    const before = await database.db.select().from(auditEvents).where(eq(auditEvents.actorId, coordinator.user.id));
    const result = outcome(await run(reportLoader, request("/coordinator/reports?from=31.2.2025&to=2025-01-01", { cookie: coordinator.cookie })));
    expect(result.status).toBe(400);
    expect(result.data).toMatchObject({ ok: false, values: { from: "31.2.2025", to: "2025-01-01" }, errors: { from: "fromInvalid" } });
    const after = await database.db.select().from(auditEvents).where(eq(auditEvents.actorId, coordinator.user.id));
    expect(after).toHaveLength(before.length);
  });

  it("is refused to volunteers and associations", async () => {
    for (const outsider of [volunteer, association]) {
      const result = await run(reportLoader, request(`/coordinator/reports?${springQuery}`, { cookie: outsider.cookie }));
      expect((result as Response).status).toBe(403);
    }
  });

  it("audits the view with the period", async () => {
    await run(reportLoader, request(`/coordinator/reports?${springQuery}`, { cookie: coordinator.cookie }));
    const [event] = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.actorId, coordinator.user.id), eq(auditEvents.action, "report.viewed")))
      .orderBy(desc(auditEvents.id))
      .limit(1);
    expect(event).toMatchObject({ requestId: "test-request", details: spring });
  });

  it("downloads table 2.2 as CSV in Danish, audited as an export", async () => {
    const response = (await run(csvLoader, request(`/coordinator/reports.csv?${springQuery}`, { cookie: coordinator.cookie }))) as Response;
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toContain("ungeforloeb-2025-03-01-2025-05-31.csv");
    const lines = (await response.text()).replace(/^\uFEFF/, "").trimEnd().split("\r\n");
    expect(lines[0]).toBe("Status;Antal;Andel (%)");
    expect(lines).toContain("Ordinær ansættelse;1;12,5");
    expect(lines).toContain("heraf FGU;1;12,5");
    expect(lines).toContain("Aktiv;3;37,5");
    expect(lines.at(-1)).toBe("I alt;8;100");
    const [event] = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.actorId, coordinator.user.id), eq(auditEvents.action, "report.exported")));
    expect(event?.details).toEqual(spring);
    const refused = await run(csvLoader, request(`/coordinator/reports.csv?${springQuery}`, { cookie: volunteer.cookie }));
    expect((refused as Response).status).toBe(403);
  });
});

describe("young people in the associations' tasks", () => {
  it("counts proposals, participations and confirmed hours per association and category, within the period", async () => {
    const autumn = { from: "2024-09-01", to: "2024-11-30" };
    const club = await createAssociation(database.db, { name: "Grindsted Idrætsforening" });
    const shop = await createAssociation(database.db, { name: "Røde Kors Grindsted" });
    const training = await createOpenTask(database.db, club.associationId, { category: "sport" });
    const counter = await createOpenTask(database.db, shop.associationId, { category: "shop" });
    const youthId = await youth(cph("2024-01-10"));
    const participation = async (taskId: string, spec: Partial<typeof taskParticipations.$inferInsert>) => {
      // One youth per participation would need as many records; the open-proposal key allows one open per task.
      const other = spec.status === "proposed" || spec.status === "active" ? await youth(cph("2024-01-10")) : youthId;
      await database.db.insert(taskParticipations).values({ taskId, youthId: other, note: "n", contactArrangement: "c", ...spec });
    };
    // Proposed in the period, never answered.
    await participation(training.id, { status: "proposed", proposedAt: cph("2024-09-05") });
    // Taking part across the period's start, completed inside it with 7.5 hours.
    await participation(training.id, {
      status: "completed",
      proposedAt: cph("2024-08-01"),
      answeredAt: cph("2024-08-03"),
      completedAt: cph("2024-10-01"),
      endedAt: cph("2024-10-01"),
      confirmedMinutes: 450,
    });
    // Still taking part, accepted inside the period.
    await participation(counter.id, { status: "active", proposedAt: cph("2024-11-01"), answeredAt: cph("2024-11-02") });
    // Ended before the period began: not counted at all.
    await participation(counter.id, { status: "completed", proposedAt: cph("2024-06-01"), answeredAt: cph("2024-06-02"), completedAt: cph("2024-08-31", "23:59"), endedAt: cph("2024-08-31", "23:59"), confirmedMinutes: 600 });
    // Declined inside the period: a proposal, never a participation.
    await participation(counter.id, { status: "declined", proposedAt: cph("2024-10-10"), answeredAt: cph("2024-10-11"), declineReason: "Fuldt hold" });

    const report = await readOutcomeReport(database.db, me(), autumn);
    expect(report?.participations).toEqual({
      byAssociation: [
        { key: "Grindsted Idrætsforening", proposed: 1, takingPart: 1, completed: 1, hours: 7.5 },
        { key: "Røde Kors Grindsted", proposed: 2, takingPart: 1, completed: 0, hours: 0 },
      ],
      byCategory: [
        { key: "sport", proposed: 1, takingPart: 1, completed: 1, hours: 7.5 },
        { key: "shop", proposed: 2, takingPart: 1, completed: 0, hours: 0 },
      ],
      total: { proposed: 3, takingPart: 2, completed: 1, hours: 7.5 },
    });
  });
});
