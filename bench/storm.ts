/**
 * The booking storm (ADR 0011): a course session is announced with a handful of seats and a waitlist, and
 * hundreds of volunteers press "Book" in the same second. All of them post the real form (`intent=book`) at
 * once over kept-alive connections; the bench measures the time from the first request to the last answer,
 * then checks in SQL that every seat went once, the line is numbered in order, the session's counters agree
 * with its bookings, and every person's email is queued. Wrong counts fail the run like a missed target.
 *
 * The people are seeded volunteers logged in by session rows written here (the token's hash, as the app keeps
 * it; logging 200 people in over HTTP would pay argon2 200 times and meet the login rate limit). The stormed
 * session, its bookings, emails and the logins are removed afterwards; the audit events stay (append-only).
 */
import http from "node:http";
import postgres from "postgres";
import { generateToken, hashToken } from "~/modules/auth/tokens.server";
import { cpuBetween, sampleCpu } from "./cpu";
import { SESSION_COOKIE } from "./load";
import type { TargetCheck } from "./scenarios";

export const STORM = "booking storm";

/** Marks the sessions the storm makes, so that a run that died half-way is cleaned up by the next. */
const MARK = "(bench: booking storm)";
const WARM_UP_PEOPLE = 10;

export interface StormOptions {
  people: number;
  seats: number;
  serverPid: number;
  database: string;
  /** A logged-in page requested one at a time during the storm: what everybody else sees meanwhile. */
  bystander?: { path: string; cookie: string };
  /** Addresses the bench accounts use: they are not among the people. */
  excludeEmails: string[];
}

interface Answer {
  status: number;
  location: string | null;
  ms: number;
  error?: string;
}

export interface StormResult {
  people: number;
  seats: number;
  /** From the first request sent to the last answer received. */
  settledMs: number;
  bookingsPerSecond: number;
  latency: { p50: number; p90: number; p99: number; max: number };
  /** Answers by HTTP status ("error" for a failed connection). */
  statuses: Record<string, number>;
  appCpuMsPerBooking: number | null;
  dbCpuMsPerBooking: number | null;
  bystander: { path: string; requests: number; p50: number; max: number } | null;
  bookings: Record<string, { count: number; firstSeq: number; lastSeq: number }>;
  counters: { capacity: number; confirmed: number; offered: number; waitlist: number; lastSeq: number };
  emails: { courseBooked: number; courseWaitlisted: number; queued: number; positions: string };
  checks: TargetCheck[];
}

function percentile(sorted: number[], p: number) {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const round = (ms: number) => Math.round(ms * 10) / 10;

/** One request on a kept-alive connection; the body is read and dropped. */
function send(agent: http.Agent, baseUrl: string, path: string, options: { method?: string; cookie?: string; body?: string } = {}) {
  const url = new URL(path, baseUrl);
  const started = performance.now();
  return new Promise<Answer>((resolve) => {
    const request = http.request(
      {
        agent,
        // The server listens on 127.0.0.1; the Host stays the base URL's, which the CSRF check compares with Origin.
        host: "127.0.0.1",
        port: url.port,
        path: url.pathname + url.search,
        method: options.method ?? "GET",
        headers: {
          Host: url.host,
          ...(options.cookie ? { Cookie: options.cookie } : {}),
          ...(options.body !== undefined
            ? { Origin: url.origin, "Content-Type": "application/x-www-form-urlencoded", "Content-Length": Buffer.byteLength(options.body) }
            : {}),
        },
      },
      (response) => {
        response.resume();
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, location: response.headers.location ?? null, ms: performance.now() - started }),
        );
      },
    );
    request.setTimeout(60_000, () => request.destroy(new Error("timed out after 60 s")));
    request.on("error", (error) => resolve({ status: 0, location: null, ms: performance.now() - started, error: error.message }));
    request.end(options.body);
  });
}

/** Removes what storms left: their sessions (the bookings go with them), their queued emails and logins. */
async function cleanUp(sql: postgres.Sql, people: string[]) {
  const sessions = await sql<{ id: string }[]>`select id from course_sessions where address like ${`%${MARK}`}`;
  if (sessions.length > 0) {
    const ids = sessions.map((session) => session.id);
    await sql`
      delete from pgboss.job where name in ('email', 'courses')
        and substring(data->'props'->>'url' from '/courses/([0-9a-f-]+)$') in ${sql(ids)}`;
    await sql`delete from course_sessions where id in ${sql(ids)}`;
  }
  if (people.length > 0) await sql`delete from sessions where user_id in ${sql(people)}`;
}

export async function bookingStorm(baseUrl: string, databaseUrl: string, options: StormOptions): Promise<StormResult> {
  const sql = postgres(databaseUrl, { max: 2, onnotice: () => {} });
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.people, maxFreeSockets: options.people });
  let people: string[] = [];
  try {
    // The required introduction, open to every kind of mentor if there is one such: the course announced to all.
    const [course] = await sql<{ id: string; audience: string[] }[]>`
      select id, audience::text[] as audience from courses
      where kind = 'introduction' and archived_at is null
      order by required_before_matching desc, cardinality(audience), created_at, id limit 1`;
    if (!course) throw new Error("the booking storm needs an introduction course: seed the courses (--sessions)");
    const wanted = options.people + WARM_UP_PEOPLE;
    // Volunteers who may book the course and receive its email, in a fixed order: each run storms with the same people.
    const rows = await sql<{ id: string }[]>`
      select u.id from users u left join volunteers v on v.user_id = u.id
      where u.role = 'volunteer' and u.disabled_at is null and u.email not in ${sql(options.excludeEmails)}
        and (cardinality(${course.audience}::text[]) = 0 or v.kind::text = any(${course.audience}::text[]))
      order by v.id nulls last, u.id
      limit ${wanted}`;
    people = rows.map((row) => row.id);
    await cleanUp(sql, people);
    if (people.length < wanted) throw new Error(`the booking storm needs ${wanted} volunteers who may book the course, found ${people.length}`);

    const sessionIds: string[] = [];
    for (const [seats, label] of [
      [Math.max(1, Math.floor(WARM_UP_PEOPLE / 2)), "warm-up"],
      [options.seats, "storm"],
    ] as const) {
      const [session] = await sql<{ id: string }[]>`
        insert into course_sessions (course_id, starts_at, ends_at, town, address, capacity, waitlist_enabled)
        select ${course.id}, day + interval '17 hours', day + interval '20 hours', 'Billund',
          ${`Billund Bibliotek, Jorden Rundt 1, 7190 Billund, ${label} ${MARK}`}, ${seats}, true
        from (select (((now() at time zone 'Europe/Copenhagen')::date + 14)::timestamp at time zone 'Europe/Copenhagen') as day) as d
        returning id`;
      sessionIds.push(session!.id);
    }
    const [warmUpSession, stormSession] = sessionIds as [string, string];

    // A session for everybody, as logging in would have made it.
    const tokens = people.map(() => generateToken());
    const now = Date.now();
    await sql`
      insert into sessions ${sql(
        people.map((userId, index) => ({
          id: hashToken(tokens[index]!),
          user_id: userId,
          created_at: new Date(now),
          last_seen_at: new Date(now),
          idle_expires_at: new Date(now + 14 * 24 * 3600_000),
          expires_at: new Date(now + 30 * 24 * 3600_000),
        })),
      )}`;
    const cookieOf = (index: number) => `${SESSION_COOKIE}=${tokens[index]!}`;
    const book = (sessionId: string, index: number) =>
      send(agent, baseUrl, `/courses/${sessionId}`, { method: "POST", cookie: cookieOf(index), body: "intent=book" });

    // The booking path has not run yet in this server: warm it (JIT, pg-boss's queue lookup) on a session of its own.
    const warmUp = await Promise.all(Array.from({ length: WARM_UP_PEOPLE }, (_, index) => book(warmUpSession, options.people + index)));
    const warmUpFailures = warmUp.filter((answer) => answer.status !== 302);
    if (warmUpFailures.length > 0) {
      console.warn(`warning: ${warmUpFailures.length} warm-up bookings were answered ${warmUpFailures.map((answer) => answer.status || answer.error).join(", ")}`);
    }
    // Open every connection first, so that the storm measures bookings, not TCP handshakes.
    await Promise.all(Array.from({ length: options.people }, () => send(agent, baseUrl, "/healthz")));

    const bystanderAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const bystanderTimes: number[] = [];
    let stormDone = false;
    const bystander = options.bystander
      ? (async () => {
          while (!stormDone) {
            const answer = await send(bystanderAgent, baseUrl, options.bystander!.path, { cookie: options.bystander!.cookie });
            if (!stormDone) bystanderTimes.push(answer.ms);
          }
        })()
      : Promise.resolve();

    const cpuBefore = sampleCpu(options.serverPid, options.database);
    const started = performance.now();
    const answers = await Promise.all(people.slice(0, options.people).map((_, index) => book(stormSession, index)));
    const settledMs = performance.now() - started;
    const cpu = cpuBetween(cpuBefore, sampleCpu(options.serverPid, options.database));
    stormDone = true;
    await bystander;
    bystanderAgent.destroy();

    const statuses: Record<string, number> = {};
    for (const answer of answers) {
      const key = answer.status ? String(answer.status) : "error";
      statuses[key] = (statuses[key] ?? 0) + 1;
    }
    const errors = answers.filter((answer) => answer.error).map((answer) => answer.error!);
    if (errors.length > 0) console.warn(`warning: ${errors.length} storm requests failed: ${[...new Set(errors)].join("; ")}`);
    const latencies = answers.map((answer) => answer.ms).sort((a, b) => a - b);
    const sortedBystander = [...bystanderTimes].sort((a, b) => a - b);

    const result = await countStorm(sql, stormSession, `${baseUrl}/courses/${stormSession}`);
    const perBooking = (ms: number | undefined) => (ms === undefined ? null : Math.round((ms / options.people) * 100) / 100);
    const partial = {
      people: options.people,
      seats: options.seats,
      settledMs: round(settledMs),
      bookingsPerSecond: Math.round((options.people / settledMs) * 1000),
      latency: { p50: round(percentile(latencies, 50)), p90: round(percentile(latencies, 90)), p99: round(percentile(latencies, 99)), max: round(latencies.at(-1) ?? 0) },
      statuses,
      appCpuMsPerBooking: perBooking(cpu?.server),
      dbCpuMsPerBooking: perBooking(cpu?.database),
      bystander: options.bystander
        ? { path: options.bystander.path, requests: sortedBystander.length, p50: round(percentile(sortedBystander, 50)), max: round(sortedBystander.at(-1) ?? 0) }
        : null,
      ...result,
    };
    const redirects = answers.filter((answer) => answer.status === 302 && answer.location?.endsWith(`/courses/${stormSession}`)).length;
    return { ...partial, checks: stormChecks(partial, { redirects, serverErrors: answers.filter((answer) => answer.status >= 500 || answer.status === 0).length }) };
  } finally {
    agent.destroy();
    try {
      await cleanUp(sql, people);
    } finally {
      await sql.end({ timeout: 5 });
    }
  }
}

/** What the database says happened: the bookings by status, the session's counters and the queued emails. */
async function countStorm(sql: postgres.Sql, sessionId: string, sessionUrl: string) {
  const byStatus = await sql<{ status: string; count: number; firstSeq: number; lastSeq: number }[]>`
    select status::text as status, count(*)::int as count, min(seq) as "firstSeq", max(seq) as "lastSeq"
    from course_bookings where session_id = ${sessionId} group by status order by min(seq)`;
  const bookings = Object.fromEntries(byStatus.map(({ status, ...rest }) => [status, rest]));
  const [session] = await sql<{ capacity: number; confirmed: number; offered: number; waitlist: number; lastSeq: number }[]>`
    select capacity, confirmed_count as confirmed, offered_count as offered, waitlist_count as waitlist, last_seq as "lastSeq"
    from course_sessions where id = ${sessionId}`;
  // With JOBS off the bench server sends nothing: every email the storm queued is still in the queue.
  const [emails] = await sql<{ courseBooked: number; courseWaitlisted: number; queued: number; positions: number[] | null }[]>`
    select count(*) filter (where data->>'template' = 'courseBooked')::int as "courseBooked",
      count(*) filter (where data->>'template' = 'courseWaitlisted')::int as "courseWaitlisted",
      count(*) filter (where state = 'created')::int as queued,
      array_agg((data->'props'->>'position')::int order by (data->'props'->>'position')::int)
        filter (where data->>'template' = 'courseWaitlisted') as positions
    from pgboss.job where name = 'email' and data->'props'->>'url' = ${sessionUrl}`;
  const positions = emails?.positions ?? [];
  const contiguous = positions.every((position, index) => position === index + 1);
  return {
    bookings,
    counters: session ?? { capacity: 0, confirmed: -1, offered: -1, waitlist: -1, lastSeq: -1 },
    emails: {
      courseBooked: emails?.courseBooked ?? 0,
      courseWaitlisted: emails?.courseWaitlisted ?? 0,
      queued: emails?.queued ?? 0,
      positions: positions.length === 0 ? "none" : contiguous ? `1–${positions.length}` : `not 1–${positions.length}: ${positions.slice(0, 10).join(", ")}…`,
    },
  };
}

function stormChecks(result: Omit<StormResult, "checks">, answers: { redirects: number; serverErrors: number }): TargetCheck[] {
  const { people, bookings, counters, emails } = result;
  // More seats than people (a small --storm-users): everybody gets one.
  const seats = Math.min(result.seats, people);
  const waiting = people - seats;
  const confirmed = bookings.confirmed ?? { count: 0, firstSeq: 0, lastSeq: 0 };
  const waitlisted = bookings.waitlisted ?? { count: 0, firstSeq: 0, lastSeq: 0 };
  const others = Object.entries(bookings).filter(([status]) => status !== "confirmed" && status !== "waitlisted");
  const statuses = Object.entries(result.statuses).map(([status, count]) => `${status}×${count}`).join(", ");
  return [
    {
      target: `booking storm: ${people} answers, each a redirect to the session, no 5xx`,
      actual: statuses,
      pass: answers.redirects === people && answers.serverErrors === 0,
    },
    {
      target: `booking storm: ${seats} confirmed, seq 1–${seats}`,
      actual: `${confirmed.count} confirmed, seq ${confirmed.firstSeq}–${confirmed.lastSeq}${others.length ? `; also ${others.map(([status, row]) => `${row.count} ${status}`).join(", ")}` : ""}`,
      pass: confirmed.count === seats && confirmed.firstSeq === 1 && confirmed.lastSeq === seats && others.length === 0,
    },
    {
      target: waiting ? `booking storm: ${waiting} waitlisted, seq ${seats + 1}–${people} in order` : "booking storm: nobody waitlisted",
      actual: waitlisted.count ? `${waitlisted.count} waitlisted, seq ${waitlisted.firstSeq}–${waitlisted.lastSeq}` : "none waitlisted",
      // The seqs are unique per session (a constraint), so the count and the ends prove the run has no gaps.
      pass: waiting === 0 ? waitlisted.count === 0 : waitlisted.count === waiting && waitlisted.firstSeq === seats + 1 && waitlisted.lastSeq === people,
    },
    {
      target: "booking storm: session counters equal the bookings",
      actual: `confirmed ${counters.confirmed}, offered ${counters.offered}, waitlist ${counters.waitlist}, last_seq ${counters.lastSeq}`,
      pass:
        counters.confirmed === confirmed.count &&
        counters.offered === (bookings.offered?.count ?? 0) &&
        counters.waitlist === waitlisted.count &&
        counters.lastSeq === people &&
        counters.confirmed + counters.offered <= counters.capacity,
    },
    {
      target: `booking storm: ${people} emails queued (${seats} courseBooked + ${waiting} courseWaitlisted${waiting ? `, positions 1–${waiting}` : ""})`,
      actual: `${emails.courseBooked} courseBooked + ${emails.courseWaitlisted} courseWaitlisted, ${emails.queued} queued, positions ${emails.positions}`,
      pass:
        emails.courseBooked === seats &&
        emails.courseWaitlisted === waiting &&
        emails.queued === people &&
        (waiting === 0 || emails.positions === `1–${waiting}`),
    },
  ];
}

export function formatStorm(result: StormResult) {
  const lines = [
    `${result.people} people book ${result.seats} seats at once: settled in ${result.settledMs.toFixed(0)} ms (${result.bookingsPerSecond} bookings/s)`,
    `  latency p50 ${result.latency.p50.toFixed(0)} ms, p90 ${result.latency.p90.toFixed(0)} ms, p99 ${result.latency.p99.toFixed(0)} ms, max ${result.latency.max.toFixed(0)} ms`,
  ];
  if (result.appCpuMsPerBooking !== null) lines.push(`  cpu per booking: app ${result.appCpuMsPerBooking} ms + db ${result.dbCpuMsPerBooking} ms`);
  if (result.bystander) {
    lines.push(`  meanwhile ${result.bystander.path}, one at a time: ${result.bystander.requests} requests, p50 ${result.bystander.p50.toFixed(0)} ms, max ${result.bystander.max.toFixed(0)} ms`);
  }
  return lines.join("\n");
}
