/**
 * `npx tsx bench/profile-summary.ts <file.cpuprofile> [top]`: self time by function and by package, to see
 * where the server spends a scenario's CPU (profiles come from `npm run bench -- --cpu-prof`).
 */
import fs from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export function summarize(profile: Profile, top = 25) {
  const self = new Map<number, number>();
  profile.samples.forEach((id, index) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)));
  const total = [...self.values()].reduce((sum, value) => sum + value, 0);
  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  for (const node of profile.nodes) {
    const time = self.get(node.id) ?? 0;
    if (!time) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const file = url.replace(/^file:\/\//, "");
    const where = file.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1] ?? (file.includes("/build/") ? "app (build)" : file || "(native/gc/idle)");
    const name = `${functionName || "(anonymous)"} ${file.split("/").slice(-2).join("/")}:${lineNumber + 1}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + time);
    byPackage.set(where, (byPackage.get(where) ?? 0) + time);
  }
  // Inclusive time: a function's own samples plus its callees' (counted once per stack for recursion).
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const inclusive = new Map<string, number>();
  for (const [id, time] of self) {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const { functionName, url, lineNumber } = nodes.get(at)!.callFrame;
      if (!functionName || functionName.startsWith("(")) continue;
      const name = `${functionName} ${url.replace(/^file:\/\//, "").split("/").slice(-2).join("/")}:${lineNumber + 1}`;
      if (seen.has(name)) continue;
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + time);
    }
  }
  const list = (map: Map<string, number>) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, time]) => `${((time / total) * 100).toFixed(1).padStart(5)}%  ${(time / 1000).toFixed(0).padStart(6)} ms  ${name}`)
      .join("\n");
  return `by package:\n${list(byPackage)}\n\nby function (self time):\n${list(byFunction)}\n\nby function (inclusive time):\n${list(inclusive)}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [file, top] = process.argv.slice(2);
  if (!file) {
    console.error("usage: tsx bench/profile-summary.ts <file.cpuprofile> [top]");
    process.exit(1);
  }
  console.log(summarize(JSON.parse(fs.readFileSync(file, "utf8")) as Profile, Number(top) || 25));
}
