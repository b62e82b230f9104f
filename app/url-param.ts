import type { z } from "zod";

/**
 * One parameter of a page's URL state (`page`, `sort`, a filter): missing or not valid, it takes its fallback,
 * never an error. The default before the catch is for speed: zod builds an error, stack trace included, for
 * every value a catch replaces, and a list's URL leaves most of its parameters out.
 */
export function urlParam<Schema extends z.ZodTypeAny>(schema: Schema, fallback: z.input<Schema> & z.output<Schema>) {
  return schema.default(fallback).catch(fallback);
}
