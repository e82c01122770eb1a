import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ActorName } from "@/app/_components/actor-name";
import { AuditActionLabel, AuditEntityLabel } from "@/app/_components/audit-action-label";
import { PageHeading } from "@/app/_components/page-heading";
import { listHref, Pagination } from "@/app/_components/pagination";
import { readParam, type SearchParams } from "@/app/_components/search-params";
import { AUDIT_FILTER_FIELDS, type AuditFilterInput } from "@/lib/audit/audit-filters";
import { listAudit, type AuditCursor, type AuditListEntry } from "@/lib/audit/list-audit";
import { getLatestAuditVerification } from "@/lib/audit/verify-and-record-audit-chain";
import { requirePagePermission } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { MESSAGES } from "@/lib/i18n/messages";
import { AuditChanges } from "./audit-changes";
import { AuditFilterForm } from "./audit-filter-form";
import { VerificationStatus } from "./verification-status";

export const dynamic = "force-dynamic";

const AUDIT_PATH = "/admin/audit";
const EXPORT_PATH = "/admin/audit/export.csv";

type RoleKey = keyof (typeof MESSAGES)["en"]["roles"];
function isRoleKey(role: string): role is RoleKey {
  return role in MESSAGES.en.roles;
}

function readCursor(params: SearchParams): AuditCursor {
  const seq = (name: string) => {
    const value = Number(readParam(params, name));
    return Number.isSafeInteger(value) && value > 0 ? value : undefined;
  };
  const after = seq("after");
  return after !== undefined ? { after } : { before: seq("before") };
}

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("audit");
  return { title: t("title") };
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePagePermission("audit:read");
  const params = await searchParams;
  const filters: AuditFilterInput = Object.fromEntries(AUDIT_FILTER_FIELDS.map((field) => [field, readParam(params, field)]));
  const [list, latestVerification, t] = await Promise.all([
    listAudit({ actor, cursor: readCursor(params), filters, timeZone: env.PORTAL_TIME_ZONE }),
    getLatestAuditVerification({ actor }),
    getTranslations("audit"),
  ]);
  const isFiltered = AUDIT_FILTER_FIELDS.some((field) => filters[field] !== undefined);
  const errors = list.status === "invalid" ? list.errors : {};

  return (
    <>
      <PageHeading title={t("title")} intro={t("intro")} />
      <VerificationStatus latest={latestVerification} />

      <AuditFilterForm
        action={AUDIT_PATH}
        values={filters}
        errors={errors}
        isFiltered={isFiltered}
        timeZone={env.PORTAL_TIME_ZONE}
      />

      {list.status === "invalid" ? (
        <p className="field-error" role="alert">
          {t("filterErrors.summary")}
        </p>
      ) : (
        <>
          <p className="section">
            <a href={listHref(EXPORT_PATH, filters)} className="button button-quiet" download>
              {t("export")}
            </a>
          </p>
          {list.page.rows.length === 0 ? (
            <p className="empty">{isFiltered ? t("noMatches") : t("empty")}</p>
          ) : (
            <AuditTable rows={list.page.rows} />
          )}
          <Pagination
            previousHref={list.page.newerCursor ? listHref(AUDIT_PATH, { ...filters, ...list.page.newerCursor }) : undefined}
            nextHref={list.page.olderCursor ? listHref(AUDIT_PATH, { ...filters, ...list.page.olderCursor }) : undefined}
            previousLabel={t("newer")}
            nextLabel={t("older")}
            status={
              list.page.rows.length
                ? t("pageStatus", { newest: list.page.rows[0]!.seq, oldest: list.page.rows[list.page.rows.length - 1]!.seq })
                : ""
            }
          />
        </>
      )}
    </>
  );
}

async function AuditTable({ rows }: { rows: AuditListEntry[] }) {
  const [t, tRoles, format] = await Promise.all([getTranslations("audit"), getTranslations("roles"), getFormatter()]);
  return (
    <div className="table-wrap section">
      <table className="table table-dense">
        <caption className="visually-hidden">{t("caption")}</caption>
        <thead>
          <tr>
            <th scope="col" className="cell-number">
              {t("columns.seq")}
            </th>
            <th scope="col">{t("columns.time")}</th>
            <th scope="col">{t("columns.actor")}</th>
            <th scope="col">{t("columns.action")}</th>
            <th scope="col">{t("columns.entity")}</th>
            <th scope="col">{t("columns.reason")}</th>
            <th scope="col">{t("columns.changes")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((entry) => (
            <tr key={entry.seq}>
              <td className="cell-number">{entry.seq}</td>
              <td className="cell-nowrap">
                <time dateTime={entry.occurredAt.toISOString()}>
                  {format.dateTime(entry.occurredAt, { dateStyle: "medium", timeStyle: "medium" })}
                </time>
              </td>
              <td className="cell-wrap">
                <span className="cell-strong">
                  {entry.actorName ?? <ActorName actorRole={entry.actorRole} actorLabel={entry.actorLabel} showRaw />}
                </span>
                {entry.actorEmail && (
                  <>
                    <br />
                    <span className="muted">{entry.actorEmail}</span>
                  </>
                )}{" "}
                <span className="role-badge role-badge-small">
                  {isRoleKey(entry.actorRole) ? tRoles(entry.actorRole) : entry.actorRole}
                </span>
              </td>
              <td>
                <AuditActionLabel action={entry.action} />
                <br />
                <code className="muted">{entry.action}</code>
              </td>
              <td className="cell-wrap">
                <EntityCell entry={entry} />
              </td>
              <td className="cell-wrap">{entry.reason ?? <span className="muted">—</span>}</td>
              <td className="cell-wrap">
                <AuditChanges seq={entry.seq} before={entry.before} after={entry.after} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** What the entry is about, linked where there is a page for it: the case, the seller, the accounts. */
async function EntityCell({ entry }: { entry: AuditListEntry }) {
  const t = await getTranslations("audit.links");
  const isCaseEntity = entry.entityType === "case";
  return (
    <>
      <AuditEntityLabel entityType={entry.entityType} />
      {entry.entityId && !isCaseEntity && (
        <>
          {" "}
          <code className="muted">{entry.entityId}</code>
        </>
      )}
      {entry.entityType === "user" && (
        <>
          <br />
          <Link href="/admin/users">{t("user")}</Link>
        </>
      )}
      {entry.caseId !== null && (
        <>
          <br />
          <Link href={`/moderator/cases/${entry.caseId}`}>{t("case", { id: entry.caseId })}</Link>
        </>
      )}
      {entry.sellerId !== null && (
        <>
          <br />
          <Link href={`/moderator/sellers/${entry.sellerId}`}>{t("seller", { name: entry.sellerName ?? entry.sellerId })}</Link>
        </>
      )}
    </>
  );
}
