import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { actorInWords } from "@/app/_components/actor-name";
import { auditActionInWords, auditEntityInWords } from "@/app/_components/audit-action-label";
import { PageHeading } from "@/app/_components/page-heading";
import { listHref, Pagination } from "@/app/_components/pagination";
import { readParam, type SearchParams } from "@/app/_components/search-params";
import { describeActor } from "@/lib/audit/actor-label";
import { diffAuditValues, formatAuditValue } from "@/lib/audit/audit-diff";
import { AUDIT_FILTER_FIELDS, type AuditFilterInput } from "@/lib/audit/audit-filters";
import { listAudit, type AuditCursor, type AuditListEntry } from "@/lib/audit/list-audit";
import { getLatestAuditVerification } from "@/lib/audit/verify-and-record-audit-chain";
import { requirePagePermission } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { MESSAGES } from "@/lib/i18n/messages";
import { AuditFilterForm } from "./audit-filter-form";
import { AuditTable, type AuditTableColumn, type AuditTableRow, type AuditTableWords } from "./audit-table";
import { VerificationStatus } from "./verification-status";

export const dynamic = "force-dynamic";

const AUDIT_PATH = "/admin/audit";
/** The table's columns (here, not in the client module: its values reach the server as references only). */
const COLUMNS: readonly AuditTableColumn[] = ["seq", "time", "actor", "action", "entity", "reason", "changes"];
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
            <AuditTable
              rows={await auditTableRows(list.page.rows)}
              words={{
                caption: t("caption"),
                columns: Object.fromEntries(
                  COLUMNS.map((column) => [column, t(`columns.${column}`)]),
                ) as AuditTableWords["columns"],
                noChanges: t("changes.none"),
                absent: t("changes.absent"),
              }}
            />
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

/** The page's entries as the table shows them, every word in the reader's language. */
async function auditTableRows(entries: AuditListEntry[]): Promise<AuditTableRow[]> {
  const [t, tRoles, tActors, tActions, tEntities, format] = await Promise.all([
    getTranslations("audit"),
    getTranslations("roles"),
    getTranslations("actors"),
    getTranslations("auditActions"),
    getTranslations("auditEntities"),
    getFormatter(),
  ]);
  return entries.map((entry) => {
    // The stored label beside the words where it says more: which command, which process.
    const kind = describeActor(entry).kind;
    const isLabelTelling = kind === "command" || (kind === "system" && entry.actorLabel !== "system");
    const links: AuditTableRow["entity"]["links"] = [];
    if (entry.entityType === "user") links.push({ href: "/admin/users", text: t("links.user") });
    if (entry.caseId !== null)
      links.push({ href: `/moderator/cases/${entry.caseId}`, text: t("links.case", { id: entry.caseId }) });
    if (entry.sellerId !== null)
      links.push({
        href: `/moderator/sellers/${entry.sellerId}`,
        text: t("links.seller", { name: entry.sellerName ?? entry.sellerId }),
      });
    return {
      seq: entry.seq,
      occurredAt: entry.occurredAt.toISOString(),
      time: format.dateTime(entry.occurredAt, { dateStyle: "medium", timeStyle: "medium" }),
      actor: {
        name: entry.actorName ?? actorInWords(tActors, entry),
        email: entry.actorEmail,
        label: entry.actorName === null && isLabelTelling ? entry.actorLabel : null,
        role: isRoleKey(entry.actorRole) ? tRoles(entry.actorRole) : entry.actorRole,
      },
      action: { words: auditActionInWords(tActions, entry.action), name: entry.action },
      entity: {
        words: auditEntityInWords(tEntities, entry.entityType),
        // A case is named by its link.
        id: entry.entityId && entry.entityType !== "case" ? entry.entityId : null,
        links,
      },
      reason: entry.reason,
      changes: diffAuditValues(entry.before, entry.after).map((change) => ({
        path: change.path,
        before: change.before === undefined ? null : formatAuditValue(change.before),
        after: change.after === undefined ? null : formatAuditValue(change.after),
      })),
      changesLabel: t("changes.label", { seq: entry.seq }),
    };
  });
}
