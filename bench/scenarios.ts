/**
 * What the bench measures. Add a route by adding an entry; `auth: true` sends the bench admin's session
 * cookie. `path` may depend on the seeded size (deep pages).
 */
export interface Scenario {
  name: string;
  path: string;
  auth: boolean;
}

export interface ScenarioContext {
  users: number;
}

/** The ceiling every other route is compared with: a static page through the same layout and session check. */
export const TRIVIAL = "trivial";

export function scenarios({ users }: ScenarioContext): Scenario[] {
  const pageSize = 25;
  const deepPage = Math.max(1, Math.ceil(users / pageSize) - 10);
  return [
    { name: TRIVIAL, path: "/accessibility-statement", auth: true },
    { name: "landing", path: "/", auth: false },
    { name: "login page", path: "/login", auth: false },
    { name: "admin users p1", path: "/admin/users?sort=name&dir=asc", auth: true },
    { name: "admin users deep", path: `/admin/users?sort=createdAt&dir=desc&page=${deepPage}`, auth: true },
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
  for (const name of ["admin users p1", "admin users deep"]) {
    const result = byName.get(name);
    if (!result || !trivial) continue;
    const share = (result.requestsPerSecond / trivial.requestsPerSecond) * 100;
    checks.push({ target: `${name} ≥ 50% of trivial req/s`, actual: `${share.toFixed(0)}%`, pass: share >= 50 && result.errors === 0 });
    checks.push({ target: `${name} p99 < 100 ms`, actual: `${result.p99} ms`, pass: result.p99 < 100 });
  }
  return checks;
}
