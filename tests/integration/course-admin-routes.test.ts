import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, courseBookings, courseSessions, courses, trainingCredits } from "#db/schema";
import { translator } from "~/i18n/catalogue";
import { book } from "~/modules/courses/booking.server";
import type { CourseDeps } from "~/modules/courses/context.server";
import { createSession } from "~/modules/courses/manage.server";
import { getSetting } from "~/modules/settings/settings.server";
import { getPolicy } from "~/modules/volunteers/policy.server";
import { action as settingsAction, loader as settingsLoader } from "~/routes/admin.course-settings";
import { action as policyAction, loader as policyLoader } from "~/routes/admin.vetting-policy";
import { action as courseAction, loader as courseLoader } from "~/routes/coordinator.courses.$courseId";
import { loader as listLoader } from "~/routes/coordinator.courses._index";
import { action as newCourseAction } from "~/routes/coordinator.courses.new";
import { action as sessionAction, loader as sessionLoader } from "~/routes/coordinator.sessions.$sessionId";
import { loader as csvLoader } from "~/routes/coordinator.sessions.$sessionId.csv";
import { createCourseWithSession, readBooking, readSession, sessionSpec } from "../factories/courses";
import { createUser } from "../factories/users";
import { actorOf } from "../factories/volunteers";
import { createTestContext, queuedJobs } from "../helpers/context";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { loggedInUser, request } from "../helpers/sessions";

let database: TestDatabase;
let context: () => ReturnType<typeof createTestContext>;
let deps: CourseDeps;
let coordinator: Awaited<ReturnType<typeof loggedInUser>>;
let admin: Awaited<ReturnType<typeof loggedInUser>>;
let volunteer: Awaited<ReturnType<typeof loggedInUser>>;

beforeAll(async () => {
  database = await createTestDatabase();
  context = () => createTestContext(database.handle);
  const { jobs, env } = context();
  deps = { db: database.db, jobs, env };
  coordinator = await loggedInUser(database.db, { role: "coordinator" });
  admin = await loggedInUser(database.db, { role: "admin" });
  volunteer = await loggedInUser(database.db, { role: "volunteer" });
});
afterAll(() => database.close());

const hour = 60 * 60 * 1000;

/** Runs a loader or action the way Remix does, returning what it returned or threw. */
async function run<T>(handler: (args: never) => Promise<T>, req: Request, params: Record<string, string> = {}): Promise<T | Response> {
  try {
    return await handler({ request: req, context: context(), params } as never);
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

/** What an action answered: the data and status of a page that comes back, or a redirect and its toast. */
function outcome(result: unknown) {
  if (result instanceof Response) {
    return { status: result.status, location: result.headers.get("Location"), cookie: result.headers.get("Set-Cookie") ?? "" };
  }
  const { data, init } = result as { data: unknown; init?: { status?: number } };
  return { status: init?.status ?? 200, data: data as Record<string, unknown> };
}

/** A form post; fields given several times (checkboxes) as arrays. */
function post(path: string, cookie: string, fields: Record<string, string | string[]>) {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) for (const item of [value].flat()) body.append(name, item);
  return request(path, { method: "POST", cookie, body, headers: { "Content-Type": "application/x-www-form-urlencoded" } });
}

async function loaded<T>(result: T | Response): Promise<T> {
  if (result instanceof Response) throw new Error(`unexpected response ${result.status}: ${await result.text()}`);
  return result;
}

async function courseCount() {
  const [row] = await database.db.select({ value: count() }).from(courses);
  return Number(row?.value ?? 0);
}

const sessionRow = (sessionId: string) => readSession(database.db, sessionId);
const bookingRow = (bookingId: string) => readBooking(database.db, bookingId);

/** A volunteer booked on a session through the module, at `now`. */
async function booked(sessionId: string, now = new Date(), name?: string) {
  const user = await createUser(database.db, { role: "volunteer", name });
  const result = await book(deps, actorOf(user), sessionId, { now });
  if (!result.ok) throw new Error(`booking failed: ${result.reason}`);
  return { user, bookingId: result.bookingId, status: result.status };
}

const goodCourse = {
  intent: "course",
  title: "Netværksmøde i Grindsted",
  description: "Mentorer og virksomheder mødes og deler erfaringer.",
  kind: "network_meeting",
  audience: ["business", "company"],
  openToAll: "yes",
  trainingHours: "3,5",
};

const goodSession = {
  intent: "session",
  date: "2027-06-15",
  startTime: "17:00",
  endTime: "20:30",
  place: "address",
  town: "Grindsted",
  address: "Torvet 1, 7200 Grindsted",
  onlineUrl: "",
  capacity: "12",
  waitlist: "yes",
  cancellationHours: "24",
  opensDate: "",
  opensTime: "",
  closesDate: "",
  closesTime: "",
};

describe("the course list", () => {
  it("lists courses with their upcoming sessions and next session", async () => {
    const { courseId } = await createCourseWithSession(database.db, actorOf(coordinator.user), { course: { title: "Listet kursus" } });
    const page = await loaded(await run(listLoader, request("/coordinator/courses", { cookie: coordinator.cookie })));
    const row = page.courses.find((course) => course.id === courseId);
    expect(row).toMatchObject({ title: "Listet kursus", upcomingSessions: 1, trainingMinutes: 180, required: true });
    expect(row?.nextSession).toBeInstanceOf(Date);
    // Only admins change the course settings, so only they get the link.
    expect(page.canEditSettings).toBe(false);
    const adminPage = await loaded(await run(listLoader, request("/coordinator/courses", { cookie: admin.cookie })));
    expect(adminPage.canEditSettings).toBe(true);
  });

  it("is refused to a volunteer", async () => {
    const result = await run(listLoader, request("/coordinator/courses", { cookie: volunteer.cookie }));
    expect((result as Response).status).toBe(403);
  });
});

describe("a new course", () => {
  it("refuses bad input field by field, keeps what was typed and creates nothing", async () => {
    const before = await courseCount();
    const result = outcome(
      await run(newCourseAction, post("/coordinator/courses/new", coordinator.cookie, { ...goodCourse, title: " ", kind: "", trainingHours: "3,555", audience: ["business", "pirate"] })),
    );
    expect(result.status).toBe(400);
    expect(result.data).toMatchObject({
      form: {
        key: "course",
        errors: {
          title: "courseAdmin.errors.titleRequired",
          kind: "courseAdmin.errors.kindRequired",
          trainingHours: "courseAdmin.errors.hoursRange",
          audience: "validation.invalid",
        },
        values: { trainingHours: "3,555", audience: "business,pirate", openToAll: "yes" },
      },
    });
    expect(await courseCount()).toBe(before);
  });

  it("creates the course with hours from a decimal comma and goes to its page", async () => {
    const result = outcome(await run(newCourseAction, post("/coordinator/courses/new", coordinator.cookie, goodCourse)));
    expect(result.status).toBe(302);
    expect(result.cookie).toContain("courseAdmin.course.created");
    const courseId = result.location?.replace("/coordinator/courses/", "") ?? "";
    const [course] = await database.db.select().from(courses).where(eq(courses.id, courseId));
    expect(course).toMatchObject({
      title: goodCourse.title,
      kind: "network_meeting",
      audience: ["business", "company"],
      openToAll: true,
      trainingMinutes: 210,
      requiredBeforeMatching: false,
      createdBy: coordinator.user.id,
    });
  });
});

describe("a course's page", () => {
  it("shows the course and its sessions, and 404s an unknown course", async () => {
    const { courseId, sessionId } = await createCourseWithSession(database.db, actorOf(coordinator.user));
    const page = await loaded(await run(courseLoader, request(`/coordinator/courses/${courseId}`, { cookie: coordinator.cookie }), { courseId }));
    expect(page.course.id).toBe(courseId);
    expect(page.sessions.map((session) => session.id)).toEqual([sessionId]);
    const unknown = await run(courseLoader, request("/coordinator/courses/x", { cookie: coordinator.cookie }), { courseId: "00000000-0000-4000-8000-000000000000" });
    expect((unknown as Response).status).toBe(404);
  });

  it("saves a changed course, and refuses a bad one without changing anything", async () => {
    const { courseId } = await createCourseWithSession(database.db, actorOf(coordinator.user));
    const path = `/coordinator/courses/${courseId}`;
    const bad = outcome(await run(courseAction, post(path, coordinator.cookie, { ...goodCourse, trainingHours: "101" }), { courseId }));
    expect(bad).toMatchObject({ status: 400, data: { form: { key: "course", errors: { trainingHours: "courseAdmin.errors.hoursRange" } } } });
    const [unchanged] = await database.db.select().from(courses).where(eq(courses.id, courseId));
    expect(unchanged?.title).toBe("Introduktion til mentorrollen");

    const saved = outcome(await run(courseAction, post(path, coordinator.cookie, { ...goodCourse, trainingHours: "2", requiredBeforeMatching: "yes" }), { courseId }));
    expect(saved).toMatchObject({ status: 302, location: path });
    expect(saved.cookie).toContain("courseAdmin.course.saved");
    const [course] = await database.db.select().from(courses).where(eq(courses.id, courseId));
    expect(course).toMatchObject({ title: goodCourse.title, trainingMinutes: 120, requiredBeforeMatching: true });
  });

  it("creates a session from Danish local times, in winter and in summer", async () => {
    const { courseId } = await createCourseWithSession(database.db, actorOf(coordinator.user));
    const path = `/coordinator/courses/${courseId}`;
    const summer = outcome(await run(courseAction, post(path, coordinator.cookie, goodSession), { courseId }));
    expect(summer.status).toBe(302);
    expect(summer.cookie).toContain("courseAdmin.sessions.created");
    const summerId = summer.location?.replace("/coordinator/sessions/", "") ?? "";
    // 17:00 in Copenhagen in June is summer time, UTC+2.
    expect(await sessionRow(summerId)).toMatchObject({
      startsAt: new Date("2027-06-15T15:00:00Z"),
      endsAt: new Date("2027-06-15T18:30:00Z"),
      town: "Grindsted",
      address: "Torvet 1, 7200 Grindsted",
      online: false,
      onlineUrl: null,
      capacity: 12,
      waitlistEnabled: true,
      cancellationHours: 24,
      bookingOpensAt: null,
    });

    const winter = outcome(
      await run(
        courseAction,
        post(path, coordinator.cookie, {
          ...goodSession,
          date: "12.01.2027",
          place: "online",
          onlineUrl: "https://meet.example.dk/mentor",
          waitlist: [],
          opensDate: "2027-01-01",
          opensTime: "09:00",
          closesDate: "2027-01-11",
          closesTime: "12.00",
        }),
        { courseId },
      ),
    );
    expect(winter.status).toBe(302);
    const winterId = winter.location?.replace("/coordinator/sessions/", "") ?? "";
    // In January it is UTC+1; the address typed before choosing online is not kept.
    expect(await sessionRow(winterId)).toMatchObject({
      startsAt: new Date("2027-01-12T16:00:00Z"),
      online: true,
      address: null,
      town: null,
      onlineUrl: "https://meet.example.dk/mentor",
      waitlistEnabled: false,
      bookingOpensAt: new Date("2027-01-01T08:00:00Z"),
      bookingClosesAt: new Date("2027-01-11T11:00:00Z"),
    });
  });

  it("refuses a bad session field by field and creates none", async () => {
    const { courseId } = await createCourseWithSession(database.db, actorOf(coordinator.user));
    const path = `/coordinator/courses/${courseId}`;
    const sessionsBefore = await database.db.select().from(courseSessions).where(eq(courseSessions.courseId, courseId));
    const cases: [Record<string, string | string[]>, Record<string, string>][] = [
      [{ endTime: "16:00" }, { endTime: "courseAdmin.errors.endBeforeStart" }],
      [{ address: "" }, { address: "courseAdmin.errors.placeRequired" }],
      [{ capacity: "0", cancellationHours: "ti" }, { capacity: "courseAdmin.errors.capacityRange", cancellationHours: "courseAdmin.errors.cancellationRange" }],
      [{ place: "online", onlineUrl: "javascript:alert(1)" }, { onlineUrl: "courseAdmin.errors.urlInvalid" }],
      [{ date: "2027-02-30", startTime: "25:00" }, { date: "courseAdmin.errors.dateInvalid", startTime: "courseAdmin.errors.timeInvalid" }],
      // The hour that does not exist when summer time starts.
      [{ date: "2027-03-28", startTime: "02:30", endTime: "04:00" }, { startTime: "courseAdmin.errors.timeSkipped" }],
      [{ closesDate: "2027-06-16", closesTime: "09:00" }, { closesDate: "courseAdmin.errors.closesAfterStart" }],
      [{ opensDate: "2027-06-01" }, { opensTime: "courseAdmin.errors.momentTimeRequired" }],
      [{ date: "", capacity: "", address: "" }, { date: "courseAdmin.errors.dateRequired", capacity: "courseAdmin.errors.capacityRange", address: "courseAdmin.errors.placeRequired" }],
      [{ place: "" }, { place: "courseAdmin.errors.placeKindRequired" }],
    ];
    for (const [change, errors] of cases) {
      const result = outcome(await run(courseAction, post(path, coordinator.cookie, { ...goodSession, ...change }), { courseId }));
      expect(result, JSON.stringify(change)).toMatchObject({ status: 400, data: { form: { key: "session", errors } } });
      expect(Object.keys((result.data?.form as { errors: object }).errors).sort(), JSON.stringify(change)).toEqual(Object.keys(errors).sort());
    }
    const sessionsAfter = await database.db.select().from(courseSessions).where(eq(courseSessions.courseId, courseId));
    expect(sessionsAfter).toHaveLength(sessionsBefore.length);
  });

  it("reads the hour that comes twice in October as one of its two passes, as the rest of the portal does", async () => {
    const { courseId } = await createCourseWithSession(database.db, actorOf(coordinator.user));
    const result = outcome(
      await run(courseAction, post(`/coordinator/courses/${courseId}`, coordinator.cookie, { ...goodSession, date: "2027-10-31", startTime: "02:30", endTime: "04:00" }), {
        courseId,
      }),
    );
    expect(result.status).toBe(302);
    const row = await sessionRow(result.location?.replace("/coordinator/sessions/", "") ?? "");
    expect(row.startsAt).toEqual(new Date("2027-10-31T01:30:00Z"));
    expect(row.endsAt).toEqual(new Date("2027-10-31T03:00:00Z"));
  });
});

describe("a session's page", () => {
  it("lists seats, offers and the line in order with positions", async () => {
    const { sessionId } = await createCourseWithSession(database.db, actorOf(coordinator.user), { session: { capacity: 1 } });
    const first = await booked(sessionId, new Date(), "Første");
    const second = await booked(sessionId, new Date(), "Anden");
    const third = await booked(sessionId, new Date(), "Tredje");
    const page = await loaded(await run(sessionLoader, request(`/coordinator/sessions/${sessionId}`, { cookie: coordinator.cookie }), { sessionId }));
    expect(page.groups.confirmed.map((row) => row.bookingId)).toEqual([first.bookingId]);
    expect(page.groups.waitlisted.map((row) => [row.bookingId, row.position])).toEqual([
      [second.bookingId, 1],
      [third.bookingId, 2],
    ]);
    expect(page.groups.offered).toEqual([]);
  });

  it("refuses a capacity below the seats taken with the number, and changes nothing", async () => {
    const { sessionId } = await createCourseWithSession(database.db, actorOf(coordinator.user), { session: { capacity: 3 } });
    await booked(sessionId);
    await booked(sessionId);
    const path = `/coordinator/sessions/${sessionId}`;
    const result = outcome(await run(sessionAction, post(path, coordinator.cookie, { ...goodSession, capacity: "1" }), { sessionId }));
    expect(result).toMatchObject({
      status: 409,
      data: {
        form: { key: "session", errors: { capacity: "courseAdmin.errors.capacityBelowBooked" }, values: { capacity: "1", town: "Grindsted" } },
        problem: { key: "courseAdmin.problems.session.capacity_below_booked", values: { booked: 2 } },
      },
    });
    expect(translator("da")("courseAdmin.problems.session.capacity_below_booked", { booked: 2 })).toContain("2 pladser");
    expect(await sessionRow(sessionId)).toMatchObject({ capacity: 3, town: "Billund" });

    const invalid = outcome(await run(sessionAction, post(path, coordinator.cookie, { ...goodSession, startTime: "" }), { sessionId }));
    expect(invalid).toMatchObject({ status: 400, data: { form: { key: "session", errors: { startTime: "courseAdmin.errors.startTimeRequired" } } } });

    const saved = outcome(await run(sessionAction, post(path, coordinator.cookie, { ...goodSession, capacity: "2" }), { sessionId }));
    expect(saved).toMatchObject({ status: 302, location: path });
    expect(await sessionRow(sessionId)).toMatchObject({ capacity: 2, town: "Grindsted", startsAt: new Date("2027-06-15T15:00:00Z") });
  });

  it("asks before cancelling a session, then cancels it and tells everyone booked", async () => {
    const { sessionId } = await createCourseWithSession(database.db, actorOf(coordinator.user), { session: { capacity: 1 } });
    const seat = await booked(sessionId);
    const line = await booked(sessionId);
    const path = `/coordinator/sessions/${sessionId}`;
    const asked = outcome(await run(sessionAction, post(path, coordinator.cookie, { intent: "cancel", confirmed: "" }), { sessionId }));
    expect(asked).toMatchObject({ status: 200, data: { confirm: { intent: "cancel" } } });
    expect((await sessionRow(sessionId)).status).toBe("scheduled");

    const emailsBefore = (await queuedJobs(database.db, "email")).length;
    const cancelled = outcome(await run(sessionAction, post(path, coordinator.cookie, { intent: "cancel", confirmed: "yes" }), { sessionId }));
    expect(cancelled).toMatchObject({ status: 302, location: path });
    expect(cancelled.cookie).toContain("courseAdmin.session.cancelled");
    expect((await sessionRow(sessionId)).status).toBe("cancelled");
    expect((await bookingRow(seat.bookingId)).endReason).toBe("session_cancelled");
    expect((await bookingRow(line.bookingId)).endReason).toBe("session_cancelled");
    const emails = (await queuedJobs<{ template: string }>(database.db, "email")).slice(emailsBefore);
    expect(emails.map((job) => job.data.template)).toEqual(["courseCancelled", "courseCancelled"]);

    const again = outcome(await run(sessionAction, post(path, coordinator.cookie, { intent: "cancel", confirmed: "yes" }), { sessionId }));
    expect(again).toMatchObject({ status: 409, data: { problem: { key: "courseAdmin.problems.cancel.illegal_state" } } });
    const edit = outcome(await run(sessionAction, post(path, coordinator.cookie, goodSession), { sessionId }));
    expect(edit).toMatchObject({ status: 409, data: { problem: { key: "courseAdmin.problems.session.illegal_state" } } });
  });

  it("asks before removing a participant, then removes them and offers the seat to the line", async () => {
    const { sessionId } = await createCourseWithSession(database.db, actorOf(coordinator.user), { session: { capacity: 1 } });
    const seat = await booked(sessionId);
    const line = await booked(sessionId);
    const path = `/coordinator/sessions/${sessionId}`;
    const asked = outcome(await run(sessionAction, post(path, coordinator.cookie, { intent: "remove", bookingId: seat.bookingId }), { sessionId }));
    expect(asked).toMatchObject({ status: 200, data: { confirm: { intent: "remove", bookingId: seat.bookingId } } });
    expect((await bookingRow(seat.bookingId)).status).toBe("confirmed");

    const removed = outcome(await run(sessionAction, post(path, coordinator.cookie, { intent: "remove", bookingId: seat.bookingId, confirmed: "yes" }), { sessionId }));
    expect(removed).toMatchObject({ status: 302, location: path });
    expect(await bookingRow(seat.bookingId)).toMatchObject({ status: "cancelled", endReason: "by_coordinator", endedBy: coordinator.user.id });
    expect((await bookingRow(line.bookingId)).status).toBe("offered");

    const again = outcome(await run(sessionAction, post(path, coordinator.cookie, { intent: "remove", bookingId: seat.bookingId, confirmed: "yes" }), { sessionId }));
    expect(again).toMatchObject({ status: 409, data: { problem: { key: "courseAdmin.problems.remove.illegal_state", bookingId: seat.bookingId } } });
  });

  it("moves a participant to another session of the course, and explains a refused move", async () => {
    const { courseId, sessionId } = await createCourseWithSession(database.db, actorOf(coordinator.user));
    const other = await createSession(database.db, actorOf(coordinator.user), courseId, sessionSpec(new Date(), { startsInHours: 14 * 24 }));
    if (!other.ok) throw new Error("no second session");
    const person = await booked(sessionId);
    const path = `/coordinator/sessions/${sessionId}`;

    const page = await loaded(await run(sessionLoader, request(path, { cookie: coordinator.cookie }), { sessionId }));
    expect(page.otherSessions.map((session) => session.id)).toEqual([other.sessionId]);

    const missing = outcome(await run(sessionAction, post(path, coordinator.cookie, { intent: "move", bookingId: person.bookingId, target: "" }), { sessionId }));
    expect(missing).toMatchObject({ status: 400, data: { form: { key: `move-${person.bookingId}`, errors: { target: "courseAdmin.errors.targetRequired" } } } });
    expect((await bookingRow(person.bookingId)).status).toBe("confirmed");

    const same = outcome(await run(sessionAction, post(path, coordinator.cookie, { intent: "move", bookingId: person.bookingId, target: sessionId }), { sessionId }));
    expect(same).toMatchObject({ status: 409, data: { problem: { key: "courseAdmin.problems.move.same_session", bookingId: person.bookingId } } });

    const moved = outcome(await run(sessionAction, post(path, coordinator.cookie, { intent: "move", bookingId: person.bookingId, target: other.sessionId }), { sessionId }));
    expect(moved).toMatchObject({ status: 302, location: path });
    expect(moved.cookie).toContain("courseAdmin.participants.moved");
    expect(await bookingRow(person.bookingId)).toMatchObject({ status: "cancelled", endReason: "moved" });
    const [there] = await database.db
      .select()
      .from(courseBookings)
      .where(and(eq(courseBookings.sessionId, other.sessionId), eq(courseBookings.userId, person.user.id)));
    expect(there?.status).toBe("confirmed");
  });

  it("marks attendance from the start, credits the hours, and clears the mark", async () => {
    const now = new Date();
    // A session that began an hour ago, booked two days before.
    const { sessionId } = await createCourseWithSession(database.db, actorOf(coordinator.user), { session: { startsInHours: -1 } });
    const person = await booked(sessionId, new Date(now.getTime() - 48 * hour));
    const path = `/coordinator/sessions/${sessionId}`;

    const attended = outcome(await run(sessionAction, post(path, coordinator.cookie, { intent: "attendance", bookingId: person.bookingId, attendance: "attended" }), { sessionId }));
    expect(attended).toMatchObject({ status: 302, location: path });
    expect(attended.cookie).toContain("courseAdmin.checkin.saved");
    expect(await bookingRow(person.bookingId)).toMatchObject({ attendance: "attended", attendanceBy: coordinator.user.id });
    const credits = await database.db.select().from(trainingCredits).where(eq(trainingCredits.bookingId, person.bookingId));
    expect(credits.map((credit) => credit.minutes)).toEqual([180]);

    const cleared = outcome(await run(sessionAction, post(path, coordinator.cookie, { intent: "attendance", bookingId: person.bookingId, attendance: "clear" }), { sessionId }));
    expect(cleared.status).toBe(302);
    expect((await bookingRow(person.bookingId)).attendance).toBeNull();
    expect(await database.db.select().from(trainingCredits).where(eq(trainingCredits.bookingId, person.bookingId))).toEqual([]);

    const tampered = await run(sessionAction, post(path, coordinator.cookie, { intent: "attendance", bookingId: person.bookingId, attendance: "maybe" }), { sessionId });
    expect((tampered as Response).status).toBe(400);
  });

  it("keeps a marked booking: no removing, moving or cancelling the session until the mark is cleared", async () => {
    const now = new Date();
    const { courseId, sessionId } = await createCourseWithSession(database.db, actorOf(coordinator.user), { session: { startsInHours: -1 } });
    const later = await createSession(database.db, actorOf(coordinator.user), courseId, sessionSpec(now, { startsInHours: 48 }));
    if (!later.ok) throw new Error("no second session");
    const person = await booked(sessionId, new Date(now.getTime() - 48 * hour));
    const path = `/coordinator/sessions/${sessionId}`;
    const send = async (fields: Record<string, string>) => outcome(await run(sessionAction, post(path, coordinator.cookie, fields), { sessionId }));
    await send({ intent: "attendance", bookingId: person.bookingId, attendance: "no_show" });

    expect(await send({ intent: "remove", bookingId: person.bookingId, confirmed: "yes" })).toMatchObject({
      status: 409,
      data: { problem: { key: "courseAdmin.problems.remove.attendance_marked", bookingId: person.bookingId } },
    });
    expect(await send({ intent: "move", bookingId: person.bookingId, target: later.sessionId })).toMatchObject({
      status: 409,
      data: { problem: { key: "courseAdmin.problems.move.attendance_marked" } },
    });
    expect(await send({ intent: "cancel", confirmed: "yes" })).toMatchObject({ status: 409, data: { problem: { key: "courseAdmin.problems.cancel.attendance_marked" } } });
    expect(await bookingRow(person.bookingId)).toMatchObject({ status: "confirmed", attendance: "no_show" });
    expect((await sessionRow(sessionId)).status).toBe("scheduled");

    await send({ intent: "attendance", bookingId: person.bookingId, attendance: "clear" });
    expect(await send({ intent: "cancel", confirmed: "yes" })).toMatchObject({ status: 302 });
    expect(await bookingRow(person.bookingId)).toMatchObject({ status: "cancelled", endReason: "session_cancelled", attendance: null });
  });

  it("refuses attendance before the session starts, beside the person", async () => {
    const { sessionId } = await createCourseWithSession(database.db, actorOf(coordinator.user));
    const person = await booked(sessionId);
    const result = outcome(
      await run(sessionAction, post(`/coordinator/sessions/${sessionId}`, coordinator.cookie, { intent: "attendance", bookingId: person.bookingId, attendance: "no_show" }), {
        sessionId,
      }),
    );
    expect(result).toMatchObject({ status: 409, data: { problem: { key: "courseAdmin.problems.attendance.not_started", bookingId: person.bookingId } } });
    expect((await bookingRow(person.bookingId)).attendance).toBeNull();
  });

  it("is read-only to nobody but staff: a volunteer is refused the page and its actions", async () => {
    const { sessionId } = await createCourseWithSession(database.db, actorOf(coordinator.user));
    const page = await run(sessionLoader, request(`/coordinator/sessions/${sessionId}`, { cookie: volunteer.cookie }), { sessionId });
    expect((page as Response).status).toBe(403);
    const cancel = await run(sessionAction, post(`/coordinator/sessions/${sessionId}`, volunteer.cookie, { intent: "cancel", confirmed: "yes" }), { sessionId });
    expect((cancel as Response).status).toBe(403);
    expect((await sessionRow(sessionId)).status).toBe("scheduled");
  });
});

describe("the participant CSV", () => {
  it("downloads every booking with a BOM, a translated header and formula-safe cells, audited", async () => {
    const { sessionId } = await createCourseWithSession(database.db, actorOf(coordinator.user), { session: { capacity: 1 } });
    await booked(sessionId, new Date(), "=HYPERLINK(1)");
    await booked(sessionId, new Date(), "Venter Vestergaard");
    const response = await run(csvLoader, request(`/coordinator/sessions/${sessionId}/csv`, { cookie: coordinator.cookie }), { sessionId });
    if (!(response instanceof Response)) throw new Error("expected a Response");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="deltagere-\d{4}-\d{2}-\d{2}\.csv"/);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes).slice(1).split("\r\n").filter(Boolean);
    expect(lines[0]).toBe("Navn;E-mail;Status;Nummer på venteliste;Tilbud udløber;Fremmøde;Årsag;Tilmeldt");
    expect(lines[1]).toMatch(/^'=HYPERLINK\(1\);[^;]+;Har en plads;;;Ikke registreret;;\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(lines[2]).toMatch(/^Venter Vestergaard;[^;]+;På venteliste;1;;;;/);
    expect(lines).toHaveLength(3);

    const events = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "course.participants_exported"), eq(auditEvents.subjectId, sessionId)));
    expect(events.map((event) => [event.actorId, event.details])).toEqual([[coordinator.user.id, { rows: 2 }]]);
  });

  it("404s an unknown session and is refused to a volunteer", async () => {
    const unknown = await run(csvLoader, request("/coordinator/sessions/x/csv", { cookie: coordinator.cookie }), { sessionId: "00000000-0000-4000-8000-000000000000" });
    expect((unknown as Response).status).toBe(404);
    const refused = await run(csvLoader, request("/coordinator/sessions/x/csv", { cookie: volunteer.cookie }), { sessionId: "00000000-0000-4000-8000-000000000000" });
    expect((refused as Response).status).toBe(403);
  });
});

describe("the course settings", () => {
  it("shows the settings to an admin and refuses bad input without saving", async () => {
    const page = await loaded(await run(settingsLoader, request("/admin/course-settings", { cookie: admin.cookie })));
    expect(page).toEqual({ offerHours: 24, reminderDays: 2 });
    const result = outcome(await run(settingsAction, post("/admin/course-settings", admin.cookie, { offerHours: "200", reminderDays: "to" })));
    expect(result).toMatchObject({
      status: 400,
      data: { errors: { offerHours: "courseAdmin.settings.offerHoursRange", reminderDays: "courseAdmin.settings.reminderDaysRange" }, values: { offerHours: "200" } },
    });
    expect(await getSetting(database.db, "course_offer_hours")).toBe(24);
  });

  it("saves what changed, audited, and nothing else", async () => {
    const result = outcome(await run(settingsAction, post("/admin/course-settings", admin.cookie, { offerHours: "12", reminderDays: "2" })));
    expect(result).toMatchObject({ status: 302, location: "/admin/course-settings" });
    expect(result.cookie).toContain("courseAdmin.settings.saved");
    expect(await getSetting(database.db, "course_offer_hours")).toBe(12);
    const events = await database.db.select().from(auditEvents).where(eq(auditEvents.action, "settings.updated"));
    expect(events.map((event) => [event.subjectId, event.details])).toEqual([["course_offer_hours", { before: 24, after: 12 }]]);
  });

  it("is refused to a coordinator", async () => {
    const result = await run(settingsAction, post("/admin/course-settings", coordinator.cookie, { offerHours: "1", reminderDays: "1" }));
    expect((result as Response).status).toBe(403);
    expect(await getSetting(database.db, "course_reminder_days")).toBe(2);
  });
});

describe("the vetting policy's required courses", () => {
  const policyFields = { intent: "policy", kind: "civil_society", requiredSteps: ["interview", "training"], referencesRequired: "2", attestRenewalMonths: "24" };

  it("offers the current courses a kind can book, and saves the ones ticked", async () => {
    const { courseId: forAll } = await createCourseWithSession(database.db, actorOf(coordinator.user), { course: { title: "For alle" } });
    const { courseId: businessOnly } = await createCourseWithSession(database.db, actorOf(coordinator.user), { course: { title: "Kun erhverv", audience: ["business"] } });
    const page = await loaded(await run(policyLoader, request("/admin/vetting-policy", { cookie: admin.cookie })));
    const civil = page.policies.find((policy) => policy.kind === "civil_society")!;
    expect(civil.courseOptions.map((course) => course.id)).toContain(forAll);
    expect(civil.courseOptions.map((course) => course.id)).not.toContain(businessOnly);

    const refused = outcome(await run(policyAction, post("/admin/vetting-policy", admin.cookie, { ...policyFields, requiredCourseIds: [forAll, businessOnly] })));
    expect(refused).toMatchObject({ status: 400, data: { kind: "civil_society", errors: { requiredCourseIds: "validation.invalid" } } });
    expect((await getPolicy(database.db, "civil_society")).requiredCourseIds).toEqual([]);

    const saved = outcome(await run(policyAction, post("/admin/vetting-policy", admin.cookie, { ...policyFields, requiredCourseIds: [forAll] })));
    expect(saved).toMatchObject({ status: 302, location: "/admin/vetting-policy" });
    expect((await getPolicy(database.db, "civil_society")).requiredCourseIds).toEqual([forAll]);

    // Unticking every course leaves the policy naming none.
    await run(policyAction, post("/admin/vetting-policy", admin.cookie, policyFields));
    expect((await getPolicy(database.db, "civil_society")).requiredCourseIds).toEqual([]);
  });
});
