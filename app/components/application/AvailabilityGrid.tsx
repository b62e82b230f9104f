import { useT } from "~/i18n/react";
import { cx } from "~/components/ui/class-names";
import { dayparts, weekdays } from "~/modules/volunteers/schemas";

const days = [...weekdays, "weekend"] as const;

export type AvailabilityGridProps = {
  name: string;
  /** The first checkbox's id, for the error summary's link; defaults to `name`. */
  id?: string;
  defaultValues: string[];
  error?: string;
  /** The question and its hint; by default the applicant's own ("Hvornår har du typisk tid?"). */
  legend?: string;
  hint?: string;
};

/**
 * The weekly availability as a table of checkboxes: the row and column headers give sighted users the grid,
 * and each checkbox carries its own full label ("Mandag, aften") for screen readers. The first checkbox has
 * the field's id, so the error summary can link to it.
 */
export function AvailabilityGrid({ name, id = name, defaultValues, error, legend, hint }: AvailabilityGridProps) {
  const t = useT();
  const errorId = `${id}-error`;
  return (
    <div className={cx("form-group", error && "form-error")}>
      <fieldset aria-describedby={cx(`${id}-hint`, error && errorId)}>
        <legend className="form-label">{legend ?? t("application.availability.gridCaption")}</legend>
        <span className="form-hint" id={`${id}-hint`}>
          {hint ?? t("application.availability.gridHint")}
        </span>
        {error ? (
          <span className="form-error-message" id={errorId}>
            <span className="sr-only">{t("ui.field.errorPrefix")}</span> {error}
          </span>
        ) : null}
        <div className="table--responsive-scroll">
          <table className="table table--compact">
            <thead>
              <tr>
                <th scope="col">{t("application.availability.day")}</th>
                {dayparts.map((part) => (
                  <th scope="col" key={part}>
                    {t(`application.availability.parts.${part}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {days.map((day, row) => (
                <tr key={day}>
                  <th scope="row">{t(`application.availability.days.${day}`)}</th>
                  {dayparts.map((part, column) => {
                    const value = `${day}:${part}`;
                    const boxId = row === 0 && column === 0 ? id : `${id}-${day}-${part}`;
                    return (
                      <td key={part}>
                        <div className="form-group-checkbox m-0">
                          <input
                            id={boxId}
                            type="checkbox"
                            className="form-checkbox"
                            name={name}
                            value={value}
                            defaultChecked={defaultValues.includes(value)}
                          />
                          <label className="form-label" htmlFor={boxId}>
                            <span className="sr-only">
                              {t("application.availability.slot", {
                                day: t(`application.availability.days.${day}`),
                                part: t(`application.availability.parts.${part}`),
                              })}
                            </span>
                          </label>
                        </div>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </fieldset>
    </div>
  );
}
