import type { FormEvent, ReactNode } from "react";
import { FormStatus } from "@/app/_components/form-status";
import type { FormStatusText } from "@/app/_components/use-action-form";

/**
 * The frame of a form written with useActionForm: what it says above its fields, its fields, and
 * its submit button, busy (and saying so) while the action runs. `compact` is the dialogs' form.
 */
export function ActionForm(props: {
  form: { onSubmit: (event: FormEvent<HTMLFormElement>) => void; status: FormStatusText; isSubmitting: boolean };
  labelledBy?: string;
  label?: string;
  compact?: boolean;
  /** Above what the form says: a heading and a hint, in a dialog. */
  intro?: ReactNode;
  submit: { label: string; pendingLabel?: string; className?: string };
  children: ReactNode;
}) {
  const { form, submit } = props;
  const button = (
    <button type="submit" className={submit.className ?? "button"} disabled={form.isSubmitting} aria-busy={form.isSubmitting}>
      {form.isSubmitting && submit.pendingLabel ? submit.pendingLabel : submit.label}
    </button>
  );
  return (
    <form
      onSubmit={form.onSubmit}
      noValidate
      className={props.compact ? "form form-compact" : "form"}
      aria-labelledby={props.labelledBy}
      aria-label={props.label}
    >
      {props.intro}
      <FormStatus {...form.status} />
      {props.children}
      {props.compact ? button : <div className="form-actions">{button}</div>}
    </form>
  );
}
