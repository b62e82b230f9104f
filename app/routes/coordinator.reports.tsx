import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { HowCounted } from "~/components/reports/HowCounted";
import { OutcomeTable } from "~/components/reports/OutcomeTable";
import { ClosureTable, PairingFigures } from "~/components/reports/PairingFigures";
import { ParticipationTables } from "~/components/reports/ParticipationTables";
import { periodErrorMessage, PeriodForm, type PeriodErrors } from "~/components/reports/PeriodForm";
import { Alert, ErrorSummary } from "~/components/ui";
import { pageTitle } from "~/i18n/meta";
import { useFormat, useT } from "~/i18n/react";
import { requirePermission } from "~/modules/auth/guards.server";
import { isEmptyReport, readOutcomeReport, type OutcomeReport } from "~/modules/reports/outcomes.server";
import { parseReportPeriod } from "~/modules/reports/period";
import { copenhagenToday } from "~/modules/volunteers/dates";
import { actorOf } from "~/request.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "reports.title");

export async function loader(args: LoaderFunctionArgs) {
  const user = await requirePermission(args, "read:report:any");
  const today = copenhagenToday();
  const parsed = parseReportPeriod(new URL(args.request.url).searchParams, today);
  // A period that cannot be read is the asker's mistake: 400, the form with its messages and what was typed.
  if (!parsed.ok) return data({ ok: false as const, today, values: parsed.values, errors: parsed.errors }, { status: 400 });
  // Reading the report is audited inside the module, with the period.
  const report = await readOutcomeReport(args.context.db, actorOf(args, user), parsed.period);
  if (!report) throw new Response("Forbidden", { status: 403 });
  return { ok: true as const, today, values: parsed.period, errors: {}, report, empty: isEmptyReport(report) };
}

export default function CoordinatorReports() {
  const t = useT();
  const loaded = useLoaderData<typeof loader>();
  const errors: PeriodErrors = loaded.errors;
  // In the order of the fields, as the error summary lists them.
  const fieldErrors = (["from", "to"] as const).flatMap((field) => {
    const key = errors[field];
    return key ? [{ field, message: t(periodErrorMessage(key)) }] : [];
  });
  return (
    <>
      <h1>{t("reports.title")}</h1>
      <p className="font-lead">{t("reports.intro")}</p>
      <ErrorSummary errors={fieldErrors} />
      <PeriodForm values={loaded.values} errors={errors} today={loaded.today} />
      {loaded.ok ? <Report report={loaded.report} empty={loaded.empty} /> : null}
      <HowCounted />
    </>
  );
}

function Report({ report, empty }: { report: OutcomeReport; empty: boolean }) {
  const t = useT();
  const format = useFormat();
  const from = format.date(report.period.from);
  const to = format.date(report.period.to);
  const { youths, pairings } = report;
  return (
    // Narrower than the page: a short table of counts reads better with its numbers near their labels.
    <div className="row">
      <div className="col-12 col-lg-9">
        <p className="font-lead-small">
          <strong>{t("reports.period.shown", { from, to })}</strong>
        </p>
        {empty ? (
          <Alert heading={t("reports.empty.heading")}>
            <p>{t("reports.empty.text")}</p>
          </Alert>
        ) : (
          <>
            <section aria-labelledby="youths-heading" className="mt-8">
              <h2 id="youths-heading">{t("reports.youths.heading")}</h2>
              <p>
                {youths.total === 1
                  ? t("reports.youths.leadOne", { started: format.number(youths.startedInPeriod) })
                  : t("reports.youths.lead", { total: format.number(youths.total), started: format.number(youths.startedInPeriod) })}
              </p>
              <OutcomeTable rows={youths.rows} total={youths.total} caption={t("reports.youths.caption", { from, to })} />
              <p>
                {/* A file download, not a page: a plain link, so the router does not try to render it. */}
                <a href={`/coordinator/reports.csv?from=${report.period.from}&to=${report.period.to}`} download>
                  {t("reports.csv.link")}
                </a>
              </p>
            </section>
            <section aria-labelledby="pairings-heading" className="mt-8">
              <h2 id="pairings-heading">{t("reports.pairings.heading")}</h2>
              <PairingFigures pairings={pairings} />
              <h3>{t("reports.closures.heading")}</h3>
              <ClosureTable pairings={pairings} />
            </section>
            <section aria-labelledby="participation-heading" className="mt-8">
              <h2 id="participation-heading">{t("reports.participation.heading")}</h2>
              <p>{t("reports.participation.intro")}</p>
              <ParticipationTables participations={report.participations} />
            </section>
          </>
        )}
      </div>
    </div>
  );
}
