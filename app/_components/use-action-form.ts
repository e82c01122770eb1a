"use client";

import { toNestErrors } from "@hookform/resolvers";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { get, useForm, type FieldError, type FieldErrors, type FieldValues, type Path, type Resolver } from "react-hook-form";
import type { z } from "zod";
import { useActionErrorMessage } from "@/app/_components/action-error-message";
import type { ActionFailure, ActionResult } from "@/lib/actions/action-result";
import { describeFieldIssue, type FieldMessage } from "@/lib/field-messages";

type FailureCode = Extract<ActionFailure, { status: "error" }>["code"];

/** What a form says above its fields: spread into <FormStatus />. */
export type FormStatusText = { error?: string; problems?: string[]; success?: string };

/**
 * The one way to write a form: the input's zod schema checks it in the browser, one server action
 * sends it (and checks it again), and every word the reader sees comes from the catalogs — field
 * errors from the schema's catalog keys (lib/field-messages.ts), refusals from their reasons.
 *
 * - `defaultValues` are derived from the server's state on every render. When the page re-renders
 *   with other values (router.refresh() after a letter was answered), the form follows them: a
 *   field whose value from the server changed takes the new one, the others keep what was typed.
 * - A submit refused in the browser says why beside each field and sums up above the form,
 *   including problems of fields the form does not show, so no submit ever fails silently.
 * - After success the form starts again from its values; `onSuccess` may say something (its
 *   return value is shown) or go elsewhere; without it the page is refreshed.
 * - A list of fields is react-hook-form's useFieldArray on `form.control`, each item spread with
 *   field(`items.${index}.name`). A draft saved in the background goes through its own action
 *   without re-rendering the page, so the server's state never resets what is being typed.
 */
export function useActionForm<S extends z.ZodType<FieldValues, FieldValues>, T>(options: {
  schema: S;
  defaultValues: z.input<S>;
  action: (values: z.output<S>) => Promise<ActionResult<T>>;
  onSuccess?: (data: T, values: z.output<S>) => string | void;
  /** Sentences for failures this form words its own way (a CONFLICT: "revoked meanwhile"). */
  failureMessages?: Partial<Record<FailureCode, string>>;
  /** Where a server field error goes when the form names the field otherwise (by position, not by key). */
  fieldPath?: (serverPath: string) => string;
  /** What the form says before it is sent (a refusal the page was opened with). */
  initialStatus?: FormStatusText;
}) {
  const router = useRouter();
  const describeFailure = useActionErrorMessage();
  const describeField = useFieldMessage();
  const notSent = useTranslations("actionErrors");
  const [status, setStatus] = useState<FormStatusText>(options.initialStatus ?? {});
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    resolver: catalogResolver(options.schema, describeField) as unknown as Resolver<z.input<S>, unknown, z.output<S>>,
    defaultValues: options.defaultValues as never,
  });

  // The fields follow the server's state: those whose value from the server changed since the form
  // last saw it are reset to it; the reader's typing in the others stays. Default values are plain
  // data (JSON), so they compare as text.
  const serverState = JSON.stringify(options.defaultValues);
  const seenServerState = useRef(serverState);
  useEffect(() => {
    if (seenServerState.current === serverState) return;
    const before = JSON.parse(seenServerState.current) as Record<string, unknown>;
    const after = JSON.parse(serverState) as Record<string, unknown>;
    seenServerState.current = serverState;
    const typed = form.getValues() as Record<string, unknown>;
    const same = (name: string) => JSON.stringify(before[name]) === JSON.stringify(after[name]);
    form.reset(
      Object.fromEntries(Object.entries(after).map(([name, value]) => [name, same(name) ? typed[name] : value])) as never,
    );
  }, [serverState, form]);

  /** The problems the reader could not see beside a field: the form has no element of that name. */
  const summarize = (errors: FieldErrors, formElement: HTMLFormElement | null) => {
    const leaves = errorLeaves(errors);
    const hidden = leaves.filter(({ path }) => !formElement?.elements.namedItem(path));
    return { count: leaves.length, problems: hidden.map(({ message }) => message) };
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const formElement = event.currentTarget;
    return form.handleSubmit(
      async (values) => {
        setStatus({});
        const result = await options.action(values);
        if (result.status === "ok") {
          form.reset(options.defaultValues as never);
          const success = options.onSuccess?.(result.data, values);
          if (!options.onSuccess) router.refresh();
          setStatus(success ? { success } : {});
          return;
        }
        if (result.status === "invalid") {
          const placed: FieldErrors = {};
          for (const [serverPath, message] of Object.entries(result.fieldErrors)) {
            const path = options.fieldPath?.(serverPath) ?? serverPath;
            placed[path] = { type: "server", message };
            if (formElement.elements.namedItem(path))
              form.setError(path as Path<z.input<S>>, { type: "server", message }, { shouldFocus: true });
          }
          setStatus({ error: describeFailure(result), problems: summarize(placed, formElement).problems });
          return;
        }
        setStatus({ error: (result.status === "error" && options.failureMessages?.[result.code]) || describeFailure(result) });
      },
      (errors) => {
        const { count, problems } = summarize(errors, formElement);
        setStatus({ error: notSent("notSent", { count }), problems });
      },
    )(event);
  };

  /** The message of one field's error, already in the reader's language. */
  const errorOf = (path: Path<z.input<S>>): string | undefined =>
    (get(form.formState.errors, path) as FieldError | undefined)?.message;

  /** A field's registration and error, to spread into <InputField /> or <TextAreaField />. */
  const field = (path: Path<z.input<S>>) => ({ registration: form.register(path), error: errorOf(path) });

  return { form, onSubmit, status, errorOf, field, isSubmitting: form.formState.isSubmitting };
}

/** A field message of the catalogs in the reader's language. */
export function useFieldMessage() {
  const t = useTranslations("actionErrors.fields") as unknown as (key: string, values?: Record<string, number>) => string;
  return (message: FieldMessage): string => t(message.key, message.values);
}

/** zod checks the values; each issue is worded by the catalogs, as the server words its own. */
function catalogResolver(schema: z.ZodType, describe: (message: FieldMessage) => string): Resolver<FieldValues> {
  return async (values, _context, options) => {
    const parsed = await schema.safeParseAsync(values);
    if (parsed.success) return { values: parsed.data as FieldValues, errors: {} };
    const errors: Record<string, FieldError> = {};
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String).join(".") || "root";
      errors[path] ??= { type: issue.code, message: describe(describeFieldIssue(issue)) };
    }
    return { values: {}, errors: toNestErrors(errors, options) };
  };
}

/** Each error of a nested errors object with its dotted path ("overrides.1.reason"). */
function errorLeaves(errors: FieldErrors, prefix = ""): { path: string; message: string }[] {
  const leaves: { path: string; message: string }[] = [];
  for (const [name, value] of Object.entries(errors)) {
    if (!value || typeof value !== "object") continue;
    const path = prefix ? `${prefix}.${name}` : name;
    if (typeof (value as FieldError).message === "string") leaves.push({ path, message: (value as FieldError).message! });
    else if (name !== "ref") leaves.push(...errorLeaves(value as FieldErrors, path));
  }
  return leaves;
}
