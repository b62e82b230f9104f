import { Alert } from "~/components/ui";
import { useT } from "~/i18n/react";

/**
 * What a task with children under 15 means: the association must obtain a børneattest (the police's record of
 * offences against children) for each participant aged 15 or over, with the participant's consent.
 */
export function ChildCertificate({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const t = useT();
  return (
    <Alert variant="warning" heading={t("tasks.childCertificate.heading")} headingLevel={headingLevel}>
      <p>{t("tasks.childCertificate.body")}</p>
      <p>{t("tasks.childCertificate.what")}</p>
      <p>{t("tasks.childCertificate.who")}</p>
    </Alert>
  );
}
