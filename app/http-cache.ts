import type { HeadersFunction } from "@remix-run/node";

/**
 * For pages that are the same for every visitor (the landing page, the legal pages, the login form): a
 * shared cache may keep a copy for a minute. The server never serves or stores a copy for a logged-in
 * person, and marks their copy private.
 */
export const publicPageHeaders: HeadersFunction = () => ({
  "Cache-Control": "public, max-age=0, s-maxage=60",
  Vary: "Cookie",
});
