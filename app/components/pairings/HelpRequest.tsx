import { Alert, TextArea } from "~/components/ui";
import { useFieldProps, VettingForm, type FailedForm } from "~/components/vetting/forms";
import { useFormat, useT } from "~/i18n/react";

export type SentHelpRequest = {
  id: string;
  message: string;
  requestedAt: Date | string;
  handledAt: Date | string | null;
};

type HelpRequestProps = {
  /** The youth's first name. */
  name: string;
  /** The mentor's own requests on this pairing, newest first. */
  requests: SentHelpRequest[];
  failed: FailedForm | null;
};

/** The mentor asks the coordinator for help; the page says where to turn when it cannot wait for working hours. */
export function HelpRequest({ name, requests, failed }: HelpRequestProps) {
  const t = useT();
  const format = useFormat();
  const field = useFieldProps(failed, "help");

  return (
    <section aria-labelledby="help" className="mt-8">
      <h2 id="help">{t("pairings.help.heading")}</h2>
      <p>{t("pairings.help.intro")}</p>
      <Alert variant="warning" heading={t("pairings.help.urgentHeading")} headingLevel={3}>
        <p className="mt-0">{t("pairings.help.urgent", { name })}</p>
      </Alert>
      {/* A new key once a request is sent, so the text area is empty again after a send without a page load. */}
      <VettingForm key={requests[0]?.id ?? "none"} intent="help" submitLabel={t("pairings.help.submit")}>
        <TextArea {...field("message")} label={t("pairings.help.message")} hint={t("pairings.help.messageHint")} rows={4} maxLength={2000} />
      </VettingForm>
      {requests.length > 0 ? (
        <>
          <h3 className="mt-8">{t("pairings.help.sentHeading")}</h3>
          <ul className="nobullet-list">
            {requests.map((request) => (
              <li key={request.id} className="mb-6">
                <p className="preformatted mt-0 mb-2">{request.message}</p>
                <p className="mt-0">
                  {t("pairings.help.sent", { date: format.dateTime(request.requestedAt) })}
                  {" · "}
                  {request.handledAt ? (
                    t("pairings.help.handled", { date: format.dateTime(request.handledAt) })
                  ) : (
                    <span className="badge badge-warning">{t("pairings.help.waiting")}</span>
                  )}
                </p>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
