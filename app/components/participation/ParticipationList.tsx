import { useCallback } from "react";
import { ConfirmedAction } from "~/components/course-admin/confirm";
import { useT } from "~/i18n/react";
import { ParticipationTable, type YouthParticipationRow } from "./ParticipationTable";

type ParticipationListProps = {
  rows: YouthParticipationRow[];
  caption: string;
  empty: string;
  /** The page the withdraw form posts to (its `#tasks` section). */
  page: string;
  /** A withdrawal waiting for its confirmation on the page (no JavaScript ran). */
  askingWithdraw: string | null;
};

/**
 * A youth's proposals and participations, with a way to take back a proposal that waits for the association's
 * answer: asked first, in a modal or (without JavaScript) on the page. Used on the youth's and the pairing's page.
 */
export function ParticipationList({ rows, caption, empty, page, askingWithdraw }: ParticipationListProps) {
  const t = useT();
  const asked = rows.find((row) => row.id === askingWithdraw && row.status === "proposed") ?? null;
  const withdraw = useCallback(
    (row: YouthParticipationRow, asking: boolean) => (
      <ConfirmedAction
        action={`${page}#tasks`}
        fields={{ intent: "withdrawParticipation", participationId: row.id }}
        label={t("participation.youth.withdraw")}
        title={t("participation.youth.withdrawTitle", { task: row.taskTitle })}
        asking={asking}
        cancelTo={`${page}#tasks`}
        variant="secondary"
      >
        <p>{t("participation.youth.withdrawBody")}</p>
      </ConfirmedAction>
    ),
    [t, page],
  );
  const actions = useCallback((row: YouthParticipationRow) => (row.status === "proposed" && row.id !== asked?.id ? withdraw(row, false) : null), [withdraw, asked]);
  return (
    <>
      {asked ? withdraw(asked, true) : null}
      <ParticipationTable rows={rows} caption={caption} empty={empty} actions={rows.some((row) => row.status === "proposed") ? actions : undefined} />
    </>
  );
}
