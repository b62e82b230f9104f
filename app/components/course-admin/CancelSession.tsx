import type { CourseSession } from "#db/schema";
import { useFormat, useT } from "~/i18n/react";
import { ConfirmedAction } from "./confirm";

/** Cancelling a session ends every booking on it and tells each person; asked first, with or without JavaScript. */
export function CancelSession({ session, asking }: { session: CourseSession; asking: boolean }) {
  const t = useT();
  const format = useFormat();
  const people = session.confirmedCount + session.offeredCount + session.waitlistCount;
  const here = `/coordinator/sessions/${session.id}`;
  const consequence =
    people === 0
      ? t("courseAdmin.cancel.introNobody")
      : people === 1
        ? t("courseAdmin.cancel.introOne")
        : t("courseAdmin.cancel.intro", { count: format.number(people) });
  return (
    <div className="mt-8" id="cancel">
      <h3>{t("courseAdmin.cancel.heading")}</h3>
      {/* While the page asks, the question says it. */}
      {asking ? null : <p>{consequence}</p>}
      <ConfirmedAction
        action={`${here}#cancel`}
        fields={{ intent: "cancel" }}
        label={t("courseAdmin.cancel.button")}
        title={t("courseAdmin.cancel.title")}
        asking={asking}
        cancelTo={here}
      >
        <p>{consequence}</p>
      </ConfirmedAction>
    </div>
  );
}
