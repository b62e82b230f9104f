/**
 * The HTTP answer to a module's refusal that the page has no words for: `forbidden` is 403, `not_found` 404,
 * and anything else (input the form should have caught) 400. Thrown by loaders and actions.
 */
export function refusal(reason: string): Response {
  if (reason === "forbidden") return new Response("Forbidden", { status: 403 });
  if (reason === "not_found") return new Response("Not found", { status: 404 });
  return new Response("Bad request", { status: 400 });
}

/** The refusals a page has no words for: `refusal` answers them as HTTP errors; the rest the page explains. */
export type Unexplained = "forbidden" | "not_found" | "invalid";
export function unexplained(reason: string): reason is Unexplained {
  return reason === "forbidden" || reason === "not_found" || reason === "invalid";
}
