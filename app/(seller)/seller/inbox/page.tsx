import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { markNotificationReadAction } from "@/app/(seller)/seller/inbox/actions";
import { NotificationText } from "@/app/(seller)/seller/inbox/notification-text";
import { ActionButton } from "@/app/_components/action-button";
import { PageHeading } from "@/app/_components/page-heading";
import { listHref, Pagination } from "@/app/_components/pagination";
import { readParam, type SearchParams } from "@/app/_components/search-params";
import { requirePagePermission } from "@/lib/auth/session";
import { listNotifications } from "@/lib/notifications/list-notifications";
import { renderNotification } from "@/lib/notifications/render-notification";
import { SELLER_PATHS } from "@/lib/sellers/seller-paths";

export const dynamic = "force-dynamic";

const INBOX_PATH = SELLER_PATHS.inbox;

function readBefore(params: SearchParams): number | undefined {
  const value = Number(readParam(params, "before"));
  return Number.isSafeInteger(value) && value > 0 ? value : undefined;
}

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("inbox");
  return { title: t("title") };
}

export default async function SellerInboxPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePagePermission("seller-portal:use");
  const before = readBefore(await searchParams);
  const [inbox, t, format, locale, timeZone] = await Promise.all([
    listNotifications({ actor, before }),
    getTranslations("inbox"),
    getFormatter(),
    getLocale(),
    getTimeZone(),
  ]);

  return (
    <>
      <PageHeading title={t("title")} intro={t("intro")}>
        <p className="muted" role="status">
          {t("unreadCount", { count: inbox.unreadCount })}
        </p>
      </PageHeading>

      {inbox.rows.length === 0 ? (
        <p className="empty">{t("empty")}</p>
      ) : (
        <ol aria-label={t("listLabel")} style={{ listStyle: "none", padding: 0 }}>
          {inbox.rows.map((notification) => {
            const { title, blocks, link } = renderNotification({
              kind: notification.kind,
              payload: notification.payload,
              locale,
              timeZone,
            });
            const isUnread = notification.readAt == null;
            const headingId = `notification-${notification.id}-title`;
            return (
              <li key={notification.id} className="section">
                <article className="panel" aria-labelledby={headingId} data-unread={isUnread || undefined}>
                  <div className="section-heading">
                    <h2 id={headingId}>
                      {title}
                      {isUnread && <span className="tag">{t("unread")}</span>}
                    </h2>
                    <p className="muted">
                      {t("received")}{" "}
                      <time dateTime={notification.createdAt.toISOString()}>
                        {format.dateTime(notification.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                      </time>
                    </p>
                  </div>
                  <NotificationText blocks={blocks} />
                  <div className="form-actions">
                    {link && (
                      <Link href={link.path} className="button button-primary" aria-describedby={headingId}>
                        {link.label}
                      </Link>
                    )}
                    {isUnread ? (
                      <ActionButton
                        action={markNotificationReadAction.bind(null, { notificationId: notification.id })}
                        label={t("markRead")}
                        context={title}
                        pendingLabel={t("marking")}
                      />
                    ) : (
                      <span className="status status-off">{t("read")}</span>
                    )}
                  </div>
                </article>
              </li>
            );
          })}
        </ol>
      )}

      <Pagination
        previousHref={before !== undefined ? INBOX_PATH : undefined}
        nextHref={inbox.olderCursor ? listHref(INBOX_PATH, inbox.olderCursor) : undefined}
        previousLabel={t("newest")}
        nextLabel={t("older")}
        status=""
      />
    </>
  );
}
