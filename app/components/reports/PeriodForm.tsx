import { Form, Link } from "@remix-run/react";
import { Button, TextField } from "~/components/ui";
import type { MessageKey } from "~/i18n/catalogue";
import { useT } from "~/i18n/react";
import type { PeriodErrorKey, ReportPeriod } from "~/modules/reports/period";

export type PeriodErrors = Partial<Record<keyof ReportPeriod, PeriodErrorKey>>;

export function periodErrorMessage(key: PeriodErrorKey): MessageKey {
  return `reports.errors.${key}`;
}

/**
 * The period as a GET form: the chosen days become the URL, so a report can be bookmarked or sent on, and the
 * form works before JavaScript loads. `values` are what was asked for, kept as typed when they failed.
 */
export function PeriodForm({ values, errors, today }: { values: ReportPeriod; errors: PeriodErrors; today: string }) {
  const t = useT();
  const lastYear = Number(today.slice(0, 4)) - 1;
  const error = (field: keyof ReportPeriod) => (errors[field] ? t(periodErrorMessage(errors[field])) : undefined);
  return (
    <Form method="get" aria-label={t("reports.period.formLabel")} className="mb-7">
      <div className="row">
        <div className="col-12 col-sm-6 col-lg-4">
          <TextField key={`from-${values.from}`} name="from" type="date" label={t("reports.period.from")} defaultValue={values.from} error={error("from")} className="input-width-s" />
        </div>
        <div className="col-12 col-sm-6 col-lg-4">
          <TextField key={`to-${values.to}`} name="to" type="date" label={t("reports.period.to")} defaultValue={values.to} error={error("to")} max={today} className="input-width-s" />
        </div>
      </div>
      <p className="form-hint mt-0">{t("reports.period.defaultNote")}</p>
      <Button variant="secondary">{t("reports.period.submit")}</Button>
      <p className="mt-5">
        <span className="mr-3">{t("reports.period.quickLabel")}:</span>
        <Link to="/coordinator/reports" className="mr-5">
          {t("reports.period.thisYear")}
        </Link>
        <Link to={`/coordinator/reports?from=${lastYear}-01-01&to=${lastYear}-12-31`}>{t("reports.period.wholeYear", { year: lastYear })}</Link>
      </p>
    </Form>
  );
}
