import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { retryOutboxEventAction } from "@/app/(admin)/admin/outbox/actions";
import { ActionButton } from "@/app/_components/action-button";
import { ListTable } from "@/app/_components/list-table";
import { PageHeading } from "@/app/_components/page-heading";
import { OffsetPagination, pageHref } from "@/app/_components/pagination";
import { readPage, readParam, type SearchParams } from "@/app/_components/search-params";
import { OUTBOX_EVENT_TYPES, type OutboxEventType } from "@/db/enums";
import { can } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/auth/session";
import { webhookConfigFromEnv } from "@/lib/delivery/delivery-config";
import { listOutboxEvents } from "@/lib/delivery/list-outbox-events";
import { isOutboxFilter, OUTBOX_FILTERS, type OutboxFilter } from "@/lib/delivery/outbox-input";

export const dynamic = "force-dynamic";

const OUTBOX_PATH = "/admin/outbox";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("outbox");
  return { title: t("title") };
}

const isEventType = (type: string): type is OutboxEventType => (OUTBOX_EVENT_TYPES as readonly string[]).includes(type);

/** Only the receiver's address, never credentials someone put into the URL. */
function describeReceiver(url: string): string {
  const parsed = new URL(url);
  return `${parsed.origin}${parsed.pathname}`;
}

export default async function OutboxPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePagePermission("outbox:view");
  const params = await searchParams;
  const requested = readParam(params, "status");
  const filter: OutboxFilter = isOutboxFilter(requested) ? requested : "all";
  const [list, t, format] = await Promise.all([
    listOutboxEvents({ actor, filter, page: readPage(params) }),
    getTranslations("outbox"),
    getFormatter(),
  ]);
  const webhook = webhookConfigFromEnv();
  const mayRetry = can(actor.role, "outbox:retry");
  const query = { status: filter === "all" ? undefined : filter };
  // Dates as every other page writes them; the table, its retry button included, still fits a
  // 1280 px screen (e2e/desk-reading.spec.ts checks it).
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });
  const dateTime = (date: Date) => <time dateTime={date.toISOString()}>{when(date)}</time>;

  return (
    <>
      <PageHeading title={t("title")} intro={t("intro")} />

      {webhook ? (
        <p className="muted">{t("configuredTo", { url: describeReceiver(webhook.url) })}</p>
      ) : (
        <aside className="notice" role="status">
          <p>{t("notConfigured")}</p>
        </aside>
      )}

      <nav aria-label={t("filters.label")} className="section filter-actions">
        {OUTBOX_FILTERS.map((option) => (
          <Link
            key={option}
            href={pageHref(OUTBOX_PATH, { status: option === "all" ? undefined : option }, 1)}
            className={option === filter ? "button button-small" : "button button-quiet button-small"}
            aria-current={option === filter ? "page" : undefined}
          >
            {t(`filters.${option}`)}
          </Link>
        ))}
      </nav>

      <section className="section">
        <ListTable
          isEmpty={list.rows.length === 0}
          empty={t("empty")}
          caption={t("caption", { total: list.total })}
          headings={[
            t("columns.id"),
            t("columns.type"),
            t("columns.seller"),
            t("columns.created"),
            t("columns.attempts"),
            t("columns.delivery"),
            t("columns.lastError"),
          ]}
          actionsLabel={t("actions")}
        >
          {list.rows.map((event) => (
            <tr key={event.id}>
              <td className="cell-number">{event.id}</td>
              <th scope="row">
                {isEventType(event.type) ? t(`types.${event.type}`) : event.type}
                <br />
                <code className="muted">{event.type}</code>
              </th>
              <td>
                <code>{event.sellerExternalId}</code>
              </td>
              <td>{dateTime(event.createdAt)}</td>
              <td className="cell-number">{event.attempts}</td>
              <td>
                {event.deliveredAt ? (
                  <span className="status status-on">{t("deliveredAt", { at: when(event.deliveredAt) })}</span>
                ) : (
                  <>
                    <span className="status status-off">{t("notDelivered")}</span>
                    <br />
                    <span className="muted">{t("nextAttemptAt", { at: when(event.nextAttemptAt) })}</span>
                  </>
                )}
              </td>
              <td className="cell-error">{event.lastError ?? <span className="muted">—</span>}</td>
              <td className="cell-actions">
                {mayRetry && !event.deliveredAt && (
                  <ActionButton
                    action={retryOutboxEventAction.bind(null, { eventId: event.id })}
                    label={t("retry")}
                    context={`#${event.id}`}
                    pendingLabel={t("retrying")}
                    successMessage={t("retried")}
                    failureMessages={{ CONFLICT: t("alreadyDelivered") }}
                  />
                )}
              </td>
            </tr>
          ))}
        </ListTable>

        <OffsetPagination
          pathname={OUTBOX_PATH}
          query={query}
          list={list}
          status={t("pageStatus", { page: list.page, pages: list.pageCount })}
        />
      </section>
    </>
  );
}
