/** Logging in and driving load with autocannon; localhost only. */
import autocannon from "autocannon";
import { cpuBetween, sampleCpu } from "./cpu";
import { BENCH_ACCOUNTS, type BenchAccount } from "./seed";
import type { Measurement, Scenario } from "./scenarios";

export const SESSION_COOKIE = "__Host-mentorbro_session";

/** Logs in through the real form action (CSRF: an Origin of this host) and returns the session cookie. */
export async function logIn(baseUrl: string, account: BenchAccount): Promise<string> {
  const { email, password } = BENCH_ACCOUNTS[account];
  const response = await fetch(`${baseUrl}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: baseUrl },
    body: new URLSearchParams({ email, password, redirectTo: "" }),
  });
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(";")[0]!)
    .find((pair) => pair.startsWith(`${SESSION_COOKIE}=`));
  if (response.status !== 302 || !cookie) {
    const body = (await response.text()).slice(0, 500);
    throw new Error(`login as ${email} failed: HTTP ${response.status}, no session cookie\n${body}`);
  }
  return cookie;
}

/** One request before the load: a scenario that redirects (to /login, say) would measure the wrong thing. */
export async function probe(baseUrl: string, scenario: Scenario, cookies: Cookies) {
  const response = await fetch(baseUrl + scenario.path, {
    redirect: "manual",
    headers: scenario.auth ? { Cookie: cookies[scenario.auth] } : {},
  });
  await response.arrayBuffer();
  if (response.status !== 200) {
    throw new Error(`${scenario.name}: GET ${scenario.path} answered ${response.status}${response.headers.get("location") ? ` → ${response.headers.get("location")}` : ""}`);
  }
}

/** A session cookie per bench account. */
export type Cookies = Record<BenchAccount, string>;

function cannon(options: autocannon.Options) {
  return new Promise<autocannon.Result>((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

export async function measure(
  baseUrl: string,
  scenario: Scenario,
  options: {
    cookies: Cookies;
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
    headers: scenario.auth ? { cookie: options.cookies[scenario.auth] } : {},
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
