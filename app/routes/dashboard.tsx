import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import { requireUser } from "~/modules/auth/guards.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "auth.dashboard.title");

export async function loader(args: LoaderFunctionArgs) {
  const user = await requireUser(args);
  return { name: user.name, role: user.role };
}

export default function Dashboard() {
  const t = useT();
  const { name, role } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("auth.dashboard.welcome", { name })}</h1>
      <p className="font-lead">{t("auth.dashboard.roleIntro", { role: t(`common.roles.${role}`).toLowerCase() })}</p>
      <p>{t(`auth.dashboard.${role}`)}</p>
      <p>
        <Link to="/account">{t("auth.dashboard.account")}</Link>
      </p>
    </>
  );
}
