/**
 * A module command's result that a factory or the demo seed needs to have worked: anything else is a broken
 * setup, said with the refusal, rather than a test failing later for a reason that is hard to see.
 */
export function expectOk<T extends { ok: boolean }>(result: T, what: string): asserts result is Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(`${what} failed: ${JSON.stringify(result)}`);
}
