import { Table } from "~/components/ui";
import { isMessageKey } from "~/i18n/catalogue";
import { useFormat, useT } from "~/i18n/react";
import type { AssociationForCoordinator } from "~/modules/associations/review.server";

type Event = AssociationForCoordinator["timeline"][number];

/** What an event carries, in words: the fields a profile change touched, or the publishing switch's new value. */
function useEventDetail() {
  const t = useT();
  return ({ action, details }: Event): string | null => {
    const found = (key: string) => (details as Record<string, unknown> | null)?.[key];
    if (action === "association.updated") {
      const fields = found("fields");
      if (!Array.isArray(fields)) return null;
      return fields
        .map((field) => {
          const key = `associations.review.timeline.fields.${String(field)}`;
          return isMessageKey(key) ? t(key) : String(field);
        })
        .join(", ");
    }
    if (action === "association.publishes_directly_changed") {
      return t(found("publishesDirectly") === true ? "associations.review.timeline.publishesDirectly.on" : "associations.review.timeline.publishesDirectly.off");
    }
    return null;
  };
}

/** The association's history from the audit trail, newest first. */
export function AssociationTimeline({ events }: { events: Event[] }) {
  const t = useT();
  const format = useFormat();
  const detail = useEventDetail();
  return (
    <section aria-labelledby="timeline" className="mt-8">
      <h2 id="timeline">{t("associations.review.timeline.heading")}</h2>
      <p>{t("associations.review.timeline.intro")}</p>
      {events.length === 0 ? (
        <p>{t("associations.review.timeline.empty")}</p>
      ) : (
        <Table caption={t("associations.review.timeline.caption")} captionHidden compact>
          <thead>
            <tr>
              <th scope="col">{t("associations.review.timeline.columns.time")}</th>
              <th scope="col">{t("associations.review.timeline.columns.who")}</th>
              <th scope="col">{t("associations.review.timeline.columns.what")}</th>
            </tr>
          </thead>
          <tbody>
            {events.map((event) => {
              const key = `associations.review.timeline.actions.${event.action}`;
              const extra = detail(event);
              return (
                <tr key={event.id}>
                  <th scope="row">{format.dateTime(event.occurredAt)}</th>
                  <td>{event.actorId ? (event.actorName ?? t("associations.review.record.someone")) : t("associations.review.timeline.system")}</td>
                  <td>
                    {isMessageKey(key) ? t(key) : event.action}
                    {extra ? ` – ${extra}` : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      )}
    </section>
  );
}
