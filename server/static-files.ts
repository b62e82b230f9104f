import fs from "node:fs";
import path from "node:path";
import express, { type RequestHandler } from "express";

/**
 * The built client files. Hashed assets are cached for good; the few top-level files (favicon) are routed
 * by a list made at start, so a page request never waits for the disk to say "no such file".
 */
export function staticFiles(root: string): RequestHandler {
  const router = express.Router();
  router.use("/assets", express.static(path.join(root, "assets"), { immutable: true, maxAge: "1y", index: false, fallthrough: false }));
  const topLevel = fs
    .readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => `/${entry.name}`);
  if (topLevel.length > 0) router.get(topLevel, express.static(root, { maxAge: "1h", index: false }));
  return router;
}
