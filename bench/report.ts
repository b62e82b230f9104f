import fs from "node:fs/promises";
import path from "node:path";
import { TRIVIAL, type Measurement, type TargetCheck } from "./scenarios";

export function formatTable(results: Measurement[]): string {
  const trivial = results.find((result) => result.name === TRIVIAL);
  const header = ["route", "req/s", "p50 ms", "p95 ms", "p99 ms", "server p50", "server p95", "errors", "vs trivial", "app cpu ms/req", "db cpu ms/req"];
  const ms = (value: number | null) => (value === null ? "-" : value.toFixed(2));
  const rows = results.map((result) => [
    result.name,
    result.requestsPerSecond.toFixed(0),
    String(result.p50),
    String(result.p95),
    String(result.p99),
    ms(result.serverP50),
    ms(result.serverP95),
    String(result.errors),
    trivial ? `${((result.requestsPerSecond / trivial.requestsPerSecond) * 100).toFixed(0)}%` : "-",
    ms(result.appCpuMs),
    ms(result.dbCpuMs),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) =>
    cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join("  ");
  return [line(header), widths.map((width) => "-".repeat(width)).join("  "), ...rows.map(line)].join("\n");
}

export function formatChecks(checks: TargetCheck[]): string {
  return checks.map((check) => `${check.pass ? "PASS" : "FAIL"}  ${check.target}  (${check.actual})`).join("\n");
}

export async function writeResults(file: string, report: unknown) {
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
}
