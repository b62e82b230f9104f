import type { MetaFunction } from "@remix-run/node";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import { publicPageHeaders } from "~/http-cache";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "auth.checkEmail.title");

export const headers = publicPageHeaders;

export default function CheckEmail() {
  const t = useT();
  return (
    <div className="row">
      <div className="col-12 col-md-8 col-lg-6">
        <h1>{t("auth.checkEmail.title")}</h1>
        <p className="font-lead">{t("auth.checkEmail.body")}</p>
        <p>{t("auth.checkEmail.spam")}</p>
      </div>
    </div>
  );
}
