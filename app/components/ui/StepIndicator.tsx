import { Link } from "@remix-run/react";
import { useT } from "~/i18n/react";
import { Icon } from "./icon";

export type StepStatus = "done" | "current" | "todo";
export type Step = { label: string; href?: string; status: StepStatus };

export type StepIndicatorProps = {
  steps: Step[];
  /** Names the navigation landmark; defaults to the catalogue's "Trinindikator". */
  label?: string;
};

/**
 * DKFDS "trinindikator". On wide screens the list of steps; on narrow ones DKFDS folds it behind a button and a
 * modal, which needs JavaScript: here a native `<details>` folds it instead, so it works without.
 */
export function StepIndicator({ steps, label }: StepIndicatorProps) {
  const t = useT();
  const navLabel = label ?? t("ui.steps.label");
  const current = Math.max(1, steps.findIndex((step) => step.status === "current") + 1);
  const list = <StepList steps={steps} />;

  return (
    <>
      <nav aria-label={navLabel} className="d-none d-md-block">
        {list}
      </nav>
      <details className="details d-md-none">
        <summary className="details-summary">{t("ui.steps.stepOf", { n: current, total: steps.length })}</summary>
        <div className="details-text">
          <nav aria-label={navLabel}>{list}</nav>
        </div>
      </details>
    </>
  );
}

function StepList({ steps }: { steps: Step[] }) {
  return (
    <ol className="step-indicator">
      {steps.map((step, index) => (
        <StepItem key={`${index}-${step.label}`} step={step} n={index + 1} />
      ))}
    </ol>
  );
}

const itemClass: Record<StepStatus, string | undefined> = { done: undefined, current: "current", todo: "disabled" };

function StepItem({ step, n }: { step: Step; n: number }) {
  const t = useT();
  const ariaCurrent = step.status === "current" ? "step" : undefined;
  const content = (
    <>
      {step.status === "done" ? (
        <span className="step-icon">
          <Icon name="check" />
          <span className="sr-only">{t("ui.steps.done", { n })}</span>
        </span>
      ) : (
        <span className="step-number">
          <span>{n}</span>
        </span>
      )}
      <div>
        <span className="step-title">{step.label}</span>
      </div>
    </>
  );

  return (
    <li className={itemClass[step.status]}>
      {step.href && step.status !== "todo" ? (
        <Link className="step" to={step.href} aria-current={ariaCurrent}>
          {content}
        </Link>
      ) : (
        <div className="step" aria-current={ariaCurrent}>
          {content}
        </div>
      )}
    </li>
  );
}
