import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import { requirePermission } from "~/modules/auth/guards.server";
import { mentorKinds } from "~/modules/volunteers/types";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "application.title");

/**
 * The application form's frame. An anonymous visitor is sent to log in (the login page links to sign-up) and
 * comes back here; `/apply?kind=business` starts at the first step with that kind chosen.
 */
export async function loader(args: LoaderFunctionArgs) {
  await requirePermission(args, "create:application:own");
  const url = new URL(args.request.url);
  if (url.pathname.replace(/\/$/, "") === "/apply") {
    const kind = mentorKinds.find((candidate) => candidate === url.searchParams.get("kind"));
    throw redirect(kind ? `/apply/kind?kind=${kind}` : "/apply/kind");
  }
  return null;
}

export default function ApplyLayout() {
  const t = useT();
  return (
    <div className="row">
      <div className="col-12 col-lg-9">
        <h1>{t("application.title")}</h1>
        <p className="font-lead">{t("application.intro")}</p>
        <Outlet />
      </div>
    </div>
  );
}
