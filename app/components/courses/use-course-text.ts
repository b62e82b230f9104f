import { useMemo } from "react";
import { useFormat, useT } from "~/i18n/react";

type Place = { online: boolean; town: string | null; address?: string | null };
type Seats = { seatsLeft: number; waitlistEnabled: boolean };

/** How the course pages say the same things: training hours, a session's place, its free seats. */
export function useCourseText() {
  const t = useT();
  const format = useFormat();
  return useMemo(
    () => ({
      /** Minutes on the ledger as hours, to a tenth ("1,5 timer" in Danish). */
      hours: (minutes: number) => {
        const hours = Math.round(minutes / 6) / 10;
        return hours === 1 ? t("courses.oneHour") : t("courses.hours", { hours: format.number(hours) });
      },
      /** The town for a list; with `address`, the full address (and the town, unless the address names it). */
      place: ({ online, town, address }: Place) => {
        if (online) return t("courses.online");
        if (!address) return town ?? "";
        return town && !address.includes(town) ? `${address}, ${town}` : address;
      },
      seats: ({ seatsLeft, waitlistEnabled }: Seats) => {
        if (seatsLeft > 1) return t("courses.catalogue.seatsLeft", { seats: format.number(seatsLeft) });
        if (seatsLeft === 1) return t("courses.catalogue.oneSeatLeft");
        return t(waitlistEnabled ? "courses.catalogue.fullWaitlist" : "courses.catalogue.full");
      },
    }),
    [t, format],
  );
}
