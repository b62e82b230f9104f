import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { SummaryList, SummaryRow } from "~/components/ui";
import { languages } from "~/forms/application";
import { useT } from "~/i18n/react";
import { profileSections, type ApplicationAnswers, type dayparts, type ProfileSection, type weekdays } from "~/modules/volunteers/schemas";

type Day = (typeof weekdays)[number] | "weekend";

export type ProfileSummaryProps = {
  answers: Pick<ApplicationAnswers, ProfileSection>;
  /** Shows a link to change each section, at `/application/edit/<section>`. */
  editable: boolean;
};

type Row = [label: string, value: ReactNode];

/** The matching answers (interests, availability, preferences) as labelled rows per section; missing sections have none. */
export function useProfileRows({ interests, availability, preferences }: Pick<ApplicationAnswers, ProfileSection>): Record<ProfileSection, Row[]> {
  const t = useT();
  const languageName = (code: string) =>
    (languages as readonly string[]).includes(code) ? t(`application.interests.languageNames.${code as (typeof languages)[number]}`) : code;

  return {
    interests: interests
      ? [
          [
            t("application.mine.profile.interests"),
            interests.interests.length > 0
              ? interests.interests.map((tag) => t(`application.interests.tags.${tag}`)).join(", ")
              : t("application.mine.profile.noInterests"),
          ],
          ...(interests.ownWords ? [[t("application.mine.profile.ownWords"), interests.ownWords] as [string, string]] : []),
          [t("application.mine.profile.languages"), interests.languages.map(languageName).join(", ")],
        ]
      : [],
    availability: availability
      ? [
          [t("application.mine.profile.town"), availability.town],
          [
            t("application.mine.profile.slots"),
            <ul className="nobullet-list" key="slots">
              {availability.slots.map((slot) => {
                const [day, part] = slot.split(":") as [Day, (typeof dayparts)[number]];
                const label = t("application.availability.slot", { day: t(`application.availability.days.${day}`), part: t(`application.availability.parts.${part}`) });
                return <li key={slot}>{label}</li>;
              })}
            </ul>,
          ],
          [t("application.mine.profile.afterHours"), t(availability.afterHoursReachable ? "application.availability.yes" : "application.availability.no")],
        ]
      : [],
    preferences: preferences
      ? [
          [t("application.mine.profile.capacity"), t(`application.preferences.capacity${preferences.capacity as 1 | 2 | 3}`)],
          [t("application.mine.profile.ages"), t("application.mine.profile.ageRange", { min: preferences.ageMin, max: preferences.ageMax })],
          [t("application.mine.profile.gender"), t(`application.preferences.${preferences.genderPreference}`)],
          [t("application.preferences.ownGenderLegend"), t(`application.preferences.ownGender.${preferences.ownGender}`)],
        ]
      : [],
  };
}

/** The volunteer's own matching answers, read-only, as summary lists, one per section of the form. */
export function ProfileSummary({ answers, editable }: ProfileSummaryProps) {
  const t = useT();
  const rows = useProfileRows(answers);
  return (
    <>
      {profileSections.map((section) => (
        <div key={section} className="mb-7">
          <h3>{t(`application.steps.${section}`)}</h3>
          {rows[section].length > 0 ? (
            <SummaryList>
              {rows[section].map(([label, value]) => (
                <SummaryRow key={label} label={label}>
                  {value}
                </SummaryRow>
              ))}
            </SummaryList>
          ) : null}
          {editable ? <Link to={`/application/edit/${section}`}>{t(`application.edit.title.${section}`)}</Link> : null}
        </div>
      ))}
    </>
  );
}
