import { TextArea } from "~/components/ui";
import { useFieldProps, VettingForm, type FailedForm } from "~/components/vetting/forms";
import { useFormat, useT } from "~/i18n/react";

type ExitNoteProps = {
  /** The youth's first name. */
  name: string;
  /** The note the mentor wrote, when they have; written once, then only shown. */
  note: { text: string | null; writtenAt: Date | string | null };
  failed: FailedForm | null;
};

/** On an ended pairing: the mentor's own closing note, as a form until it is written, then read-only. */
export function ExitNote({ name, note, failed }: ExitNoteProps) {
  const t = useT();
  const format = useFormat();
  const field = useFieldProps(failed, "exitNote");

  return (
    <section aria-labelledby="exit-note" className="mt-8">
      <h2 id="exit-note">{t("pairings.exitNote.heading")}</h2>
      {note.text !== null ? (
        <>
          <p className="preformatted">{note.text}</p>
          {note.writtenAt ? <p>{t("pairings.exitNote.written", { date: format.date(note.writtenAt) })}</p> : null}
        </>
      ) : (
        <>
          <p>{t("pairings.exitNote.intro", { name })}</p>
          <VettingForm intent="exitNote" submitLabel={t("pairings.exitNote.submit")}>
            <TextArea {...field("note")} label={t("pairings.exitNote.note")} hint={t("pairings.exitNote.noteHint")} rows={6} maxLength={4000} />
          </VettingForm>
        </>
      )}
    </section>
  );
}
