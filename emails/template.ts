import type { ReactElement } from "react";
import type { Translate } from "~/i18n/catalogue";
import type { Locale } from "~/i18n/locales";
import type { EmailBaseProps } from "./layout";

/**
 * One email: its subject line and its body, both in the recipient's language. The subject gets the locale
 * too, for subjects that name a date or time.
 */
export interface EmailTemplate<P> {
  subject: (t: Translate, props: P, locale: Locale) => string;
  Component: (props: P & EmailBaseProps) => ReactElement;
}
