import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { AssociationParticipations } from "~/components/participation/AssociationParticipations";
import { refusal } from "~/http-refusal";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import { listAssociationParticipations } from "~/modules/associations/participation.server";
import { associationParticipationView } from "~/modules/associations/proposing.server";
import { requirePermission } from "~/modules/auth/guards.server";
import { actorOf } from "~/request.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "participation.association.list.title");

export async function loader(args: LoaderFunctionArgs) {
  const user = await requirePermission(args, "read:association:own");
  // Scoped to the user's own association inside the module; a contact person without one has no list.
  const rows = await listAssociationParticipations(args.context.db, actorOf(args, user));
  if (!rows) throw refusal("not_found");
  const participations = rows.map(associationParticipationView);
  return {
    waiting: participations.filter((row) => row.status === "proposed"),
    active: participations.filter((row) => row.status === "active"),
    ended: participations.filter((row) => row.status !== "proposed" && row.status !== "active"),
  };
}

export default function AssociationProposals() {
  const t = useT();
  const { waiting, active, ended } = useLoaderData<typeof loader>();
  const none = waiting.length + active.length + ended.length === 0;

  return (
    <div className="row">
      <div className="col-12 col-xl-10">
        <h1>{t("participation.association.list.title")}</h1>
        {none ? (
          <section aria-labelledby="empty">
            <h2 id="empty">{t("participation.association.list.emptyHeading")}</h2>
            <p>{t("participation.association.list.empty")}</p>
          </section>
        ) : (
          <>
            <p className="font-lead">{t("participation.association.list.intro")}</p>
            <AssociationParticipations id="waiting" heading={t("participation.association.list.waiting")} rows={waiting} empty={t("participation.association.list.waitingEmpty")} />
            <AssociationParticipations id="active" heading={t("participation.association.list.active")} rows={active} empty={t("participation.association.list.activeEmpty")} />
            <AssociationParticipations id="ended" heading={t("participation.association.list.ended")} rows={ended} empty={t("participation.association.list.endedEmpty")} showStatus />
          </>
        )}
      </div>
    </div>
  );
}
