import { Link } from "@remix-run/react";
import type { ColumnDef } from "@tanstack/react-table";
import { useMemo } from "react";
import { ConfirmedAction } from "~/components/course-admin/confirm";
import { numberInput, useFormFields } from "~/components/course-admin/fields";
import { DataTable } from "~/components/data-table";
import { Alert, SummaryList, SummaryRow, TextArea, TextField } from "~/components/ui";
import { Disclosure, VettingForm, type FailedForm } from "~/components/vetting/forms";
import { agreementFormValues, type AgreementFormValues } from "~/forms/agreement";
import { useFormat, useT } from "~/i18n/react";
import type { CoordinatorPairing } from "~/modules/pairings/coordinator.server";
import { openPairingStatuses } from "~/modules/pairings/types";
import type { YouthRecord } from "~/modules/youths/records.server";
import { ReasonList } from "./MatchReasons";

type PairingProps = {
  youth: Pick<YouthRecord["youth"], "id" | "firstName" | "status">;
  pairing: CoordinatorPairing | null;
  failed: FailedForm | null;
  /** A withdrawal waiting for its confirmation on the page (no JavaScript ran). */
  askingWithdraw: boolean;
};

/** A proposal or pairing still open: the youth can have no other, and the course cannot close. */
export function isOpenPairing(pairing: Pick<CoordinatorPairing, "status"> | null) {
  return pairing !== null && (openPairingStatuses as readonly string[]).includes(pairing.status);
}

/** The youth's current proposal or pairing with the step it waits for; the last answer when there is none. */
export function PairingSection({ youth, pairing, failed, askingWithdraw }: PairingProps) {
  const t = useT();
  const format = useFormat();
  const here = `/coordinator/youths/${youth.id}`;
  const open = isOpenPairing(pairing) ? pairing : null;

  return (
    <section aria-labelledby="pairing" className="mt-8">
      <h2 id="pairing">{t("youths.record.sections.pairing")}</h2>
      {!open ? (
        <>
          {pairing?.status === "declined" ? (
            <Alert variant="info" heading={t("youths.pairing.declinedHeading", { name: pairing.mentorName })} headingLevel={3}>
              <p className="mt-0">{t("youths.pairing.declinedBody", { date: format.date(pairing.respondedAt ?? pairing.proposedAt) })}</p>
              {pairing.declineReason ? <blockquote className="preformatted">{pairing.declineReason}</blockquote> : null}
            </Alert>
          ) : null}
          <p>{t("youths.pairing.none", { name: youth.firstName })}</p>
        </>
      ) : (
        <>
          <ProposalSummary pairing={open} />
          {open.status === "proposed" ? (
            <div id="withdraw">
              <p>{t("youths.pairing.waitingAnswer")}</p>
              <ConfirmedAction
                action={`${here}#withdraw`}
                fields={{ intent: "withdraw", pairingId: open.id }}
                label={t("youths.pairing.withdraw")}
                title={t("youths.pairing.withdrawTitle", { name: open.mentorName })}
                asking={askingWithdraw}
                cancelTo={here}
              >
                <p>{t("youths.pairing.withdrawBody")}</p>
              </ConfirmedAction>
            </div>
          ) : null}
          {open.status === "accepted" || open.status === "active" ? (
            <>
              <p className="mt-5">
                <Link to={`/coordinator/pairings/${open.id}`} className="function-link">
                  {t("pairingFollowUp.youthLink")}
                </Link>
                <span className="d-block form-hint">{t("pairingFollowUp.youthLinkHint")}</span>
              </p>
              <Agreement pairing={open} failed={failed} />
            </>
          ) : null}
        </>
      )}
    </section>
  );
}

function ProposalSummary({ pairing }: { pairing: CoordinatorPairing }) {
  const t = useT();
  const format = useFormat();
  return (
    <>
      <SummaryList>
        <SummaryRow label={t("youths.pairing.mentor")}>
          <Link to={`/coordinator/volunteers/${pairing.volunteerId}`}>{pairing.mentorName}</Link> ({t(`vetting.kinds.${pairing.mentorKind}`)})
        </SummaryRow>
        <SummaryRow label={t("youths.pairing.status")}>{t(`youths.pairingStatuses.${pairing.status}`)}</SummaryRow>
        <SummaryRow label={t("youths.pairing.proposed")}>
          {t("youths.pairing.proposedBy", { date: format.dateTime(pairing.proposedAt), name: pairing.proposedByName ?? t("youths.record.someone") })}
        </SummaryRow>
        {pairing.coordinatorNote ? <SummaryRow label={t("youths.pairing.note")}>{pairing.coordinatorNote}</SummaryRow> : null}
        {pairing.respondedAt ? <SummaryRow label={t("youths.pairing.respondedAt")}>{format.dateTime(pairing.respondedAt)}</SummaryRow> : null}
      </SummaryList>
      <Disclosure summary={t("youths.pairing.why", { score: format.number(pairing.score) })} open={false}>
        <ReasonList reasons={pairing.reasons} />
      </Disclosure>
    </>
  );
}

/** The kick-off and the agreement: written by the coordinator once the mentor said yes, confirmed by the mentor. */
function Agreement({ pairing, failed }: { pairing: CoordinatorPairing; failed: FailedForm | null }) {
  const t = useT();
  const format = useFormat();
  const written = pairing.agreementSetAt !== null;
  const form = (
    <div className="row">
      <div className="col-12 col-md-10 col-lg-8">
        {/* Keyed by when it was written, so the fields show the saved agreement again after a change. */}
        <VettingForm key={String(pairing.agreementSetAt)} intent="agreement" fields={{ pairingId: pairing.id }} submitLabel={t("youths.agreement.submit")}>
          <AgreementFields failed={failed} saved={agreementFormValues(pairing)} />
        </VettingForm>
      </div>
    </div>
  );

  return (
    <div id="agreement" className="mt-7">
      <h3>{t("youths.agreement.heading")}</h3>
      {!written ? (
        <>
          <p>{t("youths.agreement.intro")}</p>
          {form}
        </>
      ) : (
        <>
          <SummaryList>
            {pairing.kickoffAt ? <SummaryRow label={t("youths.agreement.kickoff")}>{format.longDateTime(pairing.kickoffAt)}</SummaryRow> : null}
            <SummaryRow label={t("youths.agreement.frequency")}>{pairing.meetingFrequency}</SummaryRow>
            <SummaryRow label={t("youths.agreement.duration")}>
              {pairing.durationMonths === 1 ? t("youths.agreement.oneMonth") : t("youths.agreement.months", { count: format.number(pairing.durationMonths ?? 0) })}
            </SummaryRow>
            <SummaryRow label={t("youths.agreement.contact")}>{pairing.contactArrangement}</SummaryRow>
            <SummaryRow label={t("youths.agreement.afterHours")}>{pairing.afterHoursArrangement}</SummaryRow>
            <SummaryRow label={t("youths.agreement.confirmed")}>
              {pairing.agreementConfirmedAt ? format.dateTime(pairing.agreementConfirmedAt) : t("youths.agreement.waiting", { date: format.date(pairing.agreementSetAt!) })}
            </SummaryRow>
          </SummaryList>
          {pairing.status === "accepted" ? (
            <Disclosure summary={t("youths.agreement.change")} open={failed?.key === "agreement"}>
              {form}
            </Disclosure>
          ) : null}
        </>
      )}
    </div>
  );
}

function AgreementFields({ failed, saved }: { failed: FailedForm | null; saved: AgreementFormValues }) {
  const t = useT();
  const fields = useFormFields(failed, "agreement", saved);
  return (
    <>
      <TextField {...fields.text("kickoffDate")} type="date" label={t("youths.agreement.kickoffDate")} hint={t("youths.agreement.kickoffDateHint")} className="input-width-s" />
      <TextField {...fields.text("kickoffTime")} type="time" label={t("youths.agreement.kickoffTime")} hint={t("youths.agreement.kickoffTimeHint")} className="input-width-xs" />
      <TextField {...fields.text("meetingFrequency")} label={t("youths.agreement.meetingFrequency")} hint={t("youths.agreement.meetingFrequencyHint")} maxLength={200} />
      <TextField {...fields.text("durationMonths")} {...numberInput} label={t("youths.agreement.durationMonths")} hint={t("youths.agreement.durationHint")} maxLength={2} />
      <TextArea {...fields.text("contactArrangement")} label={t("youths.agreement.contactArrangement")} hint={t("youths.agreement.contactHint")} rows={3} maxLength={1000} />
      <TextArea {...fields.text("afterHoursArrangement")} label={t("youths.agreement.afterHoursArrangement")} hint={t("youths.agreement.afterHoursHint")} rows={3} maxLength={1000} />
    </>
  );
}

type HistoryRow = YouthRecord["pairings"][number];

/** Every proposal and pairing the youth has had, newest first. */
export function PairingHistory({ pairings }: { pairings: HistoryRow[] }) {
  const t = useT();
  const format = useFormat();
  const columns = useMemo<ColumnDef<HistoryRow>[]>(
    () => [
      {
        id: "mentor",
        header: t("youths.history.columns.mentor"),
        cell: ({ row }) => <Link to={`/coordinator/volunteers/${row.original.volunteerId}`}>{row.original.mentorName}</Link>,
        meta: { rowHeader: true },
      },
      {
        id: "status",
        header: t("youths.history.columns.status"),
        // A pairing that started has a follow-up page: its check-ins, contacts and ending.
        cell: ({ row }) =>
          row.original.startedAt ? (
            <Link to={`/coordinator/pairings/${row.original.id}`}>{t(`youths.pairingStatuses.${row.original.status}`)}</Link>
          ) : (
            t(`youths.pairingStatuses.${row.original.status}`)
          ),
      },
      { id: "proposed", header: t("youths.history.columns.proposed"), cell: ({ row }) => format.date(row.original.proposedAt) },
      { id: "started", header: t("youths.history.columns.started"), cell: ({ row }) => (row.original.startedAt ? format.date(row.original.startedAt) : "–") },
      { id: "closed", header: t("youths.history.columns.closed"), cell: ({ row }) => (row.original.closedAt ? format.date(row.original.closedAt) : "–") },
    ],
    [t, format],
  );
  return (
    <section aria-labelledby="history" className="mt-8">
      <h2 id="history">{t("youths.record.sections.history")}</h2>
      <DataTable columns={columns} data={pairings} getRowId={(row) => row.id} caption={t("youths.history.caption")} captionHidden empty={t("youths.history.empty")} compact />
    </section>
  );
}
