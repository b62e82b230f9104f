import { useT } from "~/i18n/react";
import type { AssociationStatus } from "#db/schema";

const badges: Record<AssociationStatus, string> = { pending: "badge badge-info", approved: "badge badge-success", rejected: "badge badge-error", suspended: "badge badge-warning" };

/** Pending, approved, rejected or suspended, as a DKFDS badge. */
export function AssociationStatusBadge({ status }: { status: AssociationStatus }) {
  const t = useT();
  return <span className={badges[status]}>{t(`associations.statuses.${status}`)}</span>;
}
