"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, type FieldValues, type Path, type UseFormRegisterReturn, type UseFormSetError } from "react-hook-form";
import type { z } from "zod";
import { useCaseFailureMessage } from "@/app/(moderator)/moderator/_components/use-case-failure-message";
import { showActionFailure } from "@/app/_components/apply-field-errors";
import { Field, fieldProps } from "@/app/_components/field";
import type { ActionResult } from "@/lib/actions/action-result";

/**
 * The moderators' forms: validated with the same zod schema as the server, sent to one server
 * action, field errors placed beside their fields, anything else (a lost race: "just decided by …")
 * above the form. After success the page is refreshed, or `onDone` decides where to go.
 */
export function useModerationForm<S extends z.ZodType<FieldValues, FieldValues>, T>(
  schema: S,
  defaultValues: z.input<S>,
  options: { onDone?: (data: T) => void } = {},
) {
  const router = useRouter();
  const describe = useCaseFailureMessage();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    resolver: zodResolver(schema as never),
    defaultValues: defaultValues as never,
  });
  const setError = form.setError as UseFormSetError<z.input<S>>;

  const submitWith = (
    action: (values: z.output<S>) => Promise<ActionResult<T>>,
    fields: readonly Path<z.input<S>>[],
    /** Where a server field error named differently from the form's field goes. */
    placeError: (path: string) => string = (path) => path,
  ) =>
    form.handleSubmit(async (values) => {
      setFormError(null);
      const result = await action(values);
      if (result.status === "ok") {
        form.reset(defaultValues as never);
        if (options.onDone) options.onDone(result.data);
        else router.refresh();
        return;
      }
      const placed =
        result.status === "invalid"
          ? {
              ...result,
              fieldErrors: Object.fromEntries(
                Object.entries(result.fieldErrors).map(([path, message]) => [placeError(path), message]),
              ),
            }
          : result;
      showActionFailure(placed, { fields, setError, setFormError, describe });
    });
  return { form, formError, submitWith };
}

export function SubmitButton(props: { isSubmitting: boolean; label: string; pendingLabel: string; className?: string }) {
  return (
    <div className="form-actions">
      <button type="submit" className={props.className ?? "button"} disabled={props.isSubmitting} aria-busy={props.isSubmitting}>
        {props.isSubmitting ? props.pendingLabel : props.label}
      </button>
    </div>
  );
}

/** A labelled textarea with its error. */
export function TextAreaField(props: {
  id: string;
  label: string;
  error?: string;
  registration: UseFormRegisterReturn;
  rows?: number;
}) {
  return (
    <Field id={props.id} label={props.label} error={props.error}>
      <textarea {...props.registration} {...fieldProps(props.id, { error: props.error })} rows={props.rows ?? 3} />
    </Field>
  );
}
