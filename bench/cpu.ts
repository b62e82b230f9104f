/**
 * CPU time spent per scenario by the app server and by PostgreSQL backends of the bench database, read
 * from /proc (Linux). Per-request CPU stays meaningful when the machine is busy and req/s does not.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";

let ticksPerSecond: number | undefined;
function clockTicks() {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** user + system CPU of one process in ms, or 0 when it is gone. */
function processCpuMs(pid: number | string) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may hold spaces) start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) / clockTicks()) * 1000;
  } catch {
    return 0;
  }
}

function databaseBackends(database: string) {
  const pids: string[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const title = fs.readFileSync(`/proc/${entry}/cmdline`, "utf8");
      if (title.startsWith("postgres: ") && title.split(" ").includes(database)) pids.push(entry);
    } catch {
      // gone
    }
  }
  return pids;
}

export interface CpuSample {
  server: number;
  database: Map<string, number>;
}

export const cpuAccounting = fs.existsSync("/proc/self/stat");

export function sampleCpu(serverPid: number, database: string): CpuSample | null {
  if (!cpuAccounting) return null;
  return {
    server: processCpuMs(serverPid),
    database: new Map(databaseBackends(database).map((pid) => [pid, processCpuMs(pid)])),
  };
}

/** CPU ms used between two samples; database backends started in between count from zero. */
export function cpuBetween(before: CpuSample | null, after: CpuSample | null) {
  if (!before || !after) return null;
  let database = 0;
  for (const [pid, ms] of after.database) database += ms - (before.database.get(pid) ?? 0);
  return { server: after.server - before.server, database };
}

function cpuTimes() {
  const line = fs.readFileSync("/proc/stat", "utf8").split("\n")[0]!;
  const values = line.trim().split(/\s+/).slice(1).map(Number);
  const idle = (values[3] ?? 0) + (values[4] ?? 0);
  return { idle, total: values.reduce((sum, value) => sum + value, 0) };
}

/** How busy the machine is while the bench itself is idle (0–1): other work skews every number. */
export async function machineBusy(ms = 1000): Promise<number | null> {
  if (!cpuAccounting) return null;
  const before = cpuTimes();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const after = cpuTimes();
  const total = after.total - before.total;
  return total > 0 ? 1 - (after.idle - before.idle) / total : null;
}
