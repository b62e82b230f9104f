import type { BenchAccount } from "./seed";

/**
 * What the bench measures. Add a route by adding an entry; `auth` names the bench account whose session
 * cookie is sent (false: anonymous). `path` may depend on the seed (deep pages, a seeded record).
 */
export interface Scenario {
  name: string;
  path: string;
  auth: false | BenchAccount;
}

export interface ScenarioContext {
  /** Every account in the database (the admin list's length). */
  users: number;
  submittedVolunteers: number;
  /** A seeded volunteer with checks, references, messages and history; null without volunteers. */
  volunteerPageId: string | null;
  /** The catalogue's length, and whether the bench volunteer exists to view it logged in. */
  upcomingSessions: number;
  benchVolunteer: boolean;
  /** The youth list's length. */
  youths: number;
  /** A ready youth without a proposal, whose mentor suggestions the coordinator opens; null without one. */
  suggestionsYouthId: string | null;
  /** The bench mentor's running pairing; null without one (and then no mentor scenarios). */
  mentorPairingId: string | null;
  /** Tasks the public task list shows (open or full, of approved associations, not expired). */
  publicTasks: number;
}

/** The ceiling every other route is compared with: a static page through the same layout and session check. */
export const TRIVIAL = "trivial";

/** Ten pages from the end of a list of `rows` at the default page size. */
function deepPage(rows: number) {
  return Math.max(1, Math.ceil(rows / 25) - 10);
}

/** The coordinators' daily view: open applications, longest waiting first. */
const PIPELINE = "/coordinator/volunteers?status=submitted&sort=daysWaiting&dir=desc";

/** The coordinators' youth list as it opens: everybody, longest waiting first. */
const YOUTHS = "/coordinator/youths";

/** Who needs a mentor most: ready for matching, needing after-hours support, longest waiting first. */
const YOUTHS_READY_AFTER_HOURS = "/coordinator/youths?status=ready&afterHours=1&sort=waiting&dir=desc";

/** A first name typed into the youth list's search (one in forty seeded youths has it). */
const YOUTHS_SEARCH = "/coordinator/youths?q=freja";

/** The suggestions' server time (Server-Timing, sequential requests) must stay under this at p95 (ms). */
export const SUGGESTIONS_SERVER_P95_MS = 50;
export const SUGGESTIONS = "youth suggestions";

/** The catalogue filtered as a volunteer from Grindsted looking for the introduction would. */
const CATALOGUE_FILTERED = "/courses?kind=introduction&place=Grindsted";

/** The month three months ahead, YYYY-MM in Copenhagen: a month of the catalogue's filter. */
function monthAhead(months: number, now = new Date()) {
  const [year, month] = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Copenhagen", year: "numeric", month: "2-digit" })
    .format(now)
    .split("-")
    .map(Number) as [number, number];
  return new Date(Date.UTC(year, month - 1 + months, 1)).toISOString().slice(0, 7);
}

/** The public task list as a mentor filters it: one of Billund Kommune's towns and a low-threshold tag. */
const TASKS_BY_TOWN_AND_TAG = "/tasks?town=Grindsted&tags=no_experience";
const TASKS_FILTERED = "/tasks?town=Billund&category=sport&tags=no_experience&tags=evenings&when=evening";

export function scenarios(context: ScenarioContext): Scenario[] {
  const { users, submittedVolunteers, volunteerPageId, upcomingSessions, benchVolunteer, youths, suggestionsYouthId, mentorPairingId, publicTasks } = context;
  return [
    { name: TRIVIAL, path: "/accessibility-statement", auth: "admin" },
    { name: "landing", path: "/", auth: false },
    { name: "login page", path: "/login", auth: false },
    { name: "admin users p1", path: "/admin/users?sort=name&dir=asc", auth: "admin" },
    { name: "admin users deep", path: `/admin/users?sort=createdAt&dir=desc&page=${deepPage(users)}`, auth: "admin" },
    { name: "pipeline", path: PIPELINE, auth: "coordinator" },
    { name: "pipeline deep", path: `${PIPELINE}&page=${deepPage(submittedVolunteers)}`, auth: "coordinator" },
    ...(volunteerPageId ? [{ name: "volunteer page", path: `/coordinator/volunteers/${volunteerPageId}`, auth: "coordinator" as const }] : []),
    ...(benchVolunteer
      ? [
          { name: "course catalogue", path: "/courses", auth: "volunteer" as const },
          { name: "course catalogue filtered", path: CATALOGUE_FILTERED, auth: "volunteer" as const },
          { name: "course catalogue month", path: `/courses?month=${monthAhead(3)}`, auth: "volunteer" as const },
          ...(upcomingSessions > 25 ? [{ name: "course catalogue deep", path: `/courses?page=${deepPage(upcomingSessions)}`, auth: "volunteer" as const }] : []),
        ]
      : []),
    { name: "course catalogue anonymous", path: "/courses", auth: false },
    { name: "youth list", path: YOUTHS, auth: "coordinator" },
    { name: "youth list ready after-hours", path: YOUTHS_READY_AFTER_HOURS, auth: "coordinator" },
    { name: "youth list search", path: YOUTHS_SEARCH, auth: "coordinator" },
    ...(youths > 25 ? [{ name: "youth list deep", path: `${YOUTHS}?page=${deepPage(youths)}`, auth: "coordinator" as const }] : []),
    ...(suggestionsYouthId
      ? [
          { name: SUGGESTIONS, path: `/coordinator/youths/${suggestionsYouthId}/match`, auth: "coordinator" as const },
          { name: "youth suggestions same town", path: `/coordinator/youths/${suggestionsYouthId}/match?sameTown=1`, auth: "coordinator" as const },
        ]
      : []),
    ...(mentorPairingId
      ? [
          { name: "mentor pairings", path: "/pairings", auth: "mentor" as const },
          { name: "mentor pairing page", path: `/pairings/${mentorPairingId}`, auth: "mentor" as const },
        ]
      : []),
    ...(publicTasks > 0
      ? [
          { name: "task list", path: "/tasks", auth: "volunteer" as const },
          { name: "task list by town and tag", path: TASKS_BY_TOWN_AND_TAG, auth: "volunteer" as const },
          { name: "task list every filter", path: TASKS_FILTERED, auth: "volunteer" as const },
          { name: "task list anonymous", path: "/tasks", auth: false as const },
        ]
      : []),
    { name: "healthz", path: "/healthz", auth: false },
  ];
}

export interface Measurement {
  name: string;
  path: string;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  /** The server's own time (Server-Timing) over sequential requests after the load; null when not sampled. */
  serverP50: number | null;
  serverP95: number | null;
  errors: number;
  requests: number;
  /** CPU per request of the app server and of PostgreSQL (ms); null off Linux. */
  appCpuMs: number | null;
  dbCpuMs: number | null;
}

export interface TargetCheck {
  target: string;
  actual: string;
  pass: boolean;
}

/** The quality targets (DESIGN.md): checked against the measurements by name. */
export function checkTargets(results: Measurement[]): TargetCheck[] {
  const byName = new Map(results.map((result) => [result.name, result]));
  const trivial = byName.get(TRIVIAL);
  const checks: TargetCheck[] = [];
  const landing = byName.get("landing");
  if (landing) {
    checks.push({ target: "landing ≥ 600 req/s", actual: `${landing.requestsPerSecond.toFixed(0)} req/s`, pass: landing.requestsPerSecond >= 600 && landing.errors === 0 });
  }
  for (const name of ["admin users p1", "admin users deep", "pipeline", "pipeline deep", "youth list", "youth list ready after-hours", "youth list search", "youth list deep"]) {
    const result = byName.get(name);
    if (!result || !trivial) continue;
    const share = (result.requestsPerSecond / trivial.requestsPerSecond) * 100;
    checks.push({ target: `${name} ≥ 50% of trivial req/s`, actual: `${share.toFixed(0)}%`, pass: share >= 50 && result.errors === 0 });
    checks.push({ target: `${name} p99 < 100 ms`, actual: `${result.p99} ms`, pass: result.p99 < 100 });
  }
  // Suggestions for one youth over every eligible mentor: the server's time, not the queue under load.
  const suggestions = byName.get(SUGGESTIONS);
  if (suggestions) {
    const p95 = suggestions.serverP95;
    checks.push({
      target: `${SUGGESTIONS} server time p95 < ${SUGGESTIONS_SERVER_P95_MS} ms`,
      actual: p95 === null ? "no Server-Timing" : `${p95.toFixed(1)} ms (under load: p95 ${suggestions.p95} ms)`,
      pass: p95 !== null && p95 < SUGGESTIONS_SERVER_P95_MS && suggestions.errors === 0,
    });
  }
  return checks;
}
