import { Form, Link, NavLink, useLocation } from "@remix-run/react";
import { useT } from "~/i18n/react";
import type { Locale } from "~/i18n/locales";
import type { Role } from "~/modules/auth/permissions";
import { navigationFor } from "./navigation";

interface HeaderProps {
  user: { name: string; role: Role } | null;
  locale: Locale;
}

export function Header({ user, locale }: HeaderProps) {
  const t = useT();
  const location = useLocation();
  const otherLocale: Locale = locale === "da" ? "en" : "da";
  return (
    <header className="header">
      <div className="portal-header portal-header-compact">
        <div className="container portal-header-inner">
          <Link to="/" className="portal-name h5 m-0">
            {t("common.municipality")}
          </Link>
          <div className="portal-info">
            {user ? (
              <p className="user">
                {user.name} · {t(`common.roles.${user.role}`)}
              </p>
            ) : null}
          </div>
        </div>
      </div>
      <div className="solution-header">
        <div className="container solution-header-inner">
          <div className="solution-heading">
            <Link to={user ? "/dashboard" : "/"}>{t("common.portalName")}</Link>
          </div>
          <div className="solution-info">
            <p className="h5 authority-name">{t("common.unit")}</p>
            <p>{t("layout.tagline")}</p>
          </div>
        </div>
      </div>
      <nav className="navbar navbar-primary site-nav" aria-label={t("layout.nav.label")}>
        <div className="navbar-inner container">
          <ul className="nav-primary">
            {navigationFor(user?.role ?? null).map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.to === "/"} className="nav-link">
                  <span>{t(item.label)}</span>
                </NavLink>
              </li>
            ))}
          </ul>
          <div className="site-header-actions">
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
      </nav>
    </header>
  );
}
