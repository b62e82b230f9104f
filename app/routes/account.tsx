import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import { Tabs } from "~/components/ui";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import { requirePermission } from "~/modules/auth/guards.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "account.title");

export async function loader(args: LoaderFunctionArgs) {
  await requirePermission(args, "read:account:own");
  return null;
}

export default function AccountLayout() {
  const t = useT();
  return (
    <>
      <h1>{t("account.title")}</h1>
      <Tabs
        label={t("account.tabs.label")}
        tabs={[
          { to: "/account", label: t("account.tabs.profile") },
          { to: "/account/password", label: t("account.tabs.password") },
          { to: "/account/email", label: t("account.tabs.email") },
        ]}
      />
      <div className="row">
        <div className="col-12 col-md-8 col-lg-6">
          <Outlet />
        </div>
      </div>
    </>
  );
}
