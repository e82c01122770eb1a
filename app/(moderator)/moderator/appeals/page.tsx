import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { SellerCell } from "@/app/(moderator)/moderator/_components/seller-cell";
import { ListTable } from "@/app/_components/list-table";
import { PageHeading } from "@/app/_components/page-heading";
import { OffsetPagination } from "@/app/_components/pagination";
import { readPage, type SearchParams } from "@/app/_components/search-params";
import { listAppeals } from "@/lib/appeals/list-appeals";
import { requirePagePermission } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

const APPEALS_PATH = "/moderator/appeals";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("appeals.queue");
  return { title: t("title") };
}

/** Sellers' appeals: the waiting ones first, the longest-waiting first; then the decided ones. */
export default async function AppealsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePagePermission("cases:decide");
  const [list, t, format] = await Promise.all([
    listAppeals({ actor, page: readPage(await searchParams) }),
    getTranslations("appeals"),
    getFormatter(),
  ]);
  const day = (date: Date) => format.dateTime(date, { dateStyle: "medium" });

  return (
    <>
      <PageHeading title={t("queue.title")} intro={t("queue.intro")} />
      <div className="section">
        <ListTable
          isEmpty={list.rows.length === 0}
          empty={t("queue.empty")}
          caption={t("queue.caption")}
          headings={[
            t("queue.columns.seller"),
            t("queue.columns.subject"),
            t("queue.columns.submitted"),
            t("queue.columns.status"),
            t("queue.columns.decided"),
          ]}
          actionsLabel={t("queue.open")}
        >
          {list.rows.map((appeal) => (
            <tr key={appeal.appealId}>
              <SellerCell name={appeal.sellerName} externalId={appeal.sellerExternalId} />
              <td>{t(`subjects.${appeal.subject}`)}</td>
              <td className="cell-nowrap">{day(appeal.submittedAt)}</td>
              <td>{t(`statuses.${appeal.status}`)}</td>
              <td>{appeal.decidedAt ? `${day(appeal.decidedAt)} · ${appeal.decidedBy ?? ""}` : ""}</td>
              <td>
                <Link
                  href={`${APPEALS_PATH}/${appeal.appealId}`}
                  className="button button-small"
                  aria-label={`${t("queue.open")}: ${t("detail.title", { id: appeal.appealId })}`}
                >
                  {t("queue.open")}
                </Link>
              </td>
            </tr>
          ))}
        </ListTable>
      </div>
      <OffsetPagination
        pathname={APPEALS_PATH}
        query={{}}
        list={list}
        status={t("queue.page", { page: list.page, pages: list.pageCount, total: list.total })}
      />
    </>
  );
}
