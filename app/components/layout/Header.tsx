import { Form, Link, useLocation } from "@remix-run/react";
import { useT } from "~/i18n/react";
import type { Locale } from "~/i18n/locales";
import type { Role } from "~/modules/auth/permissions";
import { navigationFor } from "./navigation";

interface HeaderProps {
  user: { name: string; role: Role } | null;
  locale: Locale;
}

function isCurrent(pathname: string, to: string) {
  return to === "/" ? pathname === "/" : pathname === to || pathname.startsWith(`${to}/`);
}

/** DKFDS header: portal line (municipality, user), solution line (portal name, unit), navigation. */
export function Header({ user, locale }: HeaderProps) {
  const t = useT();
  const location = useLocation();
  const otherLocale: Locale = locale === "da" ? "en" : "da";
  return (
    <header className="header site-header">
      <div className="portal-info">
        <div className="container portal-info-inner">
          <Link to="/" className="site-portal-name">
            {t("common.municipality")}
          </Link>
          <div className="portal-user">
            {user ? (
              <p className="user">
                <strong>{user.name}</strong>
                <br />
                {t(`common.roles.${user.role}`)}
              </p>
            ) : null}
            <Form method="post" action="/language">
              <input type="hidden" name="locale" value={otherLocale} />
              <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
              <button type="submit" className="button button-tertiary" lang={otherLocale}>
                {t("layout.switchLanguage")}
              </button>
            </Form>
            {user ? (
              <Form method="post" action="/logout">
                <button type="submit" className="button button-secondary">
                  {t("layout.logout")}
                </button>
              </Form>
            ) : null}
          </div>
        </div>
      </div>
      <div className="solution-info">
        <div className="container solution-info-inner">
          <div className="solution-heading">
            <Link to={user ? "/dashboard" : "/"}>{t("common.portalName")}</Link>
          </div>
          <div className="additional-info">
            <p className="authority-name">{t("common.unit")}</p>
            <p>{t("layout.tagline")}</p>
          </div>
        </div>
      </div>
      <div className="navigation-menu">
        <div className="container navigation-menu-inner">
          <nav className="nav" aria-label={t("layout.nav.label")}>
            <ul className="mainmenu">
              {navigationFor(user?.role ?? null).map((item) => {
                const current = isCurrent(location.pathname, item.to);
                return (
                  <li key={item.to} className={current ? "active" : undefined}>
                    <Link to={item.to} className="nav-link" aria-current={current ? "page" : undefined}>
                      <span>{t(item.label)}</span>
                    </Link>
                  </li>
                );
              })}
            </ul>
          </nav>
        </div>
      </div>
    </header>
  );
}
