import { Form, Link } from "@remix-run/react";
import type { ColumnDef } from "@tanstack/react-table";
import { useMemo } from "react";
import { DataTable } from "~/components/data-table";
import { Alert, Button, ButtonLink, RadioGroup, SummaryList, SummaryRow, TextArea, TextField } from "~/components/ui";
import { useFieldProps, type FailedForm } from "~/components/vetting/forms";
import { useFormat, useT } from "~/i18n/react";
import type { MentorYouthToPropose, ProposableTask } from "~/modules/associations/proposing.server";
import type { YouthStatus } from "~/modules/youths/types";

/** The form's key: the ids of its fields, and what the error summary links to. */
const formKey = "proposal";

/** What the proposer needs to know of the task before choosing whom to propose. */
export function TaskSummary({ task }: { task: Pick<ProposableTask, "associationName" | "town" | "minimumAge" | "places" | "placesTaken" | "involvesChildren"> }) {
  const t = useT();
  const format = useFormat();
  return (
    <>
      <SummaryList>
        <SummaryRow label={t("participation.propose.association")}>{task.associationName}</SummaryRow>
        <SummaryRow label={t("participation.propose.town")}>{task.town}</SummaryRow>
        <SummaryRow label={t("participation.propose.minimumAge")}>{t("participation.propose.minimumAgeValue", { age: format.number(task.minimumAge) })}</SummaryRow>
        <SummaryRow label={t("participation.propose.placesLeft")}>
          {t("participation.propose.placesLeftValue", { left: format.number(task.places - task.placesTaken), places: format.number(task.places) })}
        </SummaryRow>
      </SummaryList>
      {task.involvesChildren ? <Alert variant="info">{t("participation.propose.involvesChildren")}</Alert> : null}
    </>
  );
}

export type YouthSearchRow = { id: string; name: string; age: number; status: YouthStatus; blocked: "closed" | "tooYoung" | null };
export type YouthSearchResult = { q: string; rows: YouthSearchRow[]; more: boolean };

/**
 * The coordinator finds the youth by name: a GET form, so the search is in the URL and works without JavaScript.
 * A youth whose course is closed, or who is under the task's minimum age, is shown but cannot be chosen.
 */
export function YouthSearch({ action, search }: { action: string; search: YouthSearchResult | null }) {
  const t = useT();
  const format = useFormat();
  const columns = useMemo<ColumnDef<YouthSearchRow>[]>(
    () => [
      { id: "name", header: t("participation.propose.search.columns.name"), cell: ({ row }) => row.original.name, meta: { rowHeader: true } },
      { id: "age", header: t("participation.propose.search.columns.age"), cell: ({ row }) => format.number(row.original.age) },
      { id: "status", header: t("participation.propose.search.columns.status"), cell: ({ row }) => t(`youths.statuses.${row.original.status}`) },
      {
        id: "choose",
        header: t("participation.propose.search.columns.choose"),
        cell: ({ row }) =>
          row.original.blocked ? (
            t(`participation.propose.search.${row.original.blocked}`)
          ) : (
            <Link to={`${action}?youth=${row.original.id}`}>{t("participation.propose.search.choose", { name: row.original.name })}</Link>
          ),
      },
    ],
    [t, format, action],
  );
  return (
    <section aria-labelledby="find-youth" className="mt-8">
      <h2 id="find-youth">{t("participation.propose.search.heading")}</h2>
      <Form method="get" action={action} role="search">
        <TextField
          key={`q-${search?.q ?? ""}`}
          name="q"
          id="search-q"
          type="search"
          label={t("participation.propose.search.label")}
          hint={t("participation.propose.search.hint")}
          defaultValue={search?.q ?? ""}
          autoComplete="off"
          maxLength={100}
          className="input-width-l"
        />
        <div className="mt-5">
          <Button variant="secondary">{t("participation.propose.search.submit")}</Button>
        </div>
      </Form>
      {search ? (
        <div className="mt-6">
          <DataTable
            columns={columns}
            data={search.rows}
            getRowId={(row) => row.id}
            caption={t("participation.propose.search.caption")}
            captionHidden
            stackOnPhone
            compact
            empty={t("participation.propose.search.none", { q: search.q })}
          />
          {search.more ? <p>{t("participation.propose.search.more", { count: format.number(search.rows.length) })}</p> : null}
        </div>
      ) : null}
    </section>
  );
}

/** The youth a coordinator picked, with the way back to the search. */
export function ChosenYouth({ youth, changeTo }: { youth: { firstName: string; lastName: string; age: number }; changeTo: string }) {
  const t = useT();
  const format = useFormat();
  return (
    <SummaryList>
      <SummaryRow label={t("participation.propose.chosen.youth")}>
        {t("participation.propose.chosen.youthValue", { name: `${youth.firstName} ${youth.lastName}`, age: format.number(youth.age) })}{" "}
        <Link to={changeTo} className="ml-3">
          {t("participation.propose.chosen.other")}
        </Link>
      </SummaryRow>
    </SummaryList>
  );
}

/** A mentor picks among the youths of their own active pairings; with one, it is chosen already. */
export function MentorYouthPicker({ youths, failed }: { youths: MentorYouthToPropose[]; failed: FailedForm | null }) {
  const t = useT();
  const format = useFormat();
  const field = useFieldProps(failed, formKey);
  const picked = field("youthId", youths.length === 1 ? youths[0]!.youthId : "");
  return (
    <RadioGroup
      {...picked}
      legend={t("participation.propose.mentor.legend")}
      hint={t("participation.propose.mentor.hint")}
      options={youths.map((youth) => ({ value: youth.youthId, label: t("participation.propose.mentor.option", { name: youth.youthFirstName, age: format.number(youth.youthAge) }) }))}
    />
  );
}

/** A mentor without an active pairing has no one to propose, and the page says so. */
export function NoActivePairing() {
  const t = useT();
  return (
    <Alert variant="info" heading={t("participation.propose.mentor.noneHeading")}>
      <p className="mt-0">{t("participation.propose.mentor.none")}</p>
      <ButtonLink to="/pairings" variant="secondary">
        {t("participation.propose.mentor.toPairings")}
      </ButtonLink>
    </Alert>
  );
}

/** The note to the association and how it reaches the youth, prefilled with the proposer's own contact. */
export function ProposalFields({ failed, contactArrangement }: { failed: FailedForm | null; contactArrangement: string }) {
  const t = useT();
  const field = useFieldProps(failed, formKey);
  return (
    <>
      <TextArea {...field("note")} label={t("participation.propose.note")} hint={t("participation.propose.noteHint")} rows={4} maxLength={1000} />
      <TextArea
        {...field("contactArrangement", contactArrangement)}
        label={t("participation.propose.contactArrangement")}
        hint={t("participation.propose.contactArrangementHint")}
        rows={3}
        maxLength={1000}
      />
    </>
  );
}
