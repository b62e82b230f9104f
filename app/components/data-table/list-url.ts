import { useLocation } from "@remix-run/react";
import { useCallback } from "react";

/** A change to one URL parameter: a value sets it; `null`, `undefined` or "" removes it (its default applies). */
export type ListUrlChanges = Record<string, string | number | null | undefined>;

/**
 * The URL of the same list with some parameters changed and the others kept: the list's state lives in the URL,
 * so sorting, paging and filtering are links. The path is kept too: a bare "?…" would resolve against the route,
 * which for an index route is not always the page the user is on.
 */
export function listHref(location: { pathname: string; search: string }, changes: ListUrlChanges): string {
  const params = new URLSearchParams(location.search);
  // A GET form sent from an index route may carry `index`; it is routing noise, not list state.
  params.delete("index");
  for (const [name, value] of Object.entries(changes)) {
    if (value === null || value === undefined || value === "") params.delete(name);
    else params.set(name, String(value));
  }
  const search = params.toString();
  return search ? `${location.pathname}?${search}` : location.pathname;
}

/** `listHref` for the page being shown. */
export function useListHref(): (changes: ListUrlChanges) => string {
  const location = useLocation();
  return useCallback((changes: ListUrlChanges) => listHref(location, changes), [location]);
}

/** Where the page links of a list point: page 1 is the default, so it drops the parameter. */
export function usePageHref(): (page: number) => string {
  const href = useListHref();
  return useCallback((page: number) => href({ page: page > 1 ? page : null }), [href]);
}
