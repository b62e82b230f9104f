import { ParticipationList } from "~/components/participation/ParticipationList";
import type { YouthParticipationRow } from "~/components/participation/ParticipationTable";
import { ButtonLink } from "~/components/ui";
import { useT } from "~/i18n/react";

type PairingTasksProps = {
  /** The youth's first name. */
  name: string;
  /** The tasks the mentor proposed the youth for from this pairing, newest first. */
  participations: YouthParticipationRow[];
  pairingId: string;
  /** A withdrawal waiting for its confirmation on the page (no JavaScript ran). */
  askingWithdraw: string | null;
};

/** The youth's volunteer tasks from this pairing, and the way to find one: while the pairing runs. */
export function PairingTasks({ name, participations, pairingId, askingWithdraw }: PairingTasksProps) {
  const t = useT();
  return (
    <section aria-labelledby="tasks" className="mt-8">
      <h2 id="tasks">{t("participation.youth.heading")}</h2>
      <p>{t("participation.youth.pairingIntro", { name })}</p>
      <ParticipationList
        rows={participations}
        caption={t("participation.youth.caption", { name })}
        empty={t("participation.youth.empty", { name })}
        page={`/pairings/${pairingId}`}
        askingWithdraw={askingWithdraw}
      />
      <ButtonLink to="/tasks" variant="secondary" className="mt-5">
        {t("participation.youth.findFor", { name })}
      </ButtonLink>
    </section>
  );
}
