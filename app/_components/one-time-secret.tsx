"use client";

import { useRef, useState } from "react";
import { fieldProps } from "@/app/_components/field";

export type OneTimeSecretWords = {
  warning: string;
  label: string;
  copy: string;
  done: string;
  copied: string;
  copyFailed: string;
};

/**
 * A secret shown this once — a new API key, a temporary password — in a read-only field with a copy
 * button, for the admin to pass on. Where the clipboard is out of reach (a page served over plain
 * http), the value is selected for the admin to copy.
 */
export function OneTimeSecret(props: {
  /** The heading's id is `${id}-heading`. */
  id: string;
  fieldId: string;
  heading: string;
  headingLevel: 2 | 3;
  value: string;
  words: OneTimeSecretWords;
  /** Focused (and so selected) on arrival, ready to copy. */
  autoFocus?: boolean;
  onDismiss: () => void;
}) {
  const field = useRef<HTMLInputElement>(null);
  const [copyState, setCopyState] = useState<"idle" | "copied" | "failed">("idle");
  const Heading = props.headingLevel === 2 ? "h2" : "h3";

  async function copy() {
    try {
      await navigator.clipboard.writeText(props.value);
      setCopyState("copied");
    } catch {
      field.current?.select();
      setCopyState("failed");
    }
  }

  return (
    <section className="notice form form-compact" aria-labelledby={`${props.id}-heading`}>
      <Heading id={`${props.id}-heading`}>{props.heading}</Heading>
      <p id={`${props.fieldId}-hint`}>{props.words.warning}</p>
      <div className="field">
        <label htmlFor={props.fieldId}>{props.words.label}</label>
        <input
          ref={field}
          {...fieldProps(props.fieldId, { hint: true })}
          value={props.value}
          readOnly
          spellCheck={false}
          autoComplete="off"
          autoFocus={props.autoFocus}
          onFocus={(event) => event.currentTarget.select()}
        />
      </div>
      <div className="form-actions">
        <button type="button" className="button button-primary" onClick={copy}>
          {props.words.copy}
        </button>
        <button type="button" className="button button-quiet" onClick={props.onDismiss}>
          {props.words.done}
        </button>
      </div>
      <p role="status" className="field-hint">
        {copyState === "copied" ? props.words.copied : copyState === "failed" ? props.words.copyFailed : ""}
      </p>
    </section>
  );
}
