import pino from "pino";

export type Logger = pino.Logger;

// Whatever a log line carries, these never reach the output.
const redact = {
  paths: ["password", "*.password", "token", "*.token", "headers.cookie", "*.headers.cookie", "cookie"],
  censor: "[redacted]",
};

export function createLogger(level: string): Logger {
  return pino({ level, redact, base: { service: "mentorbro" }, timestamp: pino.stdTimeFunctions.isoTime });
}
