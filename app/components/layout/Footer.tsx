import { Link } from "@remix-run/react";
import { useT } from "~/i18n/react";

export function Footer() {
  const t = useT();
  return (
    <footer>
      <div className="footer">
        <div className="container">
          <div className="row">
            <div className="col-12 col-md-6 footer-col">
              <p className="h5">{t("common.municipality")}</p>
              <p>{t("layout.footer.address")}</p>
              <p>{t("layout.footer.about")}</p>
            </div>
            <div className="col-12 col-md-6 footer-col">
              <ul className="unstyled-list inline-list">
                <li>
                  <Link className="function-link" to="/accessibility-statement">
                    {t("layout.footer.accessibility")}
                  </Link>
                </li>
                <li>
                  <Link className="function-link" to="/privacy">
                    {t("layout.footer.privacy")}
                  </Link>
                </li>
              </ul>
            </div>
          </div>
        </div>
      </div>
    </footer>
  );
}
