import type { ColumnDef } from "@tanstack/react-table";
import { useMemo } from "react";
import { numberInput } from "~/components/course-admin/fields";
import { DataTable } from "~/components/data-table";
import { RadioGroup, TextArea, TextField } from "~/components/ui";
import { useFieldProps, VettingForm, type FailedForm } from "~/components/vetting/forms";
import { useFormat, useT } from "~/i18n/react";
import { contactChannels } from "~/modules/pairings/schemas";

export type LoggedContact = {
  id: string;
  occurredAt: Date | string;
  durationMinutes: number;
  channel: (typeof contactChannels)[number];
  note: string;
  afterHours: boolean;
};

type ContactLogProps = {
  /** The youth's first name. */
  name: string;
  /** Today on a Copenhagen clock (YYYY-MM-DD), the date the form starts from. */
  today: string;
  contacts: LoggedContact[];
  failed: FailedForm | null;
};

/** The running pairing's contacts: the form that logs one, and the ones logged, newest first. */
export function ContactLog({ name, today, contacts, failed }: ContactLogProps) {
  const t = useT();
  const field = useFieldProps(failed, "contact");

  return (
    <section aria-labelledby="contacts" className="mt-8">
      <h2 id="contacts">{t("pairings.contacts.heading")}</h2>
      <p>{t("pairings.contacts.intro", { name })}</p>
      <h3>{t("pairings.contacts.formHeading")}</h3>
      {/* A new key once a contact is saved, so the form starts empty again after a save without a page load. */}
      <VettingForm key={contacts[0]?.id ?? "none"} intent="contact" submitLabel={t("pairings.contacts.submit")}>
        <TextField {...field("date", today)} type="date" max={today} label={t("pairings.contacts.date")} hint={t("pairings.contacts.dateHint")} className="input-width-s" />
        <TextField {...field("time")} type="time" label={t("pairings.contacts.time")} hint={t("pairings.contacts.timeHint")} className="input-width-xs" />
        <TextField {...field("durationMinutes")} {...numberInput} label={t("pairings.contacts.duration")} hint={t("pairings.contacts.durationHint")} maxLength={4} />
        <RadioGroup
          {...field("channel")}
          legend={t("pairings.contacts.channel")}
          options={contactChannels.map((channel) => ({ value: channel, label: t(`pairings.channels.${channel}`) }))}
        />
        <TextArea {...field("note")} label={t("pairings.contacts.note")} hint={t("pairings.contacts.noteHint", { name })} optional rows={3} maxLength={1000} />
      </VettingForm>
      <h3 className="mt-8">{t("pairings.contacts.listHeading")}</h3>
      <ContactTable name={name} contacts={contacts} />
    </section>
  );
}

function ContactTable({ name, contacts }: { name: string; contacts: LoggedContact[] }) {
  const t = useT();
  const format = useFormat();
  const columns = useMemo<ColumnDef<LoggedContact>[]>(
    () => [
      {
        id: "when",
        header: t("pairings.contacts.columns.when"),
        cell: ({ row }) => (
          <>
            {format.dateTime(row.original.occurredAt)}
            {row.original.afterHours ? (
              <>
                {" "}
                <span className="badge badge-info">{t("pairings.contacts.afterHours")}</span>
              </>
            ) : null}
          </>
        ),
        meta: { rowHeader: true },
      },
      {
        id: "duration",
        header: t("pairings.contacts.columns.duration"),
        cell: ({ row }) => t("pairings.contacts.minutes", { count: format.number(row.original.durationMinutes) }),
      },
      { id: "channel", header: t("pairings.contacts.columns.channel"), cell: ({ row }) => t(`pairings.channels.${row.original.channel}`) },
      { id: "note", header: t("pairings.contacts.columns.note"), cell: ({ row }) => <span className="preformatted">{row.original.note || "–"}</span> },
    ],
    [t, format],
  );
  return (
    <DataTable
      columns={columns}
      data={contacts}
      getRowId={(row) => row.id}
      caption={t("pairings.contacts.caption", { name })}
      captionHidden
      empty={t("pairings.contacts.empty")}
      compact
      stackOnPhone
    />
  );
}
