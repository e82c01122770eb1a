import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { ListTable } from "@/app/_components/list-table";
import { PageHeading } from "@/app/_components/page-heading";
import { requirePagePermission } from "@/lib/auth/session";
import { currentTime } from "@/lib/clock";
import { getPolicyOverview } from "@/lib/policy/manage-policy";
import type { PolicyParams } from "@/lib/quality/policy";
import { CreatePolicyDraft, DiscardPolicyDraft, PolicyDraftForm } from "./policy-draft-form";
import { changedParameters, parameterValue, POLICY_GROUPS, POLICY_PARAMETERS } from "./policy-parameters";
import { PolicyPreviewPanel } from "./policy-preview";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("policyEditor");
  return { title: t("title") };
}

/** The scoring policy: the version in force in words, the versions, and the draft with its diff, preview and activation. */
export default async function PolicyPage() {
  const actor = await requirePagePermission("policy:edit");
  const [overview, t, format] = await Promise.all([
    getPolicyOverview({ actor, now: currentTime() }),
    getTranslations("policyEditor"),
    getFormatter(),
  ]);
  const label = (group: string, name: string) => t(`params.${group}.${name}` as never);
  const words = (params: PolicyParams, group: string, name: string) => {
    const value = parameterValue(params, group, name);
    if (value === null) return t("values.off");
    if (Array.isArray(value)) return value.length === 0 ? t("values.none") : value.join(", ");
    return format.number(value, { maximumFractionDigits: 4 });
  };
  const dateTime = (date: Date) => (
    <time dateTime={date.toISOString()}>{format.dateTime(date, { dateStyle: "medium", timeStyle: "short" })}</time>
  );
  const { active, draft } = overview;
  const changes = draft ? changedParameters(active.params, draft.params) : [];

  return (
    <>
      <PageHeading title={t("title")} intro={t("intro")} />

      <section aria-labelledby="policy-active-heading" className="section">
        <h2 id="policy-active-heading">{t("active.heading", { version: active.version })}</h2>
        {active.activatedAt && <p>{t("active.since", { date: format.dateTime(active.activatedAt, { dateStyle: "medium" }) })}</p>}
        {POLICY_GROUPS.map((group) => (
          <section key={group} aria-labelledby={`policy-active-${group}`}>
            <h3 id={`policy-active-${group}`}>{t(`groups.${group}`)}</h3>
            <dl className="facts">
              {POLICY_PARAMETERS.filter(([g]) => g === group).map(([g, name]) => (
                <div key={name}>
                  <dt>{label(g, name)}</dt>
                  <dd>{words(active.params, g, name)}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </section>

      <section aria-labelledby="policy-draft-heading" className="panel section">
        {draft ? (
          <>
            <h2 id="policy-draft-heading">{t("draft.heading", { version: draft.version })}</h2>
            <section aria-labelledby="policy-diff-heading">
              <h3 id="policy-diff-heading">{t("diff.heading", { version: active.version })}</h3>
              <ListTable
                isEmpty={changes.length === 0}
                empty={t("diff.none")}
                caption={t("diff.caption")}
                headings={[t("diff.parameter"), t("diff.before"), t("diff.after")]}
              >
                {changes.map(([group, name]) => (
                  <tr key={`${group}.${name}`}>
                    <th scope="row">{label(group, name)}</th>
                    <td>{words(active.params, group, name)}</td>
                    <td>→ {words(draft.params, group, name)}</td>
                  </tr>
                ))}
              </ListTable>
            </section>
            <PolicyDraftForm version={draft.version} params={draft.params} />
            <DiscardPolicyDraft version={draft.version} />
            <PolicyPreviewPanel version={draft.version} fingerprint={draft.fingerprint} />
          </>
        ) : (
          <>
            <h2 id="policy-draft-heading">{t("draft.noneHeading")}</h2>
            <p>{t("draft.none")}</p>
            <CreatePolicyDraft />
          </>
        )}
      </section>

      <section aria-labelledby="policy-versions-heading" className="section">
        <h2 id="policy-versions-heading">{t("versions.heading")}</h2>
        <ListTable
          isEmpty={overview.versions.length === 0}
          empty={t("values.none")}
          caption={t("versions.caption")}
          headings={[
            t("versions.version"),
            t("versions.created"),
            t("versions.activated"),
            t("versions.activatedBy"),
            t("versions.reason"),
          ]}
        >
          {overview.versions.map((row) => (
            <tr key={row.version}>
              <th scope="row">{row.version}</th>
              <td className="cell-nowrap">{dateTime(row.createdAt)}</td>
              <td className="cell-nowrap">
                {row.activatedAt ? dateTime(row.activatedAt) : <span className="status">{t("versions.draft")}</span>}
              </td>
              <td>{row.activatedAt ? (row.activatedByEmail ?? t("versions.system")) : "—"}</td>
              <td>{row.activationReason ?? "—"}</td>
            </tr>
          ))}
        </ListTable>
      </section>
    </>
  );
}
