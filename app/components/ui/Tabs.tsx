import { Link, NavLink } from "@remix-run/react";

export type TabItem = {
  label: string;
  to: string;
  /**
   * Leave out to let the URL path decide (the tab whose path is the current one is marked). Set it when tabs
   * differ only in their query string, which path matching cannot see.
   */
  current?: boolean;
};

export type TabsProps = {
  /** Names the navigation landmark, e.g. "Sektioner i profilen". */
  label: string;
  tabs: TabItem[];
};

/** DKFDS tabs as links between pages: each tab is a URL, so they need no client state and work without JS. */
export function Tabs({ label, tabs }: TabsProps) {
  return (
    <nav className="tab-container" aria-label={label}>
      <ul className="tab-list">
        {tabs.map((tab) => (
          <li key={tab.to}>
            {tab.current === undefined ? (
              <NavLink to={tab.to} end className="tab-button">
                <span>{tab.label}</span>
              </NavLink>
            ) : (
              <Link to={tab.to} className="tab-button" aria-current={tab.current ? "page" : undefined}>
                <span>{tab.label}</span>
              </Link>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
