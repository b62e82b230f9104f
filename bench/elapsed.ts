/** Seconds since `since` (a performance.now() reading), for the seed's progress lines. */
export function seconds(since: number) {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}
