import type { YouthOutcome } from "~/modules/youths/types";

/** A youth's status at the end of a period: how the course ended, or still active. */
export type OutcomeStatus = YouthOutcome | "active";

/** The rows of the evaluation report's table 2.2, in its order; education is one row with its kinds under it. */
export type OutcomeRowKey = OutcomeStatus | "education";

const educationKinds = ["education_fgu", "education_stu", "education_eud", "education_hf", "education_other"] as const satisfies readonly YouthOutcome[];

/** `level` 1 is a breakdown of the row above it ("heraf FGU"), so the rows of level 0 add up to the total. */
const layout: readonly { key: OutcomeRowKey; level: 0 | 1 }[] = [
  { key: "ordinary_employment", level: 0 },
  { key: "flex_job", level: 0 },
  { key: "early_retirement", level: 0 },
  { key: "education", level: 0 },
  ...educationKinds.map((key) => ({ key, level: 1 as const })),
  { key: "public_support", level: 0 },
  // Not in the report's table, but an outcome the portal records: without its row the total would not add up.
  { key: "other", level: 0 },
  { key: "active", level: 0 },
];

export interface OutcomeRow {
  key: OutcomeRowKey;
  level: 0 | 1;
  count: number;
  /** Share of the total in per cent, one decimal; null when there is nobody to share. */
  percent: number | null;
}

/** `count` as a share of `total` in per cent, one decimal; null when the total is zero. */
export function percentOf(count: number, total: number) {
  return total > 0 ? Math.round((count * 1000) / total) / 10 : null;
}

/** Table 2.2 from the count of youths per status: every row always present, zero or not, so periods compare. */
export function outcomeRows(byStatus: Record<OutcomeStatus, number>, total: number): OutcomeRow[] {
  const countOf = (key: OutcomeRowKey) => (key === "education" ? educationKinds.reduce((sum, kind) => sum + byStatus[kind], 0) : byStatus[key]);
  return layout.map(({ key, level }) => ({ key, level, count: countOf(key), percent: percentOf(countOf(key), total) }));
}
