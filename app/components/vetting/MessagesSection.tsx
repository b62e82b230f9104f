import { TextArea } from "~/components/ui";
import { useFormat, useT } from "~/i18n/react";
import type { VolunteerRecord } from "~/modules/volunteers/record.server";
import { useDoneBy, useFieldProps, VettingForm, type FailedForm } from "./forms";

/** Messages wait for the volunteer under "My application"; the email only says that there is news. */
export function MessagesSection({ record, failed }: { record: VolunteerRecord; failed: FailedForm | null }) {
  const t = useT();
  const format = useFormat();
  const doneBy = useDoneBy(record.names);
  const field = useFieldProps(failed, "message");
  const canSend = ["submitted", "approved", "paused", "expired"].includes(record.volunteer.status);
  return (
    <section aria-labelledby="messages" className="mt-8">
      <h2 id="messages">{t("vetting.record.messages.heading")}</h2>
      {canSend ? (
        <div className="row">
          {/* Keyed by the number of messages, so the field is empty again once one is sent. */}
          <div className="col-12 col-md-8 col-lg-6" key={record.messages.length}>
            <p>{t("vetting.record.messages.intro")}</p>
            <VettingForm intent="message" submitLabel={t("vetting.record.messages.send")} variant="secondary">
              <TextArea {...field("body")} label={t("vetting.record.messages.body")} rows={4} maxLength={4000} />
            </VettingForm>
          </div>
        </div>
      ) : null}
      {record.messages.length === 0 ? (
        <p>{t("vetting.record.messages.empty")}</p>
      ) : (
        <ul className="nobullet-list">
          {record.messages.map((message) => (
            <li key={message.id} className="mb-5">
              <p className="font-lead-small mb-2">
                {t("vetting.record.messages.by", { date: format.dateTime(message.createdAt), name: doneBy(message.authorId) })}
                {message.readAt ? ` · ${t("vetting.record.messages.read")}` : null}
              </p>
              <p className="mt-0">{message.body}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
