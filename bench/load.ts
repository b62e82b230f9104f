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

/** Runs autocannon; `onLatency` hears each successful response's latency (ms), for percentiles it does not report. */
function cannon(options: autocannon.Options, onLatency?: (ms: number) => void) {
  return new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
    if (onLatency) {
      instance.on("response", (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
        if (statusCode >= 200 && statusCode < 300) onLatency(responseTime);
      });
    }
  });
}

/** The nearest-rank percentile `p` (0–100) of `values`; null when there are none. */
export function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** Sequential requests for the server's own time: one at a time, so no request waits behind another. */
export const SERVER_TIME_SAMPLES = 100;

/**
 * The server's time per request (its `Server-Timing: app;dur=` header) over `samples` requests sent one after
 * another; null when the server does not send the header.
 */
export async function serverTimes(baseUrl: string, scenario: Scenario, cookies: Cookies, samples = SERVER_TIME_SAMPLES) {
  const durations: number[] = [];
  for (let i = 0; i < samples; i++) {
    const response = await fetch(baseUrl + scenario.path, {
      redirect: "manual",
      headers: scenario.auth ? { Cookie: cookies[scenario.auth] } : {},
    });
    await response.arrayBuffer();
    const duration = /(?:^|,)\s*app;dur=([0-9.]+)/.exec(response.headers.get("server-timing") ?? "")?.[1];
    if (response.status !== 200 || duration === undefined) return null;
    durations.push(Number(duration));
  }
  return { p50: percentile(durations, 50)!, p95: percentile(durations, 95)!, max: Math.max(...durations) };
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
    /** Sequential requests after the load for the server's own time (Server-Timing); none when 0 or absent. */
    serverTimeSamples?: number;
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
  const latencies: number[] = [];
  const result = await cannon({ ...request, duration: options.duration }, (ms) => latencies.push(ms));
  const cpu = cpuBetween(before, sampleCpu(options.serverPid, options.database));
  // After the load, so the sample neither competes with it nor counts in its CPU.
  const server = options.serverTimeSamples ? await serverTimes(baseUrl, scenario, options.cookies, options.serverTimeSamples) : null;
  const perRequest = (ms: number | undefined) =>
    ms === undefined || result.requests.total === 0 ? null : Math.round((ms / result.requests.total) * 100) / 100;
  return {
    name: scenario.name,
    path: scenario.path,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    // autocannon reports p90 and p97.5 but no p95: taken from the responses it timed.
    p95: Math.round(percentile(latencies, 95) ?? result.latency.p97_5),
    p99: result.latency.p99,
    serverP50: server?.p50 ?? null,
    serverP95: server?.p95 ?? null,
    errors: result.non2xx + result.errors,
    requests: result.requests.total,
    appCpuMs: perRequest(cpu?.server),
    dbCpuMs: perRequest(cpu?.database),
  };
}
