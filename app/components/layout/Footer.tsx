import { Link } from "@remix-run/react";
import { useT } from "~/i18n/react";

export function Footer() {
  const t = useT();
  return (
    <footer className="footer">
      <div className="container">
        <div className="row">
          <div className="col-12 col-md-6">
            <p className="h5">{t("common.municipality")}</p>
            <p>{t("layout.footer.address")}</p>
            <p>{t("layout.footer.about")}</p>
          </div>
          <div className="col-12 col-md-6">
            <ul className="site-footer-links">
              <li>
                <Link to="/accessibility-statement">{t("layout.footer.accessibility")}</Link>
              </li>
              <li>
                <Link to="/privacy">{t("layout.footer.privacy")}</Link>
              </li>
            </ul>
          </div>
        </div>
      </div>
    </footer>
  );
}
