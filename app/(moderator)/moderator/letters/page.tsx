import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { OffsetPagination } from "@/app/_components/pagination";
import { SellerCell } from "@/app/(moderator)/moderator/_components/seller-cell";
import { ListTable } from "@/app/_components/list-table";
import { PageHeading } from "@/app/_components/page-heading";
import { FilterActions, SelectFilter } from "@/app/_components/filter-controls";
import { readChoice, readPage, readParam, type SearchParams } from "@/app/_components/search-params";
import { requirePagePermission } from "@/lib/auth/session";
import { currentTime } from "@/lib/clock";
import { CASE_HOLDERS } from "@/lib/cases/list-cases";
import { LETTER_SORTS, listLettersAwaitingAnswer } from "@/lib/cases/list-letters-awaiting";

export const dynamic = "force-dynamic";

const LETTERS_PATH = "/moderator/letters";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("cases.lettersQueue");
  return { title: t("title") };
}

export default async function LettersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePagePermission("letters:answer");
  const params = await searchParams;
  const filters = {
    isOverdueOnly: readParam(params, "overdue") === "1",
    holder: readChoice(params, "holder", CASE_HOLDERS, "any"),
  };
  const sort = readChoice(params, "sort", LETTER_SORTS, "oldest");
  const [list, t, format] = await Promise.all([
    listLettersAwaitingAnswer({ actor, filters, sort, page: readPage(params), now: currentTime() }),
    getTranslations("cases"),
    getFormatter(),
  ]);
  const day = (date: Date) => format.dateTime(date, { dateStyle: "medium" });
  const query = {
    overdue: filters.isOverdueOnly ? "1" : undefined,
    holder: filters.holder === "any" ? undefined : filters.holder,
    sort: sort === "oldest" ? undefined : sort,
  };
  const isFiltered = Object.values(query).some(Boolean);

  return (
    <>
      <PageHeading title={t("lettersQueue.title")} intro={t("lettersQueue.intro", { days: list.answerDays })} />
      <form
        method="get"
        action={LETTERS_PATH}
        className="panel filter-form"
        role="search"
        aria-label={t("lettersQueue.filters.label")}
      >
        <SelectFilter
          id="letters-overdue"
          name="overdue"
          label={t("lettersQueue.filters.show")}
          value={query.overdue ?? ""}
          options={[
            { value: "", label: t("lettersQueue.filters.all") },
            { value: "1", label: t("lettersQueue.filters.overdueOnly") },
          ]}
        />
        <SelectFilter
          id="letters-holder"
          name="holder"
          label={t("casesQueue.filters.holder")}
          value={filters.holder}
          options={CASE_HOLDERS.map((value) => ({ value, label: t(`casesQueue.holders.${value}`) }))}
        />
        <SelectFilter
          id="letters-sort"
          name="sort"
          label={t("casesQueue.filters.sort")}
          value={sort}
          options={LETTER_SORTS.map((value) => ({ value, label: t(`lettersQueue.sorts.${value}`) }))}
        />
        <FilterActions
          applyLabel={t("casesQueue.filters.apply")}
          clearLabel={t("casesQueue.filters.clear")}
          clearHref={LETTERS_PATH}
          isFiltered={isFiltered}
        />
      </form>
      <div className="section">
        <ListTable
          isEmpty={list.rows.length === 0}
          empty={t("lettersQueue.empty")}
          caption={t("lettersQueue.caption")}
          headings={[
            t("lettersQueue.columns.seller"),
            t("lettersQueue.columns.letter"),
            t("lettersQueue.columns.submitted"),
            t("lettersQueue.columns.due"),
            t("lettersQueue.columns.holder"),
          ]}
          actionsLabel={t("lettersQueue.read")}
        >
          {list.rows.map((letter) => (
            <tr key={letter.letterId}>
              <SellerCell name={letter.sellerName} externalId={letter.sellerExternalId} />
              <td>{t("lettersQueue.version", { version: letter.version, items: letter.items })}</td>
              <td className="cell-nowrap">{day(letter.submittedAt)}</td>
              <td className="cell-nowrap">
                {day(letter.answerDueAt)}
                {letter.isOverdue && <span className="badge-danger"> {t("lettersQueue.overdue")}</span>}
              </td>
              <td>{letter.holder ?? <span className="muted">{t("casesQueue.unassigned")}</span>}</td>
              <td>
                <Link href={`/moderator/cases/${letter.caseId}#letter-${letter.letterId}`} className="button button-small">
                  {t("lettersQueue.read")}
                </Link>
              </td>
            </tr>
          ))}
        </ListTable>
      </div>
      <OffsetPagination
        pathname={LETTERS_PATH}
        query={query}
        list={list}
        status={t("lettersQueue.page", { page: list.page, pages: list.pageCount, total: list.total })}
      />
    </>
  );
}
