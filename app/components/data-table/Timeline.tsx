import { isMessageKey } from "~/i18n/catalogue";
import { useFormat, useT } from "~/i18n/react";

/** A change as a record's timeline gets it from the audit trail. */
export type TimelineEvent = { id: number; occurredAt: Date | string; actorId: string | null; action: string; details: unknown };

type TimelineProps<E extends TimelineEvent> = {
  /** Where the timeline's words are: a heading, intro, empty, caption, columns and one text per action. */
  messages: "vetting.record.timeline" | "youths.timeline";
  events: E[];
  /** Who made the change, by name. */
  who: (event: E) => string;
  /** What the change carries, in words ("Afvist – Ikke egnet"); null when the action says it all. */
  detail: (event: E) => string | null;
};

/** Every change to a record, newest first as given, in words. Views and searches stay in the audit log. */
export function Timeline<E extends TimelineEvent>({ messages, events, who, detail }: TimelineProps<E>) {
  const t = useT();
  const format = useFormat();
  return (
    <section aria-labelledby="timeline" className="mt-8">
      <h2 id="timeline">{t(`${messages}.heading`)}</h2>
      <p>{t(`${messages}.intro`)}</p>
      {events.length === 0 ? (
        <p>{t(`${messages}.empty`)}</p>
      ) : (
        <div className="table--responsive-scroll">
          <table className="table table--compact">
            <caption className="sr-only">{t(`${messages}.caption`)}</caption>
            <thead>
              <tr>
                <th scope="col">{t(`${messages}.columns.time`)}</th>
                <th scope="col">{t(`${messages}.columns.who`)}</th>
                <th scope="col">{t(`${messages}.columns.what`)}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((event) => {
                const key = `${messages}.actions.${event.action}`;
                const extra = detail(event);
                return (
                  <tr key={event.id}>
                    <th scope="row">{format.dateTime(event.occurredAt)}</th>
                    <td>{who(event)}</td>
                    <td>
                      {isMessageKey(key) ? t(key) : event.action}
                      {extra ? ` – ${extra}` : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
