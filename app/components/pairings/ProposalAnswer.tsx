import { Form, Link, useNavigation } from "@remix-run/react";
import { Alert, Button, ButtonLink, TextArea } from "~/components/ui";
import { useFieldProps, type FailedForm } from "~/components/vetting/forms";
import { useT } from "~/i18n/react";

type ProposalAnswerProps = {
  pairingId: string;
  /** The youth's first name. */
  name: string;
  /** The decline form is open: after "Nej tak", or when it came back with an error. */
  declining: boolean;
  failed: FailedForm | null;
};

/**
 * The mentor's answer to a proposal. "Ja tak" answers at once; "Nej tak" opens a form that asks for the reason,
 * which is also the step that asks before the no is sent. Both work without JavaScript.
 */
export function ProposalAnswer({ pairingId, name, declining, failed }: ProposalAnswerProps) {
  const t = useT();
  const field = useFieldProps(failed, "decline");
  const reason = field("reason");
  const navigation = useNavigation();
  const sending = (intent: string) => navigation.state === "submitting" && navigation.formData?.get("intent") === intent;
  const here = `/pairings/${pairingId}`;

  return (
    <section aria-labelledby="answer-heading" id="answer">
      <h2 id="answer-heading">{t("pairings.page.answerHeading", { name })}</h2>
      <p>{t("pairings.page.answerIntro", { name })}</p>
      {declining ? (
        // Focused when opened; after a failed send the error summary takes focus instead.
        <Alert variant="warning" heading={t("pairings.page.declineTitle", { name })} headingLevel={3} focus={!reason.error}>
          <p>{t("pairings.page.declineBody", { name })}</p>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="decline" />
            <TextArea {...reason} label={t("pairings.page.declineReason")} hint={t("pairings.page.declineReasonHint")} rows={4} maxLength={1000} />
            <div className="mt-5">
              <Button variant="warning" pending={sending("decline")}>
                {t("pairings.page.sendDecline")}
              </Button>
              <Link to={here} className="ml-5">
                {t("pairings.page.keep")}
              </Link>
            </div>
          </Form>
        </Alert>
      ) : (
        <>
          <p>{t("pairings.page.answerNoIsFine", { name })}</p>
          <div className="form-actions">
            <Form method="post">
              <input type="hidden" name="intent" value="accept" />
              <Button pending={sending("accept")}>{t("pairings.page.accept")}</Button>
            </Form>
            <ButtonLink to={`${here}?answer=no#answer`} variant="secondary">
              {t("pairings.page.decline")}
            </ButtonLink>
          </div>
        </>
      )}
    </section>
  );
}
