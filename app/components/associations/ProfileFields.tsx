import { RadioGroup, TextArea, TextField } from "~/components/ui";
import { useFieldProps, type FailedForm } from "~/components/vetting/forms";
import { useT } from "~/i18n/react";
import { associationKinds } from "~/modules/associations/types";

/** The profile's fields in page order, for the error summary. */
export const profileFields = ["name", "kind", "cvr", "town", "address", "website", "description"] as const;

export type ProfileValues = Record<(typeof profileFields)[number], string>;

export const emptyProfile: ProfileValues = { name: "", kind: "", cvr: "", town: "", address: "", website: "", description: "" };

/** The association's profile as the registration and the edit form ask for it; ids carry the form's key. */
export function ProfileFields({ failed, formKey, saved = emptyProfile }: { failed: FailedForm | null; formKey: string; saved?: ProfileValues }) {
  const t = useT();
  const field = useFieldProps(failed, formKey);
  const kind = field("kind", saved.kind);
  return (
    <>
      <TextField {...field("name", saved.name)} label={t("associations.profile.name")} autoComplete="organization" maxLength={200} />
      <RadioGroup
        name={kind.name}
        id={kind.id}
        error={kind.error}
        defaultValue={kind.defaultValue}
        legend={t("associations.profile.kind")}
        options={associationKinds.map((value) => ({ value, label: t(`associations.kinds.${value}`) }))}
      />
      <TextField {...field("cvr", saved.cvr)} label={t("associations.profile.cvr")} hint={t("associations.profile.cvrHint")} inputMode="numeric" className="input-width-s" maxLength={11} optional />
      <TextField {...field("town", saved.town)} label={t("associations.profile.town")} autoComplete="address-level2" maxLength={80} />
      <TextField {...field("address", saved.address)} label={t("associations.profile.address")} hint={t("associations.profile.addressHint")} autoComplete="street-address" maxLength={300} />
      <TextField {...field("website", saved.website)} label={t("associations.profile.website")} hint={t("associations.profile.websiteHint")} inputMode="url" autoComplete="url" maxLength={300} optional />
      <TextArea {...field("description", saved.description)} label={t("associations.profile.description")} hint={t("associations.profile.descriptionHint")} rows={5} maxLength={4000} />
    </>
  );
}
