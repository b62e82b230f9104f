import type { ReactNode } from "react";
import { useT } from "~/i18n/react";
import { useRootData } from "~/root";
import { Toast } from "~/components/ui";
import { Footer } from "./Footer";
import { Header } from "./Header";

export function SiteLayout({ children }: { children: ReactNode }) {
  const t = useT();
  const root = useRootData();
  return (
    <>
      <a className="skipnav" href="#main-content">
        {t("layout.skipToContent")}
      </a>
      <Header user={root?.user ?? null} locale={root?.locale ?? "da"} />
      <main id="main-content" className="container site-main" tabIndex={-1}>
        {root?.toast ? <Toast variant={root.toast.variant} message={t(root.toast.key)} /> : null}
        {children}
      </main>
      <Footer />
    </>
  );
}
