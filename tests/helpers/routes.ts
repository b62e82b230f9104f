import type { AppLoadContext } from "@remix-run/node";
import { request } from "./sessions";

type Handler<T> = (args: { request: Request; context: AppLoadContext; params: Record<string, string> }) => Promise<T> | T;

/**
 * Runs loaders and actions as Remix would: each request with a context of its own (the session is looked up once
 * per context), and a thrown Response (a redirect, a 403 or 404) returned rather than thrown.
 */
export function requestRunner(context: () => AppLoadContext) {
  return async function run<T>(handler: Handler<T>, req: Request, params: Record<string, string> = {}): Promise<T | Response> {
    try {
      return await handler({ request: req, context: context(), params });
    } catch (thrown) {
      if (thrown instanceof Response) return thrown;
      throw thrown;
    }
  };
}

/** A posted form as a browser sends it; a list is its name repeated, as checkboxes send it. */
export function formRequest(path: string, cookie: string, fields: Record<string, string | string[]>) {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) for (const item of [value].flat()) body.append(name, item);
  return request(path, { method: "POST", cookie, body, headers: { "Content-Type": "application/x-www-form-urlencoded" } });
}

/** A loader's data; fails when it answered with a Response (a redirect or an error) instead. */
export function loaded<T>(result: T | Response): Exclude<T, Response> {
  if (result instanceof Response) throw new Error(`expected data, got a ${result.status} response to ${result.headers.get("Location") ?? "nowhere"}`);
  return result as Exclude<T, Response>;
}

export interface Outcome {
  status: number;
  /** What the action returned, unwrapped from `data(value, init)`. */
  data: unknown;
  /** A redirect's target. */
  location: string | null;
  /** The Set-Cookie header, decoded: a toast's message key shows in it. */
  cookie: string;
}

function isDataWithInit(value: unknown): value is { type: "DataWithResponseInit"; data: unknown; init: ResponseInit | null } {
  return typeof value === "object" && value !== null && (value as { type?: unknown }).type === "DataWithResponseInit";
}

/** What an action answered, in one shape for a redirect, a thrown response, and data with or without a status. */
export function outcome(result: unknown): Outcome {
  if (result instanceof Response) {
    return { status: result.status, data: null, location: result.headers.get("Location"), cookie: decodeURIComponent(result.headers.get("Set-Cookie") ?? "") };
  }
  if (isDataWithInit(result)) return { status: result.init?.status ?? 200, data: result.data, location: null, cookie: "" };
  return { status: 200, data: result, location: null, cookie: "" };
}
