/**
 * Reads a PostgreSQL error through the `cause` chain: drizzle wraps driver errors, and PGlite and
 * postgres.js name the constraint differently (`constraint` vs `constraint_name`).
 */
export function pgError(error: unknown): { code?: string; constraint?: string } | null {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const candidate = current as { code?: unknown; constraint?: unknown; constraint_name?: unknown; cause?: unknown };
    if (typeof candidate.code === "string" && /^[0-9A-Z]{5}$/.test(candidate.code)) {
      const constraint = candidate.constraint ?? candidate.constraint_name;
      return { code: candidate.code, constraint: typeof constraint === "string" ? constraint : undefined };
    }
    current = candidate.cause;
  }
  return null;
}

export function isUniqueViolation(error: unknown, constraint?: string) {
  const found = pgError(error);
  return found?.code === "23505" && (!constraint || found.constraint === constraint);
}

/** Serialization failure or deadlock: the transaction may be retried as a whole. */
export function isRetryableConflict(error: unknown) {
  const code = pgError(error)?.code;
  return code === "40001" || code === "40P01";
}
