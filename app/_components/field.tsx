import type { InputHTMLAttributes, ReactNode } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";

/** The attributes that tie an input to its label, hint and error message. */
export function fieldProps(id: string, options: { error?: string; hint?: boolean } = {}) {
  const describedBy = [options.hint ? `${id}-hint` : null, options.error ? `${id}-error` : null].filter(Boolean);
  return {
    id,
    "aria-invalid": options.error ? true : undefined,
    "aria-describedby": describedBy.length ? describedBy.join(" ") : undefined,
  } as const;
}

/** A labelled form field. Pass the input as children, spread with fieldProps(id, …). */
export function Field(props: { id: string; label: string; hint?: string; error?: string; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      {props.children}
      {props.hint && (
        <p id={`${props.id}-hint`} className="field-hint">
          {props.hint}
        </p>
      )}
      {props.error && (
        <p id={`${props.id}-error`} className="field-error">
          {props.error}
        </p>
      )}
    </div>
  );
}

type FieldOptions = { id: string; label: string; hint?: string; error?: string; registration: UseFormRegisterReturn };

/** A labelled input with its hint and error; other attributes (type, autoComplete) pass through. */
export function InputField({
  id,
  label,
  hint,
  error,
  registration,
  ...attributes
}: FieldOptions & Omit<InputHTMLAttributes<HTMLInputElement>, "id">) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <input {...attributes} {...registration} {...fieldProps(id, { error, hint: Boolean(hint) })} />
    </Field>
  );
}

/** A labelled textarea with its hint and error. */
export function TextAreaField({ id, label, hint, error, registration, rows = 3 }: FieldOptions & { rows?: number }) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <textarea {...registration} {...fieldProps(id, { error, hint: Boolean(hint) })} rows={rows} />
    </Field>
  );
}

/** A fieldset of checkboxes or radios, its legend, and the error of the whole group. */
export function ChoiceGroup(props: { id: string; legend: string; error?: string; children: ReactNode }) {
  return (
    <fieldset className="field" aria-describedby={props.error ? `${props.id}-error` : undefined}>
      <legend>{props.legend}</legend>
      {props.children}
      {props.error && (
        <p id={`${props.id}-error`} className="field-error">
          {props.error}
        </p>
      )}
    </fieldset>
  );
}
