import { defineConfig } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";

// End-to-end tests: one production server (started in global setup) and a real Chromium, one file at a time.
export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    include: ["tests/e2e/**/*.e2e.ts"],
    globalSetup: ["tests/e2e/global-setup.ts"],
    environment: "node",
    pool: "forks",
    // Every file talks to the same server and shares its rate limits and mailbox.
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    teardownTimeout: 60_000,
  },
});
