/** Which rows a page shows, 1-based and inclusive, and how many pages there are: for "Viser 1–25 af 300". */
export function pageRange(page: number, size: number, total: number) {
  const pageCount = Math.max(1, Math.ceil(total / size));
  const from = total === 0 ? 0 : (page - 1) * size + 1;
  const to = Math.min(page * size, total);
  return { from, to, pageCount };
}

/** A page past the end of a list that has rows (a bookmark, a list that shrank): the last page to go to instead. */
export function pageBeyondEnd(page: number, size: number, total: number): number | null {
  const { pageCount } = pageRange(page, size, total);
  return total > 0 && page > pageCount ? pageCount : null;
}
