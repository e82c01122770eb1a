"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { ActionForm } from "@/app/_components/action-form";
import { TextAreaField } from "@/app/_components/field";
import { useActionForm } from "@/app/_components/use-action-form";
import { activatePolicyDraftInput, policyDraftInput } from "@/lib/policy/policy-input";
import { activatePolicyDraftAction, previewPolicyDraftAction, type WordedPreviewSeller } from "./actions";

type Preview = Extract<Awaited<ReturnType<typeof previewPolicyDraftAction>>, { status: "ok" }>["data"];

const PAGE_SIZE = 20;

/**
 * The draft's preview (on demand: it takes about as long as an evaluation) and, once it is shown
 * for the draft as saved, its activation with a reason.
 */
export function PolicyPreviewPanel(props: { version: number; fingerprint: string }) {
  const t = useTranslations("policyEditor");
  const format = useFormatter();
  const [preview, setPreview] = useState<Preview | null>(null);
  const run = useActionForm({
    schema: policyDraftInput,
    defaultValues: { version: props.version },
    action: previewPolicyDraftAction,
    onSuccess: (data) => {
      setPreview(data);
    },
  });
  const current = preview !== null && preview.fingerprint === props.fingerprint;

  return (
    <>
      <section aria-labelledby="policy-preview-heading">
        <h3 id="policy-preview-heading">{t("preview.heading")}</h3>
        <p>{t("preview.intro")}</p>
        <ActionForm
          form={run}
          label={t("preview.run")}
          submit={{ label: t("preview.run"), pendingLabel: t("preview.running"), className: "button" }}
        >
          {null}
        </ActionForm>
        {preview && (
          <div role="status">
            <p className="cell-strong">
              {t("preview.summary", { flagged: preview.flagged, newly: preview.newly.length, noLonger: preview.noLonger.length })}
            </p>
            <p className="muted">
              {t("preview.asOf", {
                asOf: format.dateTime(new Date(preview.asOf), { dateStyle: "medium", timeStyle: "short" }),
                version: preview.activeVersion,
              })}
            </p>
            {!current && <p className="field-error">{t("preview.stale")}</p>}
          </div>
        )}
        {preview && <PagedSellers id="policy-newly" heading={t("preview.newly")} sellers={preview.newly} />}
        {preview && <PagedSellers id="policy-no-longer" heading={t("preview.noLonger")} sellers={preview.noLonger} />}
      </section>

      <section aria-labelledby="policy-activate-heading">
        <h3 id="policy-activate-heading">{t("activate.heading")}</h3>
        {current ? (
          <ActivatePolicyDraft key={preview.fingerprint} version={props.version} fingerprint={preview.fingerprint} />
        ) : (
          <p>{t("activate.needsPreview")}</p>
        )}
      </section>
    </>
  );
}

function PagedSellers(props: { id: string; heading: string; sellers: WordedPreviewSeller[] }) {
  const t = useTranslations("policyEditor.preview");
  const [page, setPage] = useState(1);
  const pages = Math.max(1, Math.ceil(props.sellers.length / PAGE_SIZE));
  const shown = props.sellers.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  return (
    <section aria-labelledby={`${props.id}-heading`}>
      <h4 id={`${props.id}-heading`}>
        {props.heading} ({props.sellers.length})
      </h4>
      {props.sellers.length === 0 ? (
        <p className="empty">{t("empty")}</p>
      ) : (
        <>
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">{props.heading}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("seller")}</th>
                  <th scope="col">{t("reasons")}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((seller) => (
                  <tr key={seller.sellerId}>
                    <th scope="row">{seller.sellerName}</th>
                    <td>
                      <ul>
                        {seller.reasons.map((reason, i) => (
                          <li key={i}>{reason}</li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {pages > 1 && (
            <nav aria-label={props.heading} className="pagination">
              <button type="button" className="button" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                {t("previous")}
              </button>
              <span>{t("pageStatus", { page, pages })}</span>
              <button type="button" className="button" disabled={page >= pages} onClick={() => setPage(page + 1)}>
                {t("next")}
              </button>
            </nav>
          )}
        </>
      )}
    </section>
  );
}

function ActivatePolicyDraft(props: { version: number; fingerprint: string }) {
  const t = useTranslations("policyEditor.activate");
  const activate = useActionForm({
    schema: activatePolicyDraftInput,
    defaultValues: { version: props.version, previewedFingerprint: props.fingerprint, reason: "" },
    action: activatePolicyDraftAction,
  });
  return (
    <ActionForm
      form={activate}
      labelledBy="policy-activate-heading"
      submit={{ label: t("submit", { version: props.version }), pendingLabel: t("pending"), className: "button button-primary" }}
    >
      <TextAreaField id="policy-activation-reason" label={t("reason")} hint={t("reasonHint")} {...activate.field("reason")} />
    </ActionForm>
  );
}
