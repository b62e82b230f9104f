import { useRootData } from "~/root";
import { ButtonLink } from "~/components/ui";
import { useT } from "~/i18n/react";

/**
 * Where a coordinator or mentor starts proposing a young person for the task, on its public page: a
 * coordinator any youth whose course is open, a mentor the youth of their own pairing (the propose page says
 * so when there is none). Visitors and associations see nothing here; a full task takes no proposals.
 */
export function ProposeSlot({ taskId, full }: { taskId: string; full: boolean }) {
  const t = useT();
  const role = useRootData()?.user?.role;
  if (role !== "coordinator" && role !== "admin" && role !== "volunteer") return null;
  const staff = role !== "volunteer";
  return (
    <section aria-labelledby="propose-heading" className="mt-8">
      <h2 id="propose-heading">{t(staff ? "tasks.propose.headingStaff" : "tasks.propose.headingMentor")}</h2>
      {full ? (
        <p>{t("tasks.propose.full")}</p>
      ) : (
        <>
          <p>{t(staff ? "tasks.propose.introStaff" : "tasks.propose.introMentor")}</p>
          <ButtonLink to={`/tasks/${taskId}/propose`}>{t(staff ? "tasks.propose.startStaff" : "tasks.propose.startMentor")}</ButtonLink>
        </>
      )}
    </section>
  );
}
