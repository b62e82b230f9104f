import type { AppLoadContext } from "@remix-run/node";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { courseBookings, courseSessions } from "#db/schema";
import { sessionCookieName } from "~/modules/auth/cookies.server";
import { createSession } from "~/modules/auth/session.server";
import { acceptOffer, book, cancelBooking, declineOffer } from "~/modules/courses/booking.server";
import { listCatalogue, listCatalogueTowns } from "~/modules/courses/catalogue.server";
import { cancelSession, markAttendance } from "~/modules/courses/manage.server";
import type { Actor } from "~/modules/courses/types";
import { addMonths, copenhagenToday } from "~/modules/volunteers/dates";
import { loader as catalogueLoader, headers as catalogueHeaders } from "~/routes/courses._index";
import { action as sessionAction, loader as sessionLoader } from "~/routes/courses.$sessionId";
import { loader as icsLoader } from "~/routes/my-courses.$bookingId[.ics]";
import { loader as myCoursesLoader } from "~/routes/my-courses._index";
import { createCourseWithSession } from "../factories/courses";
import { createUser } from "../factories/users";
import { actorOf, createApplicant } from "../factories/volunteers";
import { createTestContext } from "../helpers/context";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { loggedInUser, request } from "../helpers/sessions";

let database: TestDatabase;
let context: AppLoadContext;
let coordinator: Actor;

beforeAll(async () => {
  database = await createTestDatabase();
  context = createTestContext(database.handle);
  coordinator = actorOf(await createUser(database.db, { role: "coordinator" }));
});
afterAll(() => database.close());

const hour = 60 * 60 * 1000;
let towns = 0;
/** Every test has its own town, so that the catalogue filtered by it holds only that test's sessions. */
const newTown = () => `Testby ${++towns} ${Date.now().toString(36)}`;

type Handler = (args: { request: Request; context: AppLoadContext; params: Record<string, string> }) => Promise<unknown>;

/** Calls a loader (without a form) or an action (with one) as Remix would; a thrown Response is returned. */
async function call(handler: Handler, path: string, params: Record<string, string>, cookie?: string, form?: Record<string, string>) {
  try {
    // The session is looked up once per request context, so each request gets its own, as on the server.
    return await handler({ request: request(path, { cookie, form }), context: { ...context }, params });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

type Catalogue = Awaited<ReturnType<typeof catalogueLoader>>;
type SessionPage = Awaited<ReturnType<typeof sessionLoader>>;
type ActionAnswer = { data: { problem: string | null; confirm: string | null }; init?: { status?: number } | null };

const catalogue = async (search: string, cookie?: string) => (await call(catalogueLoader, `/courses?${search}`, {}, cookie)) as Catalogue;
const sessionPage = async (sessionId: string, cookie?: string) => (await call(sessionLoader, `/courses/${sessionId}`, { sessionId }, cookie)) as SessionPage;
const post = (sessionId: string, cookie: string | undefined, form: Record<string, string>) =>
  call(sessionAction, `/courses/${sessionId}`, { sessionId }, cookie, form) as Promise<Response | ActionAnswer>;

function redirectOf(result: unknown) {
  expect(result).toBeInstanceOf(Response);
  const response = result as Response;
  expect(response.status).toBe(302);
  return { location: response.headers.get("Location"), toast: decodeURIComponent(response.headers.get("Set-Cookie") ?? "") };
}

async function bookingRow(bookingId: string) {
  const [row] = await database.db.select().from(courseBookings).where(eq(courseBookings.id, bookingId));
  return row!;
}

async function cookieFor(user: { id: string; role: Actor["role"] }) {
  const { token } = await createSession(database.db, user);
  return `${sessionCookieName(context.env)}=${token}`;
}

async function volunteer() {
  const login = await loggedInUser(database.db, { role: "volunteer" });
  return { ...login, actor: actorOf(login.user) };
}

/** A session of a course that is not required, so that it does not count as "needed" for anyone. */
function session(town: string, options: { startsInHours?: number; capacity?: number; kind?: "introduction" | "network_meeting"; cancellationHours?: number } = {}) {
  const { kind = "introduction", ...rest } = options;
  return createCourseWithSession(database.db, coordinator, {
    course: { kind, title: `${kind} ${town}`, requiredBeforeMatching: false },
    session: { town, ...rest },
  });
}

/** A full session of one seat with a second volunteer offered the seat the first gave up. */
async function offeredSeat() {
  const { sessionId } = await session(newTown(), { capacity: 1 });
  const first = await volunteer();
  const second = await volunteer();
  const seat = await book(context, first.actor, sessionId);
  const line = await book(context, second.actor, sessionId);
  if (!seat.ok || !line.ok) throw new Error("booking failed");
  expect(await cancelBooking(context, first.actor, seat.bookingId)).toEqual({ ok: true });
  expect((await bookingRow(line.bookingId)).status).toBe("offered");
  return { sessionId, offered: second, bookingId: line.bookingId };
}

describe("the course catalogue", () => {
  it("filters by kind, month and place and pages in the database, as the module lists", async () => {
    const town = newTown();
    // Eleven introductions a day apart from three days ahead, and one network meeting in the same town.
    const introductions = [];
    for (let i = 0; i < 11; i++) introductions.push(await session(town, { startsInHours: 72 + i * 24 }));
    const meeting = await session(town, { kind: "network_meeting", startsInHours: 48 });

    const all = await catalogue(`place=${encodeURIComponent(town)}&size=10`);
    expect(all.total).toBe(12);
    expect(all.rows).toHaveLength(10);
    expect(all.rows[0]?.sessionId).toBe(meeting.sessionId);
    const second = await catalogue(`place=${encodeURIComponent(town)}&size=10&page=2`);
    expect(second.rows.map((row) => row.sessionId)).toEqual([introductions[9]!.sessionId, introductions[10]!.sessionId]);
    const module = await listCatalogue(database.db, { place: town, size: 10, page: 2 });
    expect(second.rows.map((row) => row.sessionId)).toEqual(module.rows.map((row) => row.sessionId));

    const meetings = await catalogue(`place=${encodeURIComponent(town)}&kind=network_meeting`);
    expect(meetings.rows.map((row) => row.sessionId)).toEqual([meeting.sessionId]);

    // A month filter matches the module, and a month far ahead holds none of these sessions.
    const month = copenhagenToday(new Date(Date.now() + 72 * hour)).slice(0, 7);
    const inMonth = await catalogue(`place=${encodeURIComponent(town)}&month=${month}&size=50`);
    const moduleMonth = await listCatalogue(database.db, { place: town, month, size: 50 });
    expect(inMonth.total).toBe(moduleMonth.total);
    expect(inMonth.total).toBeGreaterThan(0);
    const later = addMonths(`${month}-01`, 6).slice(0, 7);
    expect((await catalogue(`place=${encodeURIComponent(town)}&month=${later}`)).total).toBe(0);
    // The month filter offers the coming year, and keeps a bookmarked month outside it.
    expect(inMonth.months).toContain(month);
    expect((await catalogue("month=2020-01")).months[0]).toBe("2020-01");
  });

  it("offers each town with a session ahead once, in the spelling of its next session, and no town with none ahead", async () => {
    const town = newTown();
    const later = newTown();
    const cancelled = newTown();
    await session(town, { startsInHours: 48 });
    await session(town.toUpperCase(), { startsInHours: 72 });
    await session(later, { startsInHours: 30 * 24 });
    const { sessionId } = await session(cancelled, { startsInHours: 48 });
    expect((await cancelSession(context, coordinator, sessionId)).ok).toBe(true);

    const towns = await listCatalogueTowns(database.db);
    expect(towns.filter((name) => name.toLowerCase() === town.toLowerCase())).toEqual([town]);
    expect(towns).toContain(later);
    expect(towns).not.toContain(cancelled);
    // A week on, the first town's sessions have started.
    const weekOn = await listCatalogueTowns(database.db, { now: new Date(Date.now() + 7 * 24 * hour) });
    expect(weekOn.some((name) => name.toLowerCase() === town.toLowerCase())).toBe(false);
    expect(weekOn).toContain(later);
    expect((await catalogue("")).towns).toEqual(towns);
  });

  it("sends a page past the end back to the last page", async () => {
    const town = newTown();
    await session(town);
    const result = await call(catalogueLoader, `/courses?place=${encodeURIComponent(town)}&page=4`, {});
    expect(redirectOf(result).location).toBe(`/courses?place=${encodeURIComponent(town).replace(/%20/g, "+")}`);
  });

  it("is cacheable for visitors, the same for all of them", async () => {
    const headers = new Headers(catalogueHeaders({} as never) as HeadersInit);
    expect(headers.get("Cache-Control")).toMatch(/public.*s-maxage=\d+/);
    const visitor = await catalogue("");
    expect(visitor.viewer).toBeNull();
    expect(visitor.rows.every((row) => row.myStatus === null && !row.needed)).toBe(true);
  });

  it("shows a volunteer the required courses they still need, and their bookings", async () => {
    const town = newTown();
    const required = await createCourseWithSession(database.db, coordinator, { course: { title: `Påkrævet ${town}` }, session: { town } });
    const optional = await session(town);
    // Someone with an application: their kind's required courses are what they need.
    const applicant = await createApplicant(database.db);
    const cookie = await cookieFor(applicant.user);
    expect((await book(context, applicant.actor, optional.sessionId)).ok).toBe(true);

    const everything = await catalogue(`place=${encodeURIComponent(town)}`, cookie);
    expect(everything.viewer).toEqual({ volunteer: true, needsCourses: true });
    const byId = new Map(everything.rows.map((row) => [row.sessionId, row]));
    expect(byId.get(required.sessionId)).toMatchObject({ needed: true, myStatus: null });
    expect(byId.get(optional.sessionId)).toMatchObject({ needed: false, myStatus: "confirmed" });

    const needed = await catalogue(`place=${encodeURIComponent(town)}&needed=1`, cookie);
    expect(needed.rows.map((row) => row.sessionId)).toEqual([required.sessionId]);
    // A visitor's `needed` is ignored: there is nobody to need anything.
    expect((await catalogue(`place=${encodeURIComponent(town)}&needed=1`)).total).toBe(2);
  });
});

describe("a session's page", () => {
  it("shows the seats left to everyone and the person's own booking to them", async () => {
    const { sessionId } = await session(newTown(), { capacity: 3 });
    const booker = await volunteer();
    const result = await book(context, booker.actor, sessionId);

    const visitor = await sessionPage(sessionId);
    expect(visitor.session).toMatchObject({ seatsLeft: 2, capacity: 3, window: "open" });
    expect(visitor.booking).toBeNull();
    expect(visitor.viewer).toBeNull();

    const own = await sessionPage(sessionId, booker.cookie);
    expect(own.booking).toMatchObject({ id: result.ok ? result.bookingId : "", status: "confirmed" });
    expect(own.viewer).toEqual({ volunteer: true });
    expect((await sessionPage(sessionId, (await volunteer()).cookie)).booking).toBeNull();
  });

  it("answers 404 for a session that does not exist", async () => {
    const result = await call(sessionLoader, "/courses/nope", { sessionId: "nope" });
    expect((result as Response).status).toBe(404);
  });

  it("books in one click: a redirect back with a toast, and a confirmed booking", async () => {
    const { sessionId } = await session(newTown());
    const booker = await volunteer();
    const { location, toast } = redirectOf(await post(sessionId, booker.cookie, { intent: "book" }));
    expect(location).toBe(`/courses/${sessionId}`);
    expect(toast).toContain("success:courses.session.booked");
    const rows = await database.db.select().from(courseBookings).where(eq(courseBookings.userId, booker.user.id));
    expect(rows).toMatchObject([{ sessionId, status: "confirmed" }]);

    // A second submit of the same form books nothing more.
    expect(redirectOf(await post(sessionId, booker.cookie, { intent: "book" })).toast).toContain("info:courses.session.already");
    expect(await database.db.select().from(courseBookings).where(eq(courseBookings.userId, booker.user.id))).toHaveLength(1);
  });

  it("puts a booking of a full session on the waitlist and shows the position", async () => {
    const { sessionId } = await session(newTown(), { capacity: 1 });
    const [first, second, third] = [await volunteer(), await volunteer(), await volunteer()];
    expect(redirectOf(await post(sessionId, first.cookie, { intent: "book" })).toast).toContain("courses.session.booked");
    expect(redirectOf(await post(sessionId, second.cookie, { intent: "book" })).toast).toContain("success:courses.session.waitlistedToast");
    await post(sessionId, third.cookie, { intent: "book" });

    expect((await sessionPage(sessionId, second.cookie)).booking).toMatchObject({ status: "waitlisted", position: 1 });
    expect((await sessionPage(sessionId, third.cookie)).booking).toMatchObject({ status: "waitlisted", position: 2 });
    expect((await sessionPage(sessionId)).session).toMatchObject({ seatsLeft: 0, waitlistCount: 2 });
  });

  it("sends an anonymous booking to the login page and back, and books nothing", async () => {
    const { sessionId } = await session(newTown());
    const { location } = redirectOf(await post(sessionId, undefined, { intent: "book" }));
    expect(location).toBe(`/login?redirectTo=${encodeURIComponent(`/courses/${sessionId}`)}`);
    expect(await database.db.select().from(courseBookings).where(eq(courseBookings.sessionId, sessionId))).toEqual([]);
  });

  it("refuses a booking the module refuses, with its message", async () => {
    const { sessionId } = await session(newTown(), { startsInHours: 24 });
    await database.db.update(courseSessions).set({ bookingClosesAt: new Date(Date.now() - hour) }).where(eq(courseSessions.id, sessionId));
    const booker = await volunteer();
    const result = (await post(sessionId, booker.cookie, { intent: "book" })) as ActionAnswer;
    expect(result.init?.status).toBe(409);
    expect(result.data.problem).toBe("courses.refusals.book.closed");
    expect((await sessionPage(sessionId, booker.cookie)).session.window).toBe("closed");
  });

  it("asks before cancelling when no modal did, and cancels on the confirmed second submit", async () => {
    const { sessionId } = await session(newTown());
    const booker = await volunteer();
    const booked = await book(context, booker.actor, sessionId);
    if (!booked.ok) throw new Error("booking failed");

    const asked = (await post(sessionId, booker.cookie, { intent: "cancel", bookingId: booked.bookingId })) as ActionAnswer;
    expect(asked.data).toEqual({ problem: null, confirm: "cancel" });
    expect((await bookingRow(booked.bookingId)).status).toBe("confirmed");

    const done = redirectOf(await post(sessionId, booker.cookie, { intent: "cancel", bookingId: booked.bookingId, confirmed: "yes" }));
    expect(done.toast).toContain("success:courses.session.cancelledToast");
    expect(await bookingRow(booked.bookingId)).toMatchObject({ status: "cancelled", endReason: "by_you" });
  });

  it("refuses to cancel a seat after the deadline, says so, and changes nothing", async () => {
    // Ten hours ahead with a 24-hour deadline: the deadline has passed, booking has not.
    const { sessionId } = await session(newTown(), { startsInHours: 10, cancellationHours: 24 });
    const booker = await volunteer();
    const booked = await book(context, booker.actor, sessionId);
    if (!booked.ok) throw new Error("booking failed");
    expect((await sessionPage(sessionId, booker.cookie)).session.canCancelSeat).toBe(false);
    const before = await bookingRow(booked.bookingId);

    const result = (await post(sessionId, booker.cookie, { intent: "cancel", bookingId: booked.bookingId, confirmed: "yes" })) as ActionAnswer;
    expect(result.init?.status).toBe(409);
    expect(result.data.problem).toBe("courses.refusals.cancel.after_deadline");
    expect(await bookingRow(booked.bookingId)).toEqual(before);
  });

  it("cannot cancel someone else's booking", async () => {
    const { sessionId } = await session(newTown());
    const owner = await volunteer();
    const booked = await book(context, owner.actor, sessionId);
    if (!booked.ok) throw new Error("booking failed");
    const result = (await post(sessionId, (await volunteer()).cookie, { intent: "cancel", bookingId: booked.bookingId, confirmed: "yes" })) as ActionAnswer;
    expect(result.init?.status).toBe(404);
    expect((await bookingRow(booked.bookingId)).status).toBe("confirmed");
  });

  it("shows an offered seat with its expiry, and accepts it", async () => {
    const { sessionId, offered, bookingId } = await offeredSeat();
    const page = await sessionPage(sessionId, offered.cookie);
    expect(page.booking).toMatchObject({ id: bookingId, status: "offered", offerOpen: true });
    expect(page.booking?.offerExpiresAt?.getTime()).toBeGreaterThan(Date.now());

    const { toast } = redirectOf(await post(sessionId, offered.cookie, { intent: "accept", bookingId }));
    expect(toast).toContain("success:courses.session.accepted");
    expect((await bookingRow(bookingId)).status).toBe("confirmed");
  });

  it("refuses an offer past its time, even before the expiry job has run", async () => {
    const { sessionId, offered, bookingId } = await offeredSeat();
    await database.db.update(courseBookings).set({ offerExpiresAt: new Date(Date.now() - 60_000) }).where(eq(courseBookings.id, bookingId));
    expect((await sessionPage(sessionId, offered.cookie)).booking).toMatchObject({ status: "offered", offerOpen: false });
    const result = (await post(sessionId, offered.cookie, { intent: "accept", bookingId })) as ActionAnswer;
    expect(result.data.problem).toBe("courses.refusals.accept.offer_expired");
    expect((await bookingRow(bookingId)).status).toBe("offered");
  });

  it("declines an offered seat after asking", async () => {
    const { sessionId, offered, bookingId } = await offeredSeat();
    expect(((await post(sessionId, offered.cookie, { intent: "decline", bookingId })) as ActionAnswer).data.confirm).toBe("decline");
    expect((await bookingRow(bookingId)).status).toBe("offered");
    const { toast } = redirectOf(await post(sessionId, offered.cookie, { intent: "decline", bookingId, confirmed: "yes" }));
    expect(toast).toContain("success:courses.session.declined");
    expect(await bookingRow(bookingId)).toMatchObject({ status: "cancelled", endReason: "offer_declined" });
  });

  it("does not let a decline cancel a seat that was accepted meanwhile (declineOffer)", async () => {
    const { sessionId, offered, bookingId } = await offeredSeat();
    expect(await acceptOffer(context, offered.actor, bookingId)).toEqual({ ok: true });
    expect(await declineOffer(context, offered.actor, bookingId)).toEqual({ ok: false, reason: "illegal_state" });
    const result = (await post(sessionId, offered.cookie, { intent: "decline", bookingId, confirmed: "yes" })) as ActionAnswer;
    expect(result.data.problem).toBe("courses.refusals.decline.illegal_state");
    expect((await bookingRow(bookingId)).status).toBe("confirmed");
    // Nor someone else's offer, and not for a role that books nothing.
    const other = await offeredSeat();
    expect(await declineOffer(context, offered.actor, other.bookingId)).toEqual({ ok: false, reason: "not_found" });
    expect(await declineOffer(context, coordinator, other.bookingId)).toEqual({ ok: false, reason: "forbidden" });
  });

  it("refuses course actions to a logged-in person without the permission", async () => {
    const { sessionId } = await session(newTown());
    const staff = await loggedInUser(database.db, { role: "coordinator" });
    expect(((await post(sessionId, staff.cookie, { intent: "book" })) as Response).status).toBe(403);
    expect((await sessionPage(sessionId, staff.cookie)).viewer).toEqual({ volunteer: false });
  });
});

describe("my courses", () => {
  it("lists upcoming and past bookings with status, position, offer and attendance, and the training hours", async () => {
    const town = newTown();
    const me = await volunteer();
    const past = await createCourseWithSession(database.db, coordinator, {
      course: { title: `Fortid ${town}`, trainingMinutes: 90, requiredBeforeMatching: false },
      session: { town, startsInHours: -5 },
    });
    const attended = await book(context, me.actor, past.sessionId, { now: new Date(Date.now() - 24 * hour) });
    if (!attended.ok) throw new Error("booking failed");
    expect(await markAttendance(context, coordinator, attended.bookingId, "attended")).toEqual({ ok: true });

    const seat = await session(town);
    await book(context, me.actor, seat.sessionId);
    const full = await session(town, { capacity: 1 });
    await book(context, (await volunteer()).actor, full.sessionId);
    await book(context, me.actor, full.sessionId);

    const result = (await call(myCoursesLoader, "/my-courses", {}, me.cookie)) as Awaited<ReturnType<typeof myCoursesLoader>>;
    expect(result.trainingMinutes).toBe(90);
    expect(result.upcoming.map((row) => [row.sessionId, row.status, row.position])).toEqual([
      [seat.sessionId, "confirmed", null],
      [full.sessionId, "waitlisted", 1],
    ]);
    expect(result.past).toMatchObject([{ sessionId: past.sessionId, status: "confirmed", attendance: "attended" }]);

    const offer = await offeredSeat();
    const offered = (await call(myCoursesLoader, "/my-courses", {}, offer.offered.cookie)) as Awaited<ReturnType<typeof myCoursesLoader>>;
    expect(offered.upcoming).toMatchObject([{ bookingId: offer.bookingId, status: "offered" }]);
    expect(offered.upcoming[0]?.offerExpiresAt).toBeInstanceOf(Date);
  });

  it("gives the owner a calendar file of a confirmed seat, and anyone else a 404", async () => {
    const { sessionId } = await session(newTown());
    const owner = await volunteer();
    const booked = await book(context, owner.actor, sessionId);
    if (!booked.ok) throw new Error("booking failed");
    const path = `/my-courses/${booked.bookingId}.ics`;

    const file = (await call(icsLoader, path, { bookingId: booked.bookingId }, owner.cookie)) as Response;
    expect(file.status).toBe(200);
    expect(file.headers.get("Content-Type")).toMatch(/^text\/calendar; charset=utf-8/);
    expect(file.headers.get("Content-Disposition")).toMatch(/^attachment; filename="kursus\.ics"/);
    expect(file.headers.get("Cache-Control")).toBe("private, no-store");
    const body = await file.text();
    expect(body.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(body).toContain(`UID:${booked.bookingId}@mentorbro\r\n`);
    expect(body).toContain("STATUS:CONFIRMED");
    expect(body).toContain(`URL:${context.env.APP_URL}/courses/${sessionId}`);
    expect(body.trimEnd().endsWith("END:VCALENDAR")).toBe(true);

    const stranger = await volunteer();
    expect(((await call(icsLoader, path, { bookingId: booked.bookingId }, stranger.cookie)) as Response).status).toBe(404);
    // A seat given up has no calendar file any more.
    await cancelBooking(context, owner.actor, booked.bookingId);
    expect(((await call(icsLoader, path, { bookingId: booked.bookingId }, owner.cookie)) as Response).status).toBe(404);
  });
});
