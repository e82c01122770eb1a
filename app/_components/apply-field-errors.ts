import type { FieldValues, Path, UseFormSetError } from "react-hook-form";

/**
 * Puts the server's field errors beside the form's own fields (type "server", so the form can word
 * them); returns whether any error named a field the form does not have.
 */
export function applyFieldErrors<T extends FieldValues>(
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
