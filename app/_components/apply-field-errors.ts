import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import type { ActionFailure } from "@/lib/actions/action-result";

/**
 * Puts the server's field errors beside the form's own fields (type "server", so the form can word
 * them); returns whether any error named a field the form does not have.
 */
function applyFieldErrors<T extends FieldValues>(
  fieldErrors: Record<string, string>,
  fields: readonly Path<T>[],
  setError: UseFormSetError<T>,
): boolean {
  let hasUnplacedError = false;
  for (const [path, message] of Object.entries(fieldErrors)) {
    const field = fields.find((name) => name === path);
    if (field) setError(field, { type: "server", message }, { shouldFocus: true });
    else hasUnplacedError = true;
  }
  return hasUnplacedError;
}

/** Shows a failed action on its form: field errors beside their fields, anything else above the form. */
export function showActionFailure<T extends FieldValues>(
  result: ActionFailure,
  form: {
    fields: readonly Path<T>[];
    setError: UseFormSetError<T>;
    setFormError: (message: string) => void;
    describe: (result: ActionFailure) => string;
  },
): void {
  if (result.status === "invalid" && !applyFieldErrors(result.fieldErrors, form.fields, form.setError)) return;
  form.setFormError(form.describe(result));
}
