import {
  forwardRef,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from "react";
import { useT } from "~/i18n/react";
import { cx } from "./class-names";

/** What every field takes besides the native attributes. `id` defaults to `name`, so an error summary can link by name. */
type FieldProps = {
  name: string;
  id?: string;
  label: ReactNode;
  hint?: ReactNode;
  /** An already translated message; its presence marks the field invalid. */
  error?: string;
  /** Adds "(frivilligt)" to the label: DKFDS marks the optional fields, not the required ones. */
  optional?: boolean;
};

type Native<A> = Omit<A, keyof FieldProps | "children">;

export type TextFieldProps = FieldProps & Native<InputHTMLAttributes<HTMLInputElement>>;
export type TextAreaProps = FieldProps & Native<TextareaHTMLAttributes<HTMLTextAreaElement>>;
export type SelectOption = { value: string; label: string; disabled?: boolean };
export type SelectProps = FieldProps &
  Native<SelectHTMLAttributes<HTMLSelectElement>> & {
    options: SelectOption[];
    /** Text of an empty first option, e.g. "Vælg kommune". */
    placeholder?: string;
  };

export type ChoiceOption = { value: string; label: ReactNode; hint?: ReactNode; disabled?: boolean };
type ChoiceGroupProps = Omit<FieldProps, "label"> & {
  legend: ReactNode;
  options: ChoiceOption[];
  required?: boolean;
  disabled?: boolean;
};
export type RadioGroupProps = ChoiceGroupProps & { defaultValue?: string };
export type CheckboxGroupProps = ChoiceGroupProps & { defaultValues?: string[] };
export type CheckboxFieldProps = Omit<FieldProps, "optional"> &
  Native<Omit<InputHTMLAttributes<HTMLInputElement>, "type">>;

function ids(id: string) {
  return { hint: `${id}-hint`, error: `${id}-error` };
}

function describedBy(...parts: (string | false | undefined)[]): string | undefined {
  return parts.filter(Boolean).join(" ") || undefined;
}

function FormGroup({ error, children }: { error?: string; children: ReactNode }) {
  return <div className={cx("form-group", error && "form-error")}>{children}</div>;
}

function LabelText({ children, optional }: { children: ReactNode; optional?: boolean }) {
  const t = useT();
  return (
    <>
      {children}
      {optional ? ` ${t("ui.field.optional")}` : null}
    </>
  );
}

function Hint({ id, children }: { id: string; children: ReactNode }) {
  return (
    <span className="form-hint" id={id}>
      {children}
    </span>
  );
}

function ErrorMessage({ id, children }: { id: string; children: ReactNode }) {
  const t = useT();
  return (
    <span className="form-error-message" id={id}>
      <span className="sr-only">{t("ui.field.errorPrefix")}</span> {children}
    </span>
  );
}

/** The label, hint and error above a single control, wired to it by id. */
function FieldFrame({ id, label, hint, error, optional, children }: Omit<FieldProps, "name"> & { id: string; children: ReactNode }) {
  return (
    <FormGroup error={error}>
      <label className="form-label" htmlFor={id}>
        <LabelText optional={optional}>{label}</LabelText>
      </label>
      {hint ? <Hint id={ids(id).hint}>{hint}</Hint> : null}
      {error ? <ErrorMessage id={ids(id).error}>{error}</ErrorMessage> : null}
      {children}
    </FormGroup>
  );
}

function controlAria(id: string, props: Pick<FieldProps, "hint" | "error">, extra: string | undefined) {
  return {
    "aria-invalid": props.error ? true : undefined,
    "aria-describedby": describedBy(props.hint ? ids(id).hint : undefined, props.error ? ids(id).error : undefined, extra),
  };
}

export const TextField = forwardRef<HTMLInputElement, TextFieldProps>(function TextField(
  { name, id = name, label, hint, error, optional, className, type = "text", "aria-describedby": extra, ...input },
  ref,
) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} optional={optional}>
      <input
        {...input}
        ref={ref}
        id={id}
        name={name}
        type={type}
        className={cx("form-input", className)}
        {...controlAria(id, { hint, error }, extra)}
      />
    </FieldFrame>
  );
});

export const TextArea = forwardRef<HTMLTextAreaElement, TextAreaProps>(function TextArea(
  { name, id = name, label, hint, error, optional, className, rows = 5, "aria-describedby": extra, ...textarea },
  ref,
) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} optional={optional}>
      <textarea
        {...textarea}
        ref={ref}
        id={id}
        name={name}
        rows={rows}
        className={cx("form-input", className)}
        {...controlAria(id, { hint, error }, extra)}
      />
    </FieldFrame>
  );
});

export const Select = forwardRef<HTMLSelectElement, SelectProps>(function Select(
  { name, id = name, label, hint, error, optional, className, options, placeholder, "aria-describedby": extra, ...select },
  ref,
) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} optional={optional}>
      <select
        {...select}
        ref={ref}
        id={id}
        name={name}
        className={cx("form-select", className)}
        {...controlAria(id, { hint, error }, extra)}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value} disabled={option.disabled}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
});

/** A single checkbox, e.g. accepting terms. */
export const CheckboxField = forwardRef<HTMLInputElement, CheckboxFieldProps>(function CheckboxField(
  { name, id = name, label, hint, error, className, "aria-describedby": extra, ...input },
  ref,
) {
  return (
    <FormGroup error={error}>
      {error ? <ErrorMessage id={ids(id).error}>{error}</ErrorMessage> : null}
      <div className="form-group-checkbox">
        <input
          {...input}
          ref={ref}
          id={id}
          name={name}
          type="checkbox"
          className={cx("form-checkbox", className)}
          {...controlAria(id, { hint, error }, extra)}
        />
        <label className="form-label" htmlFor={id}>
          {label}
        </label>
        {hint ? <Hint id={ids(id).hint}>{hint}</Hint> : null}
      </div>
    </FormGroup>
  );
});

/**
 * A fieldset of radios or checkboxes. The first option gets the group's id, because DKFDS has the error summary
 * link to the first choice of a group.
 */
function ChoiceGroup({
  type,
  name,
  id = name,
  legend,
  hint,
  error,
  optional,
  options,
  required,
  disabled,
  isChecked,
}: ChoiceGroupProps & { type: "radio" | "checkbox"; isChecked: (value: string) => boolean }) {
  const wrapperClass = type === "radio" ? "form-group-radio" : "form-group-checkbox";
  return (
    <FormGroup error={error}>
      <fieldset aria-describedby={describedBy(hint ? ids(id).hint : undefined, error ? ids(id).error : undefined)}>
        <legend className="form-label">
          <LabelText optional={optional}>{legend}</LabelText>
        </legend>
        {hint ? <Hint id={ids(id).hint}>{hint}</Hint> : null}
        {error ? <ErrorMessage id={ids(id).error}>{error}</ErrorMessage> : null}
        {options.map((option, index) => {
          const optionId = index === 0 ? id : `${id}-${index}`;
          return (
            <div className={wrapperClass} key={option.value}>
              <input
                id={optionId}
                type={type}
                name={name}
                value={option.value}
                className={type === "radio" ? "form-radio" : "form-checkbox"}
                defaultChecked={isChecked(option.value)}
                required={type === "radio" ? required : undefined}
                disabled={disabled || option.disabled}
                aria-describedby={option.hint ? ids(optionId).hint : undefined}
              />
              <label className="form-label" htmlFor={optionId}>
                {option.label}
              </label>
              {option.hint ? <Hint id={ids(optionId).hint}>{option.hint}</Hint> : null}
            </div>
          );
        })}
      </fieldset>
    </FormGroup>
  );
}

export function RadioGroup({ defaultValue, ...props }: RadioGroupProps) {
  return <ChoiceGroup {...props} type="radio" isChecked={(value) => value === defaultValue} />;
}

/** Several checkboxes sharing one name; the action reads them with `formData.getAll(name)`. */
export function CheckboxGroup({ defaultValues = [], ...props }: CheckboxGroupProps) {
  return <ChoiceGroup {...props} type="checkbox" isChecked={(value) => defaultValues.includes(value)} />;
}
