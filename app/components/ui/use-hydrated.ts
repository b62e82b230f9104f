import { useEffect, useState } from "react";

// Module state: after the first hydration, components mounted later know at once that JavaScript runs.
let hydrated = false;

/** False on the server and during hydration; true once React runs in the browser. */
export function useHydrated(): boolean {
  const [isHydrated, setIsHydrated] = useState(hydrated);
  useEffect(() => {
    hydrated = true;
    setIsHydrated(true);
  }, []);
  return isHydrated;
}
