import type { ReactElement } from "react";
import type { Translate } from "~/i18n/catalogue";
import type { EmailBaseProps } from "./layout";

/** One email: its subject line and its body, both in the recipient's language. */
export interface EmailTemplate<P> {
  subject: (t: Translate, props: P) => string;
  Component: (props: P & EmailBaseProps) => ReactElement;
}
