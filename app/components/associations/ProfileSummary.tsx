import { SummaryList, SummaryRow } from "~/components/ui";
import { useT } from "~/i18n/react";
import type { AssociationKind } from "~/modules/associations/types";

type Profile = { name: string; kind: AssociationKind; cvr: string | null; town: string; address: string; website: string | null; description: string };

/** The address with its town, unless the address ends with the town already ("Stadionvej 2, 7200 Grindsted"). */
function placeOf({ address, town }: Pick<Profile, "address" | "town">) {
  return address.toLowerCase().includes(town.toLowerCase()) ? address : `${address}, ${town}`;
}

/** The association's profile, read-only. */
export function ProfileSummary({ association }: { association: Profile }) {
  const t = useT();
  const none = <span className="form-hint">{t("associations.profile.none")}</span>;
  return (
    <SummaryList>
      <SummaryRow label={t("associations.profile.name")}>{association.name}</SummaryRow>
      <SummaryRow label={t("associations.review.list.columns.kind")}>{t(`associations.kinds.${association.kind}`)}</SummaryRow>
      <SummaryRow label={t("associations.profile.cvr")}>{association.cvr ?? none}</SummaryRow>
      <SummaryRow label={t("associations.profile.address")}>{placeOf(association)}</SummaryRow>
      <SummaryRow label={t("associations.profile.website")}>
        {association.website ? (
          <a href={association.website} rel="noopener noreferrer nofollow" target="_blank">
            {association.website}
          </a>
        ) : (
          none
        )}
      </SummaryRow>
      <SummaryRow label={t("associations.profile.description")}>
        <span className="preformatted">{association.description}</span>
      </SummaryRow>
    </SummaryList>
  );
}
