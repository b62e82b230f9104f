import { Link } from "@remix-run/react";
import type { ReactNode } from "react";

/** DKFDS "tilbage-link" above a page's heading, to the page it belongs under. */
export function BackLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <p>
      <Link to={to} className="back-link">
        {children}
      </Link>
    </p>
  );
}
