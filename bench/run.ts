/**
 * `npm run bench [-- --users N --volunteers V --mentors M --youths Y --sessions N --storm-users N --storm-seats N --duration S --connections C --skip-seed --audit --only A,B --cpu-prof]`
 * (`npm run bench -- --help` explains them).
 *
 * Seeds a PostgreSQL bench database at national scale, starts the production build against it, logs in as
 * the bench admin, coordinator, volunteer and mentor and measures each scenario (scenarios.ts) with autocannon, then
 * runs the booking storm (storm.ts). Prints a table, the storm and the quality targets' PASS/FAIL (the storm's
 * counts among them), writes .cache/bench/latest.json, and exits 1 when a target fails.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { machineBusy } from "./cpu";
import { benchEncryptionKey } from "./encryption-key";
import { logIn, measure, probe, SERVER_TIME_SAMPLES, type Cookies } from "./load";
import { parseOptions } from "./options";
import { checkTargets, scenarios, type Measurement } from "./scenarios";
import { summarize } from "./profile-summary";
import { formatChecks, formatTable, writeResults } from "./report";
import { BENCH_ACCOUNTS, seedBenchDatabase } from "./seed";
import { snapshotBuild, startServer, type RunningServer } from "./server";
import { bookingStorm, formatStorm, STORM, type StormResult } from "./storm";

const RESULTS_FILE = path.resolve(".cache/bench/latest.json");

async function main() {
  const options = parseOptions(process.argv.slice(2));
  const redacted = options.databaseUrl.replace(/\/\/[^@/]*@/, "//…@");
  console.log(`bench: ${options.users} users, ${options.volunteers} volunteers (${options.mentors} approved mentors), ${options.youths} youths, ${options.sessions} course sessions, ${options.duration} s × ${options.connections} connections per scenario, ${redacted}`);

  const seed = await seedBenchDatabase(options.databaseUrl, options);

  let server: RunningServer | undefined;
  const cpuProfileDir = options.cpuProf
    ? path.resolve(".cache/bench/profiles", new Date().toISOString().replace(/[:.]/g, "-"))
    : undefined;
  const interrupted = (signal: NodeJS.Signals) => {
    console.error(`\n${signal}: stopping the server`);
    void (server?.stop() ?? Promise.resolve()).finally(() => process.exit(130));
  };
  process.once("SIGINT", interrupted);
  process.once("SIGTERM", interrupted);

  try {
    server = await startServer(options.databaseUrl, {
      cpuProfileDir,
      cwd: await snapshotBuild(),
      encryptionKey: benchEncryptionKey().base64,
    });
    console.log(`server: pid ${server.pid} on ${server.baseUrl}`);

    if (seed.volunteers > 0 && !seed.volunteerPageId) {
      console.warn("warning: no seeded volunteer is far enough through vetting for the volunteer page; its scenario is left out");
    }
    if (!seed.courses.benchVolunteer) console.warn("warning: no seeded volunteer to view the course catalogue as; its logged-in scenarios are left out");
    if (seed.youths.youths > 0 && !seed.youths.mentorPairingId) console.warn("warning: no bench mentor with a running pairing; the mentor's scenarios are left out");
    if (seed.youths.youths > 0 && !seed.youths.suggestionsYouthId) console.warn("warning: no ready youth without a proposal; the suggestions scenarios are left out");
    const all = scenarios({
      users: seed.accounts,
      submittedVolunteers: seed.submittedVolunteers,
      volunteerPageId: seed.volunteerPageId,
      upcomingSessions: seed.courses.upcomingSessions,
      benchVolunteer: seed.courses.benchVolunteer,
      youths: seed.youths.youths,
      suggestionsYouthId: seed.youths.suggestionsYouthId,
      mentorPairingId: seed.youths.mentorPairingId,
      publicTasks: seed.tasks.publicTasks,
    });
    const unknown = options.only.filter((name) => name !== STORM && !all.some((scenario) => scenario.name === name));
    if (unknown.length) throw new Error(`unknown scenario ${unknown.join(", ")}; known: ${[...all.map((scenario) => scenario.name), STORM].join(", ")}`);
    const list = options.only.length ? all.filter((scenario) => options.only.includes(scenario.name)) : all;
    const cookies: Cookies = {
      admin: await logIn(server.baseUrl, "admin"),
      coordinator: await logIn(server.baseUrl, "coordinator"),
      volunteer: seed.courses.benchVolunteer ? await logIn(server.baseUrl, "volunteer") : "",
      mentor: seed.youths.mentorPairingId ? await logIn(server.baseUrl, "mentor") : "",
    };
    for (const scenario of list) await probe(server.baseUrl, scenario, cookies);
    const database = decodeURIComponent(new URL(options.databaseUrl).pathname.slice(1));

    // The cores are shared with PostgreSQL and the load generator; anything else running skews the numbers.
    const busyBefore = await machineBusy();
    if (busyBefore !== null && busyBefore > 0.2) {
      console.warn(`warning: the machine is ${(busyBefore * 100).toFixed(0)}% busy with other work; results will be low`);
    }
    // Warm every route first (JIT, connection pool, PostgreSQL caches), so the first scenario measured is
    // not the one paying for a cold server; each scenario then gets a short warm-up of its own.
    const warmupSeconds = Math.min(2, Math.max(1, Math.floor(options.duration / 5)));
    process.stdout.write(`warming up ${list.length} routes … `);
    for (const scenario of list) {
      const warmup = { cookies, duration: warmupSeconds, connections: options.connections, warmupSeconds: 0 };
      await measure(server.baseUrl, scenario, { ...warmup, serverPid: server.pid, database });
    }
    console.log("done");

    const results: Measurement[] = [];
    for (const scenario of list) {
      process.stdout.write(`  ${scenario.name} (${scenario.path}) … `);
      const result = await measure(server.baseUrl, scenario, {
        cookies,
        duration: options.duration,
        connections: options.connections,
        warmupSeconds: 1,
        serverPid: server.pid,
        database,
        serverTimeSamples: SERVER_TIME_SAMPLES,
      });
      const cpu = result.appCpuMs === null ? "" : `, cpu/req app ${result.appCpuMs} ms + db ${result.dbCpuMs} ms`;
      const serverTime = result.serverP95 === null ? "" : `, server p95 ${result.serverP95} ms`;
      console.log(`${result.requestsPerSecond.toFixed(0)} req/s, p95 ${result.p95} ms, p99 ${result.p99} ms${serverTime}${cpu}`);
      results.push(result);
    }

    // After the scenarios, so its bookings and queued emails are not in the way of theirs.
    let storm: StormResult | null = null;
    if (!options.only.length || options.only.includes(STORM)) {
      process.stdout.write(`  ${STORM} (${options.stormUsers} people, ${options.stormSeats} seats) … `);
      storm = await bookingStorm(server.baseUrl, options.databaseUrl, {
        people: options.stormUsers,
        seats: options.stormSeats,
        serverPid: server.pid,
        database,
        bystander: { path: "/accessibility-statement", cookie: cookies.admin },
        excludeEmails: Object.values(BENCH_ACCOUNTS).map((account) => account.email),
      });
      console.log(`settled in ${storm.settledMs.toFixed(0)} ms, p99 ${storm.latency.p99.toFixed(0)} ms`);
    }

    const checks = [...checkTargets(results), ...(storm?.checks ?? [])];
    const tables = [results.length ? formatTable(results) : null, storm ? formatStorm(storm) : null].filter(Boolean).join("\n\n");
    console.log(`\n${tables}\n\n${formatChecks(checks)}`);
    await writeResults(RESULTS_FILE, {
      date: new Date().toISOString(),
      options: {
        users: options.users,
        volunteers: options.volunteers,
        duration: options.duration,
        connections: options.connections,
        audit: options.audit,
        sessions: options.sessions,
        mentors: options.mentors,
        youths: options.youths,
        stormUsers: options.stormUsers,
        stormSeats: options.stormSeats,
      },
      seed,
      machine: {
        node: process.version,
        cpus: os.cpus().length,
        platform: `${os.platform()} ${os.release()}`,
        busyBefore,
        busyAfter: await machineBusy(),
      },
      results,
      storm,
      checks,
    });
    console.log(`\nresults: ${path.relative(process.cwd(), RESULTS_FILE)}`);
    if (checks.some((check) => !check.pass)) process.exitCode = 1;
  } finally {
    await server?.stop();
  }
  if (cpuProfileDir && fs.existsSync(cpuProfileDir)) {
    for (const file of fs.readdirSync(cpuProfileDir).filter((name) => name.endsWith(".cpuprofile"))) {
      console.log(`\nCPU profile ${path.relative(process.cwd(), path.join(cpuProfileDir, file))}`);
      console.log(summarize(JSON.parse(fs.readFileSync(path.join(cpuProfileDir, file), "utf8")), 20));
    }
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
