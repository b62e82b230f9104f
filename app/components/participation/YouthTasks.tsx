import { useCallback } from "react";
import { ConfirmedAction } from "~/components/course-admin/confirm";
import { ButtonLink, SummaryList, SummaryRow } from "~/components/ui";
import { useT } from "~/i18n/react";
import { useHours } from "./hours";
import { ParticipationTable, type YouthParticipationRow } from "./ParticipationTable";

type YouthTasksProps = {
  youth: { id: string; firstName: string; status: string };
  participations: YouthParticipationRow[];
  totalMinutes: number;
  /** A withdrawal waiting for its confirmation on the page (no JavaScript ran). */
  askingWithdraw: string | null;
};

/**
 * "Frivilligopgaver" on the coordinator's youth page: every proposal and participation with where it stands, the
 * hours the associations confirmed, and a way to take back a proposal that waits for an answer.
 */
export function YouthTasks({ youth, participations, totalMinutes, askingWithdraw }: YouthTasksProps) {
  const t = useT();
  const hours = useHours();
  const here = `/coordinator/youths/${youth.id}`;
  const asked = participations.find((row) => row.id === askingWithdraw && row.status === "proposed") ?? null;
  const withdraw = useCallback(
    (row: YouthParticipationRow, asking: boolean) => (
      <ConfirmedAction
        action={`${here}#tasks`}
        fields={{ intent: "withdrawParticipation", participationId: row.id }}
        label={t("participation.youth.withdraw")}
        title={t("participation.youth.withdrawTitle", { task: row.taskTitle })}
        asking={asking}
        cancelTo={`${here}#tasks`}
        variant="secondary"
      >
        <p>{t("participation.youth.withdrawBody")}</p>
      </ConfirmedAction>
    ),
    [t, here],
  );
  const actions = useCallback((row: YouthParticipationRow) => (row.status === "proposed" && row.id !== asked?.id ? withdraw(row, false) : null), [withdraw, asked]);

  return (
    <section aria-labelledby="tasks" className="mt-8">
      <h2 id="tasks">{t("participation.youth.heading")}</h2>
      <p>{t("participation.youth.intro", { name: youth.firstName })}</p>
      {asked ? withdraw(asked, true) : null}
      <ParticipationTable
        rows={participations}
        caption={t("participation.youth.caption", { name: youth.firstName })}
        empty={t("participation.youth.empty", { name: youth.firstName })}
        actions={participations.some((row) => row.status === "proposed") ? actions : undefined}
      />
      {participations.length > 0 ? (
        <SummaryList>
          <SummaryRow label={t("participation.youth.total")}>{hours(totalMinutes)}</SummaryRow>
        </SummaryList>
      ) : null}
      {youth.status === "closed" ? null : (
        <ButtonLink to="/tasks" variant="secondary" className="mt-5">
          {t("participation.youth.find")}
        </ButtonLink>
      )}
    </section>
  );
}
