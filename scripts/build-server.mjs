// Bundles the Node server entry and the migration command; npm packages stay external.
import fs from "node:fs";
import { build } from "esbuild";

await build({
  entryPoints: { index: "server/index.ts", migrate: "server/migrate.ts" },
  outdir: "build/main",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  sourcemap: true,
  jsx: "automatic",
  logLevel: "warning",
});

// Tells scripts/ensure-build.mjs that the build is as new as this moment's sources.
fs.writeFileSync("build/.stamp", new Date().toISOString());
