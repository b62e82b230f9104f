import type { ReactNode } from "react";
import type { MatchReason } from "#db/schema";
import { Alert, CheckboxField, Table, TextArea } from "~/components/ui";
import { Disclosure, useFieldProps, VettingForm, type FailedForm } from "~/components/vetting/forms";
import type { MessageKey } from "~/i18n/catalogue";
import { useFormat, useT } from "~/i18n/react";
import type { MentorKind } from "~/modules/volunteers/types";
import { comparedFactors, Reason, ReasonList, reasonFor } from "./MatchReasons";

/** A suggested mentor as the match page shows them: who, where, how much room, and why. */
export type Candidate = {
  volunteerId: string;
  name: string;
  kind: MentorKind;
  town: string | null;
  capacity: number;
  free: number;
  score: number;
  reasons: MatchReason[];
};

function useCandidateFacts() {
  const t = useT();
  const format = useFormat();
  return {
    kind: (candidate: Candidate) => t(`vetting.kinds.${candidate.kind}`),
    town: (candidate: Candidate) => candidate.town ?? t("youths.record.notGiven"),
    places: (candidate: Candidate) => t("youths.match.freePlaces", { free: format.number(candidate.free), capacity: format.number(candidate.capacity) }),
    score: (candidate: Candidate) => t("youths.match.score", { score: format.number(candidate.score) }),
  };
}

type CandidateProps = {
  candidate: Candidate;
  comparing: boolean;
  failed: FailedForm | null;
  /** Why proposing this mentor was just refused. */
  problem: MessageKey | null;
};

/** One ranked suggestion: the score and its reasons, a box to compare it, and the proposal with a note. */
export function CandidateCard({ candidate, comparing, failed, problem }: CandidateProps) {
  const t = useT();
  const facts = useCandidateFacts();
  const formKey = `propose-${candidate.volunteerId}`;
  const field = useFieldProps(failed, formKey);
  return (
    <li className="match-candidate">
      <h3 className="mt-0">
        {candidate.name}
      </h3>
      <p className="mb-3">
        {facts.kind(candidate)} · {facts.town(candidate)} · {facts.places(candidate)}
      </p>
      <p className="font-lead mt-0 mb-3">
        <strong>{facts.score(candidate)}</strong>
      </p>
      <ReasonList reasons={candidate.reasons} />
      {problem ? <Alert variant="error">{t(problem, { name: candidate.name })}</Alert> : null}
      <CheckboxField
        id={`compare-${candidate.volunteerId}`}
        name="compare"
        value={candidate.volunteerId}
        form="compare-form"
        label={t("youths.match.compareChoose", { name: candidate.name })}
        defaultChecked={comparing}
      />
      <Disclosure summary={t("youths.match.propose", { name: candidate.name })} open={failed?.key === formKey}>
        <VettingForm intent="propose" fields={{ volunteerId: candidate.volunteerId }} submitLabel={t("youths.match.proposeSubmit")}>
          <TextArea {...field("note")} label={t("youths.match.note")} hint={t("youths.match.noteHint")} optional rows={3} maxLength={2000} />
        </VettingForm>
      </Disclosure>
    </li>
  );
}

/** Two candidates side by side, factor by factor. */
export function CompareTable({ a, b }: { a: Candidate; b: Candidate }) {
  const t = useT();
  const facts = useCandidateFacts();
  const pair = [a, b];
  const row = (label: string, cell: (candidate: Candidate) => ReactNode) => (
    <tr key={label}>
      <th scope="row">{label}</th>
      {pair.map((candidate) => (
        <td key={candidate.volunteerId}>{cell(candidate)}</td>
      ))}
    </tr>
  );
  return (
    <Table caption={t("youths.match.compareCaption", { a: a.name, b: b.name })}>
      <thead>
        <tr>
          <th scope="col">{t("youths.match.factor")}</th>
          {pair.map((candidate) => (
            <th scope="col" key={candidate.volunteerId}>
              {candidate.name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {row(t("youths.match.total"), (candidate) => <strong>{facts.score(candidate)}</strong>)}
        {row(t("youths.match.kind"), facts.kind)}
        {row(t("youths.form.town"), facts.town)}
        {row(t("youths.match.places"), facts.places)}
        {comparedFactors.map((factor) =>
          row(t(`youths.reasons.factors.${factor}`), (candidate) => {
            const reason = reasonFor(candidate.reasons, factor);
            return reason ? <Reason reason={reason} /> : t("youths.reasons.nothing");
          }),
        )}
      </tbody>
    </Table>
  );
}
