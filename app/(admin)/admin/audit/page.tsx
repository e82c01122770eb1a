import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ActorName } from "@/app/_components/actor-name";
import { AuditActionLabel, AuditEntityLabel } from "@/app/_components/audit-action-label";
import { PageHeading } from "@/app/_components/page-heading";
import { Field, fieldProps } from "@/app/_components/field";
import { listHref, Pagination } from "@/app/_components/pagination";
import { readParam, type SearchParams } from "@/app/_components/search-params";
import { listAudit, type AuditCursor } from "@/lib/audit/list-audit";
import { requirePagePermission } from "@/lib/auth/session";
import { MESSAGES } from "@/lib/i18n/messages";

export const dynamic = "force-dynamic";

const AUDIT_PATH = "/admin/audit";

type RoleKey = keyof (typeof MESSAGES)["en"]["roles"];
function isRoleKey(role: string): role is RoleKey {
  return role in MESSAGES.en.roles;
}

function readCursor(params: SearchParams): AuditCursor {
  const seq = (name: string) => {
    const value = Number(readParam(params, name));
    return Number.isSafeInteger(value) && value > 0 ? value : undefined;
  };
  return { before: seq("before"), after: seq("after") };
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
    listAudit({ actor, cursor: readCursor(params), filters }),
    getTranslations("audit"),
    getTranslations("roles"),
    getFormatter(),
  ]);
  const isFiltered = Boolean(filters.action || filters.actor);

  return (
    <>
      <PageHeading title={t("title")} intro={t("intro")} />

      <form method="get" action={AUDIT_PATH} className="panel filter-form" role="search" aria-label={t("filters.label")}>
        <Field id="audit-action" label={t("filters.action")} hint={t("filters.actionHint")}>
          <input {...fieldProps("audit-action", { hint: true })} name="action" defaultValue={filters.action ?? ""} />
        </Field>
        <Field id="audit-actor" label={t("filters.actor")} hint={t("filters.actorHint")}>
          <input {...fieldProps("audit-actor", { hint: true })} name="actor" defaultValue={filters.actor ?? ""} />
        </Field>
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
                    <span className="cell-strong">
                      <ActorName actorRole={entry.actorRole} actorLabel={entry.actorLabel} showRaw />
                    </span>
                    <span className="role-badge role-badge-small">
                      {isRoleKey(entry.actorRole) ? tRoles(entry.actorRole) : entry.actorRole}
                    </span>
                  </td>
                  <td>
                    <AuditActionLabel action={entry.action} />
                    <br />
                    <code className="muted">{entry.action}</code>
                  </td>
                  <td>
                    <AuditEntityLabel entityType={entry.entityType} />
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
        previousHref={list.newerCursor ? listHref(AUDIT_PATH, { ...filters, ...list.newerCursor }) : undefined}
        nextHref={list.olderCursor ? listHref(AUDIT_PATH, { ...filters, ...list.olderCursor }) : undefined}
        previousLabel={t("newer")}
        nextLabel={t("older")}
        status={
          list.rows.length ? t("pageStatus", { newest: list.rows[0]!.seq, oldest: list.rows[list.rows.length - 1]!.seq }) : ""
        }
      />
    </>
  );
}
