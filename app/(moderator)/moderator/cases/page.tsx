import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { CaseStatusBadge } from "@/app/_components/case-status-badge";
import { OffsetPagination } from "@/app/_components/pagination";
import { SellerCell } from "@/app/(moderator)/moderator/_components/seller-cell";
import { Field, fieldProps } from "@/app/_components/field";
import { FilterActions, SelectFilter } from "@/app/_components/filter-controls";
import { ListTable } from "@/app/_components/list-table";
import { PageHeading } from "@/app/_components/page-heading";
import { readChoice, readPage, readParam, type SearchParams } from "@/app/_components/search-params";
import { requirePagePermission } from "@/lib/auth/session";
import { currentTime } from "@/lib/clock";
import { CASE_HOLDERS, CASE_QUEUES, CASE_SORTS, listCases } from "@/lib/cases/list-cases";

export const dynamic = "force-dynamic";

const CASES_PATH = "/moderator/cases";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("cases.casesQueue");
  return { title: t("title") };
}

export default async function CasesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePagePermission("cases:view-all");
  const params = await searchParams;
  const queue = readChoice(params, "queue", CASE_QUEUES, "active");
  const holder = readChoice(params, "holder", CASE_HOLDERS, "any");
  const sort = readChoice(params, "sort", CASE_SORTS, "recheck");
  const q = readParam(params, "q");
  const now = currentTime();
  const [list, t, format] = await Promise.all([
    listCases({ actor, filters: { queue, holder, q }, sort, page: readPage(params), now }),
    getTranslations("cases"),
    getFormatter(),
  ]);
  const query = {
    queue: queue === "active" ? undefined : queue,
    holder: holder === "any" ? undefined : holder,
    sort: sort === "recheck" ? undefined : sort,
    q,
  };
  const isFiltered = Object.values(query).some(Boolean);

  return (
    <>
      <PageHeading title={t("casesQueue.title")} intro={t("casesQueue.intro")} />

      <form
        method="get"
        action={CASES_PATH}
        className="panel filter-form"
        role="search"
        aria-label={t("casesQueue.filters.label")}
      >
        <SelectFilter
          id="cases-queue"
          name="queue"
          label={t("casesQueue.filters.queue")}
          value={queue}
          options={CASE_QUEUES.map((value) => ({ value, label: t(`casesQueue.queues.${value}`) }))}
        />
        <SelectFilter
          id="cases-holder"
          name="holder"
          label={t("casesQueue.filters.holder")}
          value={holder}
          options={CASE_HOLDERS.map((value) => ({ value, label: t(`casesQueue.holders.${value}`) }))}
        />
        <Field id="cases-q" label={t("casesQueue.filters.q")} hint={t("casesQueue.filters.qHint")}>
          <input {...fieldProps("cases-q", { hint: true })} name="q" defaultValue={q ?? ""} />
        </Field>
        <SelectFilter
          id="cases-sort"
          name="sort"
          label={t("casesQueue.filters.sort")}
          value={sort}
          options={CASE_SORTS.map((value) => ({ value, label: t(`casesQueue.sorts.${value}`) }))}
        />
        <FilterActions
          applyLabel={t("casesQueue.filters.apply")}
          clearLabel={t("casesQueue.filters.clear")}
          clearHref={CASES_PATH}
          isFiltered={isFiltered}
        />
      </form>

      <div className="section">
        <ListTable
          isEmpty={list.rows.length === 0}
          empty={t("casesQueue.empty")}
          caption={t("casesQueue.caption")}
          headings={[
            t("casesQueue.columns.case"),
            t("casesQueue.columns.seller"),
            t("casesQueue.columns.status"),
            t("casesQueue.columns.recheck"),
            t("casesQueue.columns.holder"),
            t("casesQueue.columns.letters"),
            t("casesQueue.columns.reviews"),
          ]}
          actionsLabel={t("casesQueue.open")}
        >
          {list.rows.map((row) => (
            <tr key={row.caseId}>
              <td className="cell-nowrap">#{row.caseId}</td>
              <SellerCell name={row.sellerName} externalId={row.sellerExternalId} />
              <td>
                <CaseStatusBadge status={row.status} />
                {row.status !== "REINSTATED" && <span className="muted"> · {t("dayOf", { day: row.day })}</span>}
              </td>
              <td className="cell-nowrap">
                <time dateTime={row.recheckAt.toISOString()}>{format.dateTime(row.recheckAt, { dateStyle: "medium" })}</time>
              </td>
              <td>{row.holder ?? <span className="muted">{t("casesQueue.unassigned")}</span>}</td>
              <td className="cell-number">{row.lettersAwaitingAnswer}</td>
              <td className="cell-number">{row.reviewsInScope}</td>
              <td>
                <Link
                  href={`/moderator/cases/${row.caseId}`}
                  className="button button-small"
                  aria-label={`${t("casesQueue.open")}: #${row.caseId} ${row.sellerName}`}
                >
                  {t("casesQueue.open")}
                </Link>
              </td>
            </tr>
          ))}
        </ListTable>
      </div>

      <OffsetPagination
        pathname={CASES_PATH}
        query={query}
        list={list}
        status={t("casesQueue.page", { page: list.page, pages: list.pageCount, total: list.total })}
      />
    </>
  );
}
