/** Logging in and driving load with autocannon; localhost only. */
import autocannon from "autocannon";
import { cpuBetween, sampleCpu } from "./cpu";
import { BENCH_ADMIN } from "./seed";
import type { Measurement, Scenario } from "./scenarios";

export const SESSION_COOKIE = "__Host-mentorbro_session";

/** Logs in through the real form action (CSRF: an Origin of this host) and returns the session cookie. */
export async function logIn(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: baseUrl },
    body: new URLSearchParams({ email: BENCH_ADMIN.email, password: BENCH_ADMIN.password, redirectTo: "" }),
  });
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(";")[0]!)
    .find((pair) => pair.startsWith(`${SESSION_COOKIE}=`));
  if (response.status !== 302 || !cookie) {
    const body = (await response.text()).slice(0, 500);
    throw new Error(`login as ${BENCH_ADMIN.email} failed: HTTP ${response.status}, no session cookie\n${body}`);
  }
  return cookie;
}

/** One request before the load: a scenario that redirects (to /login, say) would measure the wrong thing. */
export async function probe(baseUrl: string, scenario: Scenario, cookie: string) {
  const response = await fetch(baseUrl + scenario.path, {
    redirect: "manual",
    headers: scenario.auth ? { Cookie: cookie } : {},
  });
  await response.arrayBuffer();
  if (response.status !== 200) {
    throw new Error(`${scenario.name}: GET ${scenario.path} answered ${response.status}${response.headers.get("location") ? ` → ${response.headers.get("location")}` : ""}`);
  }
}

function cannon(options: autocannon.Options) {
  return new Promise<autocannon.Result>((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

export async function measure(
  baseUrl: string,
  scenario: Scenario,
  options: {
    cookie: string;
    duration: number;
    connections: number;
    warmupSeconds: number;
    /** For CPU accounting: the server's pid and the bench database's name. */
    serverPid: number;
    database: string;
  },
): Promise<Measurement> {
  const request: autocannon.Options = {
    url: baseUrl + scenario.path,
    connections: options.connections,
    headers: scenario.auth ? { cookie: options.cookie } : {},
    timeout: 10,
  };
  if (options.warmupSeconds > 0) await cannon({ ...request, duration: options.warmupSeconds });
  const before = sampleCpu(options.serverPid, options.database);
  const result = await cannon({ ...request, duration: options.duration });
  const cpu = cpuBetween(before, sampleCpu(options.serverPid, options.database));
  const perRequest = (ms: number | undefined) =>
    ms === undefined || result.requests.total === 0 ? null : Math.round((ms / result.requests.total) * 100) / 100;
  return {
    name: scenario.name,
    path: scenario.path,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.non2xx + result.errors,
    requests: result.requests.total,
    appCpuMs: perRequest(cpu?.server),
    dbCpuMs: perRequest(cpu?.database),
  };
}
