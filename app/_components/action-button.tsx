"use client";

import { useState, useTransition } from "react";
import { useActionErrorMessage } from "@/app/_components/action-error-message";
import type { ActionFailure, ActionResult } from "@/lib/actions/action-result";

type FailureCode = Extract<ActionFailure, { status: "error" }>["code"];

/**
 * A button that runs one server action with nothing to fill in (mark as read, retry now): busy
 * while it runs, a sentence in the reader's language when it fails, and an optional one when it
 * worked. `action` is a server action bound to its arguments on the server page.
 */
export function ActionButton(props: {
  action: () => Promise<ActionResult<unknown>>;
  label: string;
  /** Read out with the label, to tell one row's button from the next ("Mark as read: <title>"). */
  context?: string;
  pendingLabel: string;
  successMessage?: string;
  /** Sentences for failures this button words its own way (a CONFLICT: "delivered meanwhile"). */
  failureMessages?: Partial<Record<FailureCode, string>>;
  className?: string;
}) {
  const describeFailure = useActionErrorMessage();
  const [isPending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<{ error?: string; success?: string } | null>(null);

  const shownLabel = isPending ? props.pendingLabel : props.label;

  const run = () =>
    startTransition(async () => {
      setOutcome(null);
      const result = await props.action();
      if (result.status === "ok") setOutcome(props.successMessage ? { success: props.successMessage } : null);
      else setOutcome({ error: (result.status === "error" && props.failureMessages?.[result.code]) || describeFailure(result) });
    });

  return (
    <>
      <button
        type="button"
        className={props.className ?? "button button-quiet button-small"}
        onClick={run}
        disabled={isPending}
        aria-busy={isPending}
        aria-label={props.context ? `${shownLabel}: ${props.context}` : undefined}
      >
        {shownLabel}
      </button>
      {outcome?.error && (
        <p className="field-error" role="alert">
          {outcome.error}
        </p>
      )}
      {outcome?.success && (
        <p className="field-hint" role="status">
          {outcome.success}
        </p>
      )}
    </>
  );
}
