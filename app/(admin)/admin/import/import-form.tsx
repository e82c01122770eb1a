"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { importEventsCsvAction, type ImportEventsCsvResult } from "@/app/(admin)/admin/import/import-events-csv";
import { ActionForm } from "@/app/_components/action-form";
import { InputField } from "@/app/_components/field";
import { useActionForm } from "@/app/_components/use-action-form";
import type { ActionResult } from "@/lib/actions/action-result";
import { importCsvInput, MAX_CSV_UPLOAD_MIB } from "@/lib/ingest/import-events-csv-input";

/** What became of a file: imported with its counts, or rejected with the problems to fix. */
type Outcome = Extract<ImportEventsCsvResult, { status: "ok" | "rejected" }> & { fileName: string };

/** The upload form and what became of the last file: its counts, or the problems to fix. */
export function ImportForm({ maxRows }: { maxRows: number }) {
  const t = useTranslations("import");
  const format = useFormatter();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const upload = useActionForm({
    schema: importCsvInput,
    defaultValues: { file: undefined },
    action: async ({ file }): Promise<ActionResult<Outcome>> => {
      setOutcome(null);
      const formData = new FormData();
      formData.set("file", file);
      const result = await importEventsCsvAction(formData);
      // A file read but rejected is an answer to show, not a failure of the form.
      if (result.status === "ok" || result.status === "rejected")
        return { status: "ok", data: { ...result, fileName: file.name } };
      return result;
    },
    onSuccess: setOutcome,
  });

  return (
    <>
      <ActionForm
        form={upload}
        labelledBy="import-upload-heading"
        submit={{ label: t("upload.submit"), pendingLabel: t("upload.submitting"), className: "button button-primary" }}
      >
        <InputField
          id="import-file"
          label={t("upload.file")}
          hint={t("upload.fileHint", { maxRows: format.number(maxRows), maxMiB: MAX_CSV_UPLOAD_MIB })}
          {...upload.field("file")}
          type="file"
          accept=".csv,text/csv"
        />
      </ActionForm>
      {outcome?.status === "ok" && <ImportedSummary fileName={outcome.fileName} result={outcome.data} />}
      {outcome?.status === "rejected" && (
        <ImportProblems fileName={outcome.fileName} issues={outcome.issues} issueCount={outcome.issueCount} />
      )}
    </>
  );
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
