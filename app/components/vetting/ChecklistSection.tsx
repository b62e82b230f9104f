import type { ReactNode } from "react";
import { CheckboxField, RadioGroup, Select, SummaryList, SummaryRow, TextArea, TextField } from "~/components/ui";
import { useFormat, useT } from "~/i18n/react";
import type { VolunteerRecord } from "~/modules/volunteers/record.server";
import { attestResults, CODE_OF_CONDUCT_VERSION, referenceOutcomes, vettingSteps, type VettingStep } from "~/modules/volunteers/types";
import { Disclosure, useDoneBy, useFieldProps, VettingForm, type FailedForm } from "./forms";

type Check = VolunteerRecord["checks"][number];
type SectionProps = { record: VolunteerRecord; failed: FailedForm | null };

/** Every vetting step with its state, who did it and when, its notes, and the form that records it. */
export function ChecklistSection({ record, failed }: SectionProps) {
  const t = useT();
  const format = useFormat();
  const { volunteer, policy } = record;
  const byStep = new Map(record.checks.map((check) => [check.step, check]));

  return (
    <section aria-labelledby="checklist">
      <h2 id="checklist">{t("vetting.record.checklistHeading")}</h2>
      <p>
        {t("vetting.record.checklistIntro", { kind: t(`vetting.kinds.${volunteer.kind}`) })}{" "}
        {t("vetting.record.checklistProgress", { passed: format.number(volunteer.checksPassed), required: format.number(volunteer.checksRequired) })}
      </p>
      {vettingSteps.map((step) => (
        <StepCard key={step} record={record} step={step} check={byStep.get(step)} required={policy.requiredSteps.includes(step)}>
          {step === "interview" ? <InterviewForm check={byStep.get(step)} failed={failed} /> : null}
          {step === "references" ? <References record={record} failed={failed} /> : null}
          {step === "criminal_record" ? <AttestForm check={byStep.get(step)} failed={failed} /> : null}
          {step === "code_of_conduct" ? <CodeOfConduct record={record} /> : null}
          {step === "training" ? (
            <>
              <CourseHistory record={record} />
              <TrainingForm check={byStep.get(step)} failed={failed} />
            </>
          ) : null}
        </StepCard>
      ))}
      <WaiveForm record={record} failed={failed} />
    </section>
  );
}

function StepCard({ record, step, check, required, children }: { record: VolunteerRecord; step: VettingStep; check?: Check; required: boolean; children: ReactNode }) {
  const t = useT();
  const format = useFormat();
  const doneBy = useDoneBy(record.names);
  const state = check?.state ?? "pending";
  return (
    <div className="vetting-step" id={`step-${step}`}>
      <h3>
        {t(`vetting.steps.${step}`)}: {t(`vetting.record.states.${state}`)}
      </h3>
      {required ? null : <p className="form-hint">{t("vetting.record.notRequired")}</p>}
      <p>{check?.doneAt ? t("vetting.record.doneBy", { date: format.dateTime(check.doneAt), name: doneBy(check.doneBy) }) : t("vetting.record.notDone")}</p>
      {state === "waived" && check?.waiverReason ? <p>{t("vetting.record.waiverReason", { reason: check.waiverReason })}</p> : null}
      {check?.note ? (
        <p>
          <strong>{t("vetting.record.note")}:</strong> {check.note}
        </p>
      ) : null}
      {children}
    </div>
  );
}

const interviewFields = ["motivation", "boundaries", "availability", "concerns"] as const;

function InterviewForm({ check, failed }: { check?: Check; failed: FailedForm | null }) {
  const t = useT();
  const field = useFieldProps(failed, "interview");
  const notes = check?.interviewNotes;
  const recorded = Boolean(check?.doneAt);
  const form = (
    <VettingForm intent="interview" submitLabel={t("vetting.record.interview.save")}>
      <RadioGroup
        {...field("outcome", recorded ? check?.state : null)}
        legend={t("vetting.record.interview.outcome")}
        options={(["passed", "failed"] as const).map((outcome) => ({ value: outcome, label: t(`vetting.record.interview.outcomes.${outcome}`) }))}
      />
      {interviewFields.map((name) => (
        <TextArea
          key={name}
          {...field(name, notes?.[name])}
          label={t(`vetting.record.interview.${name}`)}
          hint={t(`vetting.record.interview.${name}Hint`)}
          optional
          rows={3}
          maxLength={8000}
        />
      ))}
    </VettingForm>
  );
  return (
    <>
      {notes ? (
        <SummaryList>
          {interviewFields.map((name) =>
            notes[name] ? (
              <SummaryRow key={name} label={t(`vetting.record.interview.${name}`)}>
                {notes[name]}
              </SummaryRow>
            ) : null,
          )}
        </SummaryList>
      ) : null}
      <Disclosure summary={t(recorded ? "vetting.record.interview.edit" : "vetting.record.interview.record")} open={!recorded || failed?.key === "interview"}>
        {form}
      </Disclosure>
    </>
  );
}

function References({ record, failed }: SectionProps) {
  const t = useT();
  const format = useFormat();
  const doneBy = useDoneBy(record.names);
  const required = record.policy.referencesRequired;
  return (
    <>
      <p>{required === 1 ? t("vetting.record.references.requiredOne") : t("vetting.record.references.required", { count: format.number(required) })}</p>
      {record.references.length === 0 ? <p>{t("vetting.record.references.none")}</p> : null}
      {record.references.map((reference) => (
        <ReferenceForm key={reference.id} reference={reference} failed={failed}>
          <h4>{t("vetting.record.references.reference", { position: reference.position, name: reference.name })}</h4>
          <p className="mb-2">{t("vetting.record.references.relation", { relation: reference.relation })}</p>
          <p className="mt-0">{t("vetting.record.references.contact", { contact: [reference.phone, reference.email].filter(Boolean).join(" · ") })}</p>
          <p>
            {reference.outcome && reference.checkedAt
              ? t("vetting.record.references.checked", {
                  outcome: t(`vetting.record.references.outcomes.${reference.outcome}`),
                  date: format.dateTime(reference.checkedAt),
                  name: doneBy(reference.checkedBy),
                })
              : t("vetting.record.references.notChecked")}
          </p>
          {reference.note ? (
            <p>
              <strong>{t("vetting.record.note")}:</strong> {reference.note}
            </p>
          ) : null}
        </ReferenceForm>
      ))}
    </>
  );
}

function ReferenceForm({ reference, failed, children }: { reference: VolunteerRecord["references"][number]; failed: FailedForm | null; children: ReactNode }) {
  const t = useT();
  const key = `reference-${reference.position}`;
  const field = useFieldProps(failed, key);
  const position = String(reference.position);
  return (
    <div className="mt-6">
      {children}
      <Disclosure summary={t(reference.outcome ? "vetting.record.references.edit" : "vetting.record.references.record")} open={!reference.outcome || failed?.key === key}>
        <VettingForm intent="reference" fields={{ position }} submitLabel={t("vetting.record.references.save", { position })}>
          <RadioGroup
            {...field("outcome", reference.outcome)}
            legend={t("vetting.record.references.outcome", { position })}
            options={referenceOutcomes.map((outcome) => ({ value: outcome, label: t(`vetting.record.references.outcomes.${outcome}`) }))}
          />
          <TextArea {...field("note", reference.note)} label={t("vetting.record.noteOptional")} optional rows={3} maxLength={8000} />
        </VettingForm>
      </Disclosure>
    </div>
  );
}

function AttestForm({ check, failed }: { check?: Check; failed: FailedForm | null }) {
  const t = useT();
  const format = useFormat();
  const field = useFieldProps(failed, "attest");
  const details = check?.details ?? {};
  const recorded = Boolean(details.attestResult);
  return (
    <>
      {details.attestResult ? (
        <p>
          {t(`vetting.record.attest.results.${details.attestResult}`)}
          {details.renewalDate ? ` · ${t("vetting.record.attest.renewal", { date: format.date(details.renewalDate) })}` : null}
        </p>
      ) : null}
      <p className="form-hint">{t("vetting.record.attest.never")}</p>
      <Disclosure summary={t("vetting.record.attest.record")} open={!recorded || failed?.key === "attest"}>
        <VettingForm intent="attest" submitLabel={t("vetting.record.attest.save")}>
          <RadioGroup
            {...field("result", details.attestResult)}
            legend={t("vetting.record.attest.result")}
            options={attestResults.map((result) => ({ value: result, label: t(`vetting.record.attest.results.${result}`) }))}
          />
          <TextField {...field("assessedOn", details.assessedOn)} type="date" label={t("vetting.record.attest.assessedOn")} hint={t("vetting.record.attest.assessedOnHint")} className="input-width-s" />
        </VettingForm>
      </Disclosure>
    </>
  );
}

function CodeOfConduct({ record }: { record: VolunteerRecord }) {
  const t = useT();
  const format = useFormat();
  const consents = record.answers.consents;
  if (!consents) return <p>{t("vetting.record.codeOfConduct.missing")}</p>;
  const version = consents.codeOfConductVersion;
  return (
    <>
      <p>{t("vetting.record.codeOfConduct.signed", { version, date: format.dateTime(consents.codeOfConductSignedAt) })}</p>
      {version !== CODE_OF_CONDUCT_VERSION ? <p>{t("vetting.record.codeOfConduct.outdated", { version, current: CODE_OF_CONDUCT_VERSION })}</p> : null}
    </>
  );
}

/** The volunteer's course bookings, newest first, and the hours credited; attendance is what ticks the step. */
function CourseHistory({ record }: { record: VolunteerRecord }) {
  const t = useT();
  const format = useFormat();
  const { bookings, trainingMinutes } = record.courses;
  return (
    <>
      <h4>{t("vetting.record.training.courses")}</h4>
      {bookings.length === 0 ? (
        <p>{t("vetting.record.training.coursesEmpty")}</p>
      ) : (
        <ul>
          {bookings.map((booking) => (
            <li key={booking.id}>
              {t("vetting.record.training.course", {
                title: booking.title,
                date: format.date(booking.startsAt),
                status: t(`vetting.record.training.bookingStates.${booking.attendance ?? booking.status}`),
              })}
            </li>
          ))}
        </ul>
      )}
      <p>{t("vetting.record.training.hours", { hours: format.number(Math.round(trainingMinutes / 6) / 10) })}</p>
    </>
  );
}

function TrainingForm({ check, failed }: { check?: Check; failed: FailedForm | null }) {
  const t = useT();
  const field = useFieldProps(failed, "training");
  const passed = failed?.key === "training" ? failed.values.passed === "yes" : check?.state === "passed";
  return (
    <>
      <p>{t("vetting.record.training.intro")}</p>
      <Disclosure summary={t("vetting.record.training.record")} open={failed?.key === "training"}>
        <VettingForm intent="training" submitLabel={t("vetting.record.training.save")}>
          <CheckboxField name="passed" id="training-passed" value="yes" defaultChecked={passed} label={t("vetting.record.training.passed")} />
          <TextArea {...field("note", check?.note)} label={t("vetting.record.noteOptional")} optional rows={3} maxLength={8000} />
        </VettingForm>
      </Disclosure>
    </>
  );
}

function WaiveForm({ record, failed }: SectionProps) {
  const t = useT();
  const field = useFieldProps(failed, "waive");
  const open = record.checks.filter((check) => check.state !== "passed" && check.state !== "waived").map((check) => check.step);
  if (open.length === 0) return null;
  return (
    <div className="row mt-8">
      <div className="col-12 col-md-8 col-lg-6">
        <h3>{t("vetting.record.waive.heading")}</h3>
        <p>{t("vetting.record.waive.intro")}</p>
        <VettingForm intent="waive" submitLabel={t("vetting.record.waive.save")} variant="secondary">
          <Select
            {...field("step")}
            label={t("vetting.record.waive.step")}
            placeholder={t("vetting.record.waive.stepRequired")}
            options={open.map((step) => ({ value: step, label: t(`vetting.steps.${step}`) }))}
          />
          <TextArea {...field("reason")} label={t("vetting.record.waive.reason")} rows={3} maxLength={1000} />
        </VettingForm>
      </div>
    </div>
  );
}
