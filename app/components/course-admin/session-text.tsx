import { useCallback } from "react";
import { useT } from "~/i18n/react";

type When = { startsAt: Date | string; endsAt: Date | string };
type Place = { online: boolean; address: string | null; town: string | null };

/** The address and town (unless the address names it already), or "Online". */
export function useSessionPlace() {
  const t = useT();
  return useCallback(
    (session: Place) => {
      if (session.online) return t("courseAdmin.session.places.online");
      const { address, town } = session;
      return town && !address?.toLowerCase().includes(town.toLowerCase()) ? [address, town].filter(Boolean).join(", ") : (address ?? "");
    },
    [t],
  );
}

export type SessionState = "cancelled" | "held" | "started" | "scheduled";

export function sessionState(session: When & { status: string }, now: Date | string): SessionState {
  if (session.status === "cancelled") return "cancelled";
  const time = new Date(now).getTime();
  if (new Date(session.endsAt).getTime() <= time) return "held";
  return new Date(session.startsAt).getTime() <= time ? "started" : "scheduled";
}

const badges: Record<SessionState, string> = { cancelled: "badge badge-error", held: "badge", started: "badge badge-info", scheduled: "badge badge-success" };

/** Planned, running, held or cancelled, as a DKFDS badge. */
export function SessionStatus({ session, now }: { session: When & { status: string }; now: Date | string }) {
  const t = useT();
  const state = sessionState(session, now);
  return <span className={badges[state]}>{t(`courseAdmin.session.states.${state}`)}</span>;
}
