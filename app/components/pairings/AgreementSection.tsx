import { Form, useNavigation } from "@remix-run/react";
import { Button, SummaryList, SummaryRow } from "~/components/ui";
import { useFormat, useT } from "~/i18n/react";

export type Agreement = {
  kickoffAt: Date | string | null;
  meetingFrequency: string;
  durationMonths: number;
  contactArrangement: string;
  afterHoursArrangement: string;
  confirmedAt: Date | string | null;
};

/** The agreement the coordinator wrote, and while it waits for the mentor, the button that confirms it. */
export function AgreementSection({ agreement, canConfirm }: { agreement: Agreement; canConfirm: boolean }) {
  const t = useT();
  const format = useFormat();
  const navigation = useNavigation();
  const months = agreement.durationMonths;

  return (
    <section aria-labelledby="agreement">
      <h2 id="agreement">{t("pairings.page.agreementHeading")}</h2>
      <SummaryList>
        {/* Written out with the weekday, in Copenhagen time: an appointment people plan around. */}
        {agreement.kickoffAt ? <SummaryRow label={t("pairings.page.kickoff")}>{format.longDateTime(agreement.kickoffAt)}</SummaryRow> : null}
        <SummaryRow label={t("pairings.page.frequency")}>
          <span className="preformatted">{agreement.meetingFrequency}</span>
        </SummaryRow>
        <SummaryRow label={t("pairings.page.duration")}>
          {months === 1 ? t("pairings.page.oneMonth") : t("pairings.page.months", { count: format.number(months) })}
        </SummaryRow>
        <SummaryRow label={t("pairings.page.contact")}>
          <span className="preformatted">{agreement.contactArrangement}</span>
        </SummaryRow>
        <SummaryRow label={t("pairings.page.afterHours")}>
          <span className="preformatted">{agreement.afterHoursArrangement}</span>
        </SummaryRow>
        {agreement.confirmedAt ? <SummaryRow label={t("pairings.page.confirmedAt")}>{format.date(agreement.confirmedAt)}</SummaryRow> : null}
      </SummaryList>
      {canConfirm ? (
        <>
          <p>{t("pairings.page.confirmIntro")}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="confirm" />
            <Button pending={navigation.state === "submitting" && navigation.formData?.get("intent") === "confirm"}>{t("pairings.page.confirm")}</Button>
          </Form>
        </>
      ) : null}
    </section>
  );
}
