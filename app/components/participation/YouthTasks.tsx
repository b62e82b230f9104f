import { ButtonLink, SummaryList, SummaryRow } from "~/components/ui";
import { useT } from "~/i18n/react";
import { useHours } from "./hours";
import { ParticipationList } from "./ParticipationList";
import type { YouthParticipationRow } from "./ParticipationTable";

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
  return (
    <section aria-labelledby="tasks" className="mt-8">
      <h2 id="tasks">{t("participation.youth.heading")}</h2>
      <p>{t("participation.youth.intro", { name: youth.firstName })}</p>
      <ParticipationList
        rows={participations}
        caption={t("participation.youth.caption", { name: youth.firstName })}
        empty={t("participation.youth.empty", { name: youth.firstName })}
        page={`/coordinator/youths/${youth.id}`}
        askingWithdraw={askingWithdraw}
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
