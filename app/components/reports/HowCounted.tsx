import { useT } from "~/i18n/react";

const definitions = ["period", "youthsIncluded", "youthsStatus", "pairingsActive", "pairingsClosed", "afterHours", "participation"] as const;

/** "Sådan tælles": what each figure counts, in plain words; the same rules as the queries in reports/outcomes.server.ts. */
export function HowCounted() {
  const t = useT();
  return (
    <section aria-labelledby="how-counted" className="mt-8">
      <h2 id="how-counted">{t("reports.howCounted.heading")}</h2>
      <ul>
        {definitions.map((key) => (
          <li key={key}>{t(`reports.howCounted.${key}`)}</li>
        ))}
      </ul>
    </section>
  );
}
