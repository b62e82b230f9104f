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
}

/** The ceiling every other route is compared with: a static page through the same layout and session check. */
export const TRIVIAL = "trivial";

/** Ten pages from the end of a list of `rows` at the default page size. */
function deepPage(rows: number) {
  return Math.max(1, Math.ceil(rows / 25) - 10);
}

/** The coordinators' daily view: open applications, longest waiting first. */
const PIPELINE = "/coordinator/volunteers?status=submitted&sort=daysWaiting&dir=desc";

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

export function scenarios({ users, submittedVolunteers, volunteerPageId, upcomingSessions, benchVolunteer }: ScenarioContext): Scenario[] {
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
    { name: "healthz", path: "/healthz", auth: false },
  ];
}

export interface Measurement {
  name: string;
  path: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
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
  for (const name of ["admin users p1", "admin users deep", "pipeline", "pipeline deep"]) {
    const result = byName.get(name);
    if (!result || !trivial) continue;
    const share = (result.requestsPerSecond / trivial.requestsPerSecond) * 100;
    checks.push({ target: `${name} ≥ 50% of trivial req/s`, actual: `${share.toFixed(0)}%`, pass: share >= 50 && result.errors === 0 });
    checks.push({ target: `${name} p99 < 100 ms`, actual: `${result.p99} ms`, pass: result.p99 < 100 });
  }
  return checks;
}
