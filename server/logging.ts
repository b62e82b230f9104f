import crypto from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import type { Logger } from "~/logger.server";

declare module "express-serve-static-core" {
  interface Request {
    id: string;
    log: Logger;
  }
}

/** Gives every request an id, a child logger that stamps it on each line, and one line when it ends. */
export function requestLogging(log: Logger) {
  return (req: Request, res: Response, next: NextFunction) => {
    req.id = crypto.randomUUID();
    req.log = log.child({ requestId: req.id });
    res.setHeader("X-Request-Id", req.id);
    const started = process.hrtime.bigint();
    res.on("finish", () => {
      // The path only: query strings can carry tokens from emailed links.
      req.log.info(
        {
          method: req.method,
          path: req.path,
          status: res.statusCode,
          ms: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
        },
        "request",
      );
    });
    next();
  };
}
