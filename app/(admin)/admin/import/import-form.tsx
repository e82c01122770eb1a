"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { useForm, type FieldError } from "react-hook-form";
import type { z } from "zod";
import { importEventsCsvAction, type ImportEventsCsvResult } from "@/app/(admin)/admin/import/import-events-csv";
import { useActionErrorMessage } from "@/app/_components/action-error-message";
import { showActionFailure } from "@/app/_components/apply-field-errors";
import { Field, fieldProps } from "@/app/_components/field";
import { FormStatus } from "@/app/_components/form-status";
import { importCsvInput, MAX_CSV_UPLOAD_MIB } from "@/lib/ingest/import-events-csv-input";

type FormInput = z.input<typeof importCsvInput>;
type FormOutput = z.output<typeof importCsvInput>;
type Outcome = Extract<ImportEventsCsvResult, { status: "ok" | "rejected" }> & { fileName: string };

/** The upload form and what became of the last file: its counts, or the problems to fix. */
export function ImportForm({ maxRows }: { maxRows: number }) {
  const t = useTranslations("import");
  const format = useFormatter();
  const actionErrorMessage = useActionErrorMessage();
  const [formError, setFormError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<FormInput, unknown, FormOutput>({ resolver: zodResolver(importCsvInput) });

  const onSubmit = handleSubmit(async ({ file }) => {
    setFormError(null);
    setOutcome(null);
    const formData = new FormData();
    formData.set("file", file);
    const result = await importEventsCsvAction(formData);
    if (result.status === "ok") {
      reset();
      setOutcome({ ...result, fileName: file.name });
    } else if (result.status === "rejected") {
      setOutcome({ ...result, fileName: file.name });
    } else {
      showActionFailure(result, { fields: ["file"] as const, setError, setFormError, describe: actionErrorMessage });
    }
  });

  const fileError = describeFileError(t, errors.file as FieldError | undefined);

  return (
    <>
      <form onSubmit={onSubmit} noValidate className="form" aria-labelledby="import-upload-heading">
        <FormStatus error={formError} />
        <Field
          id="import-file"
          label={t("upload.file")}
          hint={t("upload.fileHint", { maxRows: format.number(maxRows), maxMiB: MAX_CSV_UPLOAD_MIB })}
          error={fileError}
        >
          <input
            {...register("file")}
            {...fieldProps("import-file", { error: fileError, hint: true })}
            type="file"
            accept=".csv,text/csv"
          />
        </Field>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={isSubmitting} aria-busy={isSubmitting}>
            {isSubmitting ? t("upload.submitting") : t("upload.submit")}
          </button>
        </div>
      </form>
      {outcome?.status === "ok" && <ImportedSummary fileName={outcome.fileName} result={outcome.data} />}
      {outcome?.status === "rejected" && (
        <ImportProblems fileName={outcome.fileName} issues={outcome.issues} issueCount={outcome.issueCount} />
      )}
    </>
  );
}

type Translate = ReturnType<typeof useTranslations<"import">>;

/** zod's issue code tells which check failed; "server" is the server's own check, the encoding. */
function describeFileError(t: Translate, error: FieldError | undefined): string | undefined {
  if (!error) return undefined;
  switch (error.type) {
    case "too_small":
      return t("errors.fileEmpty");
    case "too_big":
      return t("errors.fileTooLarge", { maxMiB: MAX_CSV_UPLOAD_MIB });
    case "custom":
      return t("errors.fileNotCsv");
    case "server":
      return t("errors.fileUnreadable");
    default:
      return t("errors.fileRequired");
  }
}

function ImportedSummary({
  fileName,
  result,
}: {
  fileName: string;
  result: { rows: number; accepted: number; duplicates: number };
}) {
  const t = useTranslations("import.result");
  const format = useFormatter();
  return (
    <section aria-labelledby="import-result-heading" className="section">
      <h2 id="import-result-heading">{t("heading")}</h2>
      <p className="form-success" role="status">
        {t("imported", { fileName })}
      </p>
      <dl className="facts section">
        <div>
          <dt>{t("rows")}</dt>
          <dd>{format.number(result.rows)}</dd>
        </div>
        <div>
          <dt>{t("accepted")}</dt>
          <dd>{format.number(result.accepted)}</dd>
        </div>
        <div>
          <dt>{t("duplicates")}</dt>
          <dd>{format.number(result.duplicates)}</dd>
        </div>
      </dl>
      <p className="field-hint">{t("duplicatesNote")}</p>
    </section>
  );
}

function ImportProblems(props: {
  fileName: string;
  issues: { row: number | null; column: string | null; message: string }[];
  issueCount: number;
}) {
  const t = useTranslations("import.rejected");
  const format = useFormatter();
  const hidden = props.issueCount - props.issues.length;
  return (
    <section aria-labelledby="import-problems-heading" className="section">
      <h2 id="import-problems-heading">{t("heading")}</h2>
      <p className="form-error" role="alert">
        {t("summary", { fileName: props.fileName, count: props.issueCount })}
      </p>
      <p className="field-hint">{t("note")}</p>
      <div className="table-wrap section">
        <table className="table table-dense">
          <caption className="visually-hidden">{t("caption")}</caption>
          <thead>
            <tr>
              <th scope="col" className="cell-number">
                {t("row")}
              </th>
              <th scope="col">{t("column")}</th>
              <th scope="col">{t("problem")}</th>
            </tr>
          </thead>
          <tbody>
            {props.issues.map((issue, position) => (
              <tr key={position}>
                <td className="cell-number">
                  {issue.row === null ? <span className="muted">—</span> : format.number(issue.row, { useGrouping: false })}
                </td>
                <td>{issue.column === null ? <span className="muted">—</span> : <code>{issue.column}</code>}</td>
                <td className="cell-wrap" lang="en">
                  {issue.message}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {hidden > 0 && <p className="field-hint">{t("more", { count: hidden })}</p>}
    </section>
  );
}
