import { useCallback } from "react";
import { useFormat, useT } from "~/i18n/react";

/** Confirmed minutes as hours in words: "7,5 timer", "1 time". */
export function useHours() {
  const t = useT();
  const format = useFormat();
  return useCallback((minutes: number) => (minutes === 60 ? t("participation.oneHour") : t("participation.hours", { hours: format.number(minutes / 60) })), [t, format]);
}
