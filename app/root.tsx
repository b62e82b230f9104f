import { data, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { SiteLayout } from "~/components/layout/SiteLayout";
import { useT } from "~/i18n/react";
import { getLocale } from "~/i18n/locale.server";
import { defaultLocale } from "~/i18n/locales";
import { getCurrentUser } from "~/modules/auth/guards.server";
import { useNonce } from "~/nonce";
import { readToast } from "~/toast.server";
import stylesheet from "~/styles/app.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader(args: LoaderFunctionArgs) {
  const [user, locale] = await Promise.all([getCurrentUser(args), getLocale(args)]);
  const { toast, clear } = readToast(args.request);
  const payload = {
    locale,
    user: user ? { name: user.name, role: user.role } : null,
    toast,
  };
  return clear ? data(payload, { headers: { "Set-Cookie": clear } }) : payload;
}

export function useRootData() {
  return useRouteLoaderData<typeof loader>("root");
}

export function Layout({ children }: { children: ReactNode }) {
  const root = useRootData();
  const nonce = useNonce();
  return (
    <html lang={root?.locale ?? defaultLocale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <SiteLayout>{children}</SiteLayout>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const kind = status === 404 ? "notFound" : status === 403 ? "forbidden" : status === 429 ? "tooMany" : "server";
  return (
    <>
      <title>{`${t(`errors.${kind}.title`)} · ${t("common.portalName")}`}</title>
      <h1>{t(`errors.${kind}.title`)}</h1>
      <p className="font-lead">{t(`errors.${kind}.body`)}</p>
      <p>
        <Link to="/">{t("errors.home")}</Link>
      </p>
    </>
  );
}
