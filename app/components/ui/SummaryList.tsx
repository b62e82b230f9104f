import type { ReactNode } from "react";
import { cx } from "./class-names";

/** Labelled values ("Status: Under screening") as a description list; styled in app.css. */
export function SummaryList({ className, children }: { className?: string; children: ReactNode }) {
  return <dl className={cx("summary-list", className)}>{children}</dl>;
}

export function SummaryRow({ label, children }: { label: ReactNode; children: ReactNode }) {
  return (
    <div className="summary-list-row">
      <dt className="summary-list-key">{label}</dt>
      <dd className="summary-list-value">{children}</dd>
    </div>
  );
}
