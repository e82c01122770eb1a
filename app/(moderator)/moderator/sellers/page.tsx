import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeading } from "@/app/_components/page-heading";
import { OffsetPagination } from "@/app/_components/pagination";
import { readPage, readParam, type SearchParams } from "@/app/_components/search-params";
import { requirePagePermission } from "@/lib/auth/session";
import { listSellers, type SellerListRow } from "@/lib/sellers/list-sellers";
import { currentTime } from "@/lib/clock";

export const dynamic = "force-dynamic";

const SELLERS_PATH = "/moderator/sellers";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("sellerList");
  return { title: t("title") };
}

export default async function SellersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePagePermission("sellers:view-all");
  const params = await searchParams;
  const search = readParam(params, "q");
  const [list, t, tQuality, format] = await Promise.all([
    listSellers({ actor, page: readPage(params), search, now: currentTime() }),
    getTranslations("sellerList"),
    getTranslations("quality"),
    getFormatter(),
  ]);
  const query = { q: search };
  const standing = (row: SellerListRow) =>
    row.eligible === null ? (
      <span className="muted">{t("notEvaluated")}</span>
    ) : row.eligible ? (
      t("eligible")
    ) : (
      <span className="muted">{t("notEligible")}</span>
    );

  return (
    <>
      <PageHeading title={t("title")} intro={t("intro")} />

      <form method="get" action={SELLERS_PATH} className="search-form panel" role="search">
        <label htmlFor="seller-search">{t("searchLabel")}</label>
        <input id="seller-search" name="q" type="search" defaultValue={search ?? ""} />
        <button type="submit" className="button">
          {t("search")}
        </button>
        {search && (
          <Link href={SELLERS_PATH} className="button button-quiet">
            {t("clear")}
          </Link>
        )}
      </form>

      {list.rows.length === 0 ? (
        <p className="empty section">{search ? t("noMatches", { search }) : t("empty")}</p>
      ) : (
        <div className="table-wrap section">
          <table className="table">
            <caption className="visually-hidden">{t("caption", { total: list.total })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("columns.name")}</th>
                <th scope="col">{t("columns.externalId")}</th>
                <th scope="col">{t("columns.evaluation")}</th>
                <th scope="col">{t("columns.flag")}</th>
                <th scope="col">{t("columns.case")}</th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((row) => (
                <tr key={row.id}>
                  <th scope="row">
                    <Link href={`${SELLERS_PATH}/${row.id}`} className="cell-strong">
                      {row.name}
                    </Link>
                  </th>
                  <td>
                    <code>{row.externalId}</code>
                  </td>
                  <td>{standing(row)}</td>
                  <td>
                    {row.hasOpenFlag ? (
                      <span className="status status-off">{t("openFlag")}</span>
                    ) : row.flagged ? (
                      <span className="status status-off">{t("flagged")}</span>
                    ) : (
                      <span className="muted">{t("noFlag")}</span>
                    )}
                  </td>
                  <td>
                    {row.activeCase ? (
                      <Link href={`/moderator/cases/${row.activeCase.id}`}>
                        {t("caseStatus", {
                          status: tQuality(`caseStatuses.${row.activeCase.status}`),
                          date: format.dateTime(row.activeCase.recheckAt, { dateStyle: "medium" }),
                        })}
                      </Link>
                    ) : (
                      <span className="muted">{t("noCase")}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <OffsetPagination
        pathname={SELLERS_PATH}
        query={query}
        list={list}
        status={t("pageStatus", { page: list.page, pages: list.pageCount })}
      />
    </>
  );
}
