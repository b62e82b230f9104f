import crypto from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import type { Logger } from "~/logger.server";

declare module "express-serve-static-core" {
  interface Request {
    id: string;
    log: Logger;
  }
}

/** Milliseconds since a `process.hrtime.bigint()` reading, to the microsecond. */
function msSince(started: bigint) {
  return Number((process.hrtime.bigint() - started) / 1000n) / 1000;
}

/**
 * Gives every request an id, a child logger that stamps it on each line, and one line when it ends. The
 * response says how long the server took until it answered (`Server-Timing: app;dur=…`, ms), so a
 * measurement can tell the server's time from the network's and the load generator's.
 */
export function requestLogging(log: Logger) {
  return (req: Request, res: Response, next: NextFunction) => {
    req.id = crypto.randomUUID();
    req.log = log.child({ requestId: req.id });
    res.setHeader("X-Request-Id", req.id);
    const started = process.hrtime.bigint();
    // Every response passes through writeHead, the last moment a header can be added; pages are rendered
    // whole before it (entry.server.tsx), so the time covers the loaders and the render.
    const writeHead = res.writeHead;
    res.writeHead = function (this: Response, ...args: Parameters<Response["writeHead"]>) {
      if (!this.headersSent) this.setHeader("Server-Timing", `app;dur=${msSince(started)}`);
      return writeHead.apply(this, args);
    } as Response["writeHead"];
    res.on("finish", () => {
      // The path only: query strings can carry tokens from emailed links.
      req.log.info(
        {
          method: req.method,
          path: req.path,
          status: res.statusCode,
          ms: msSince(started),
        },
        "request",
      );
    });
    next();
  };
}
