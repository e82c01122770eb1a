import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeading } from "@/app/_components/page-heading";
import { pageHref, Pagination } from "@/app/_components/pagination";
import { readPage, readParam, type SearchParams } from "@/app/_components/search-params";
import { listAudit } from "@/lib/audit/list-audit";
import { requirePagePermission } from "@/lib/auth/session";
import { MESSAGES } from "@/lib/i18n/messages";

export const dynamic = "force-dynamic";

const AUDIT_PATH = "/admin/audit";

type RoleKey = keyof (typeof MESSAGES)["en"]["roles"];
function isRoleKey(role: string): role is RoleKey {
  return role in MESSAGES.en.roles;
}

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("audit");
  return { title: t("title") };
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePagePermission("audit:read");
  const params = await searchParams;
  const filters = { action: readParam(params, "action"), actor: readParam(params, "actor") };
  const [list, t, tRoles, format] = await Promise.all([
    listAudit({ actor, page: readPage(params), filters }),
    getTranslations("audit"),
    getTranslations("roles"),
    getFormatter(),
  ]);
  const isFiltered = Boolean(filters.action || filters.actor);

  return (
    <>
      <PageHeading title={t("title")} intro={t("intro")} />

      <form method="get" action={AUDIT_PATH} className="panel filter-form" role="search" aria-label={t("filters.label")}>
        <div className="field">
          <label htmlFor="audit-action">{t("filters.action")}</label>
          <input id="audit-action" name="action" defaultValue={filters.action ?? ""} aria-describedby="audit-action-hint" />
          <p id="audit-action-hint" className="field-hint">
            {t("filters.actionHint")}
          </p>
        </div>
        <div className="field">
          <label htmlFor="audit-actor">{t("filters.actor")}</label>
          <input id="audit-actor" name="actor" defaultValue={filters.actor ?? ""} aria-describedby="audit-actor-hint" />
          <p id="audit-actor-hint" className="field-hint">
            {t("filters.actorHint")}
          </p>
        </div>
        <div className="filter-actions">
          <button type="submit" className="button">
            {t("filters.apply")}
          </button>
          {isFiltered && (
            <Link href={AUDIT_PATH} className="button button-quiet">
              {t("filters.clear")}
            </Link>
          )}
        </div>
      </form>

      {list.rows.length === 0 ? (
        <p className="empty">{isFiltered ? t("noMatches") : t("empty")}</p>
      ) : (
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
              </tr>
            </thead>
            <tbody>
              {list.rows.map((entry) => (
                <tr key={entry.seq}>
                  <td className="cell-number">{entry.seq}</td>
                  <td className="cell-nowrap">
                    <time dateTime={entry.occurredAt.toISOString()}>
                      {format.dateTime(entry.occurredAt, { dateStyle: "medium", timeStyle: "medium" })}
                    </time>
                  </td>
                  <td>
                    <span className="cell-strong">{entry.actorLabel}</span>
                    <span className="role-badge role-badge-small">
                      {isRoleKey(entry.actorRole) ? tRoles(entry.actorRole) : entry.actorRole}
                    </span>
                  </td>
                  <td>
                    <code>{entry.action}</code>
                  </td>
                  <td>
                    {entry.entityType}
                    {entry.entityId && (
                      <>
                        {" "}
                        <code className="muted">{entry.entityId}</code>
                      </>
                    )}
                  </td>
                  <td className="cell-wrap">{entry.reason ?? <span className="muted">—</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <Pagination
        previousHref={list.page > 1 ? pageHref(AUDIT_PATH, filters, list.page - 1) : undefined}
        nextHref={list.hasOlderPage ? pageHref(AUDIT_PATH, filters, list.page + 1) : undefined}
        previousLabel={t("newer")}
        nextLabel={t("older")}
        status={t("pageStatus", { page: list.page })}
      />
    </>
  );
}
