import { ConfirmedAction } from "~/components/course-admin/confirm";
import { useT } from "~/i18n/react";

/**
 * Closing a task, on the association's and the coordinator's task page: asked first in a modal, or on the
 * page without JavaScript (`asking`), where the question replaces the introduction.
 */
export function CloseTaskSection({ here, asking, intro }: { here: string; asking: boolean; intro: string }) {
  const t = useT();
  return (
    <section className="mt-8" id="close" aria-labelledby="close-heading">
      <h2 id="close-heading">{t("tasks.close.heading")}</h2>
      {asking ? null : <p>{intro}</p>}
      <ConfirmedAction action={`${here}#close`} fields={{ intent: "close" }} label={t("tasks.close.button")} title={t("tasks.close.title")} asking={asking} cancelTo={here}>
        <p>{t("tasks.close.intro")}</p>
      </ConfirmedAction>
    </section>
  );
}
