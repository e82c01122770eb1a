import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { FlagReasonList } from "@/app/(moderator)/moderator/_components/flag-reason-text";
import { OffsetPagination } from "@/app/_components/pagination";
import { SellerCell } from "@/app/(moderator)/moderator/_components/seller-cell";
import { Field, fieldProps } from "@/app/_components/field";
import { FilterActions, SelectFilter } from "@/app/_components/filter-controls";
import { ListTable } from "@/app/_components/list-table";
import { PageHeading } from "@/app/_components/page-heading";
import { readChoice, readPage, readParam, type SearchParams } from "@/app/_components/search-params";
import { FLAG_CODES } from "@/db/enums";
import { requirePagePermission } from "@/lib/auth/session";
import { FLAG_SORTS, listOpenFlags } from "@/lib/cases/list-open-flags";

export const dynamic = "force-dynamic";

const FLAGS_PATH = "/moderator/flags";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("cases.flagsQueue");
  return { title: t("title") };
}

export default async function FlagsQueuePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePagePermission("flags:triage");
  const params = await searchParams;
  const filters = { code: readChoice(params, "code", FLAG_CODES), q: readParam(params, "q") };
  const sort = readChoice(params, "sort", FLAG_SORTS, "oldest");
  const [list, t, tQuality, format] = await Promise.all([
    listOpenFlags({ actor, filters, sort, page: readPage(params) }),
    getTranslations("cases"),
    getTranslations("quality"),
    getFormatter(),
  ]);
  const isFiltered = Boolean(filters.code || filters.q);
  const query = { code: filters.code, q: filters.q, sort: sort === "oldest" ? undefined : sort };

  return (
    <>
      <PageHeading title={t("flagsQueue.title")} intro={t("flagsQueue.intro")} />

      <form
        method="get"
        action={FLAGS_PATH}
        className="panel filter-form"
        role="search"
        aria-label={t("flagsQueue.filters.label")}
      >
        <SelectFilter
          id="flags-code"
          name="code"
          label={t("flagsQueue.filters.code")}
          value={filters.code ?? ""}
          options={[
            { value: "", label: t("flagsQueue.filters.anyCode") },
            ...FLAG_CODES.map((code) => ({ value: code, label: tQuality(`flagCodes.${code}`) })),
          ]}
        />
        <Field id="flags-q" label={t("flagsQueue.filters.q")} hint={t("flagsQueue.filters.qHint")}>
          <input {...fieldProps("flags-q", { hint: true })} name="q" defaultValue={filters.q ?? ""} />
        </Field>
        <SelectFilter
          id="flags-sort"
          name="sort"
          label={t("flagsQueue.filters.sort")}
          value={sort}
          options={FLAG_SORTS.map((value) => ({ value, label: t(`flagsQueue.sorts.${value}`) }))}
        />
        <FilterActions
          applyLabel={t("flagsQueue.filters.apply")}
          clearLabel={t("flagsQueue.filters.clear")}
          clearHref={FLAGS_PATH}
          isFiltered={isFiltered}
        />
      </form>

      <div className="section">
        <ListTable
          isEmpty={list.rows.length === 0}
          empty={isFiltered ? t("flagsQueue.noMatches") : t("flagsQueue.empty")}
          caption={t("flagsQueue.caption")}
          headings={[
            t("flagsQueue.columns.seller"),
            t("flagsQueue.columns.reasons"),
            t("flagsQueue.columns.flagged"),
            t("flagsQueue.columns.earlierCases"),
          ]}
          actionsLabel={t("flagsQueue.triage")}
        >
          {list.rows.map((flag) => (
            <tr key={flag.flagId}>
              <SellerCell
                name={flag.sellerName}
                externalId={flag.sellerExternalId}
                href={`/moderator/sellers/${flag.sellerId}`}
              />
              <td className="cell-wrap">
                <FlagReasonList reasons={flag.reasons} />
              </td>
              <td className="cell-nowrap">
                <time dateTime={flag.createdAt.toISOString()}>{format.dateTime(flag.createdAt, { dateStyle: "medium" })}</time>
              </td>
              <td className="cell-number">{flag.earlierCases}</td>
              <td>
                <Link
                  href={`/moderator/flags/${flag.flagId}`}
                  className="button button-small"
                  aria-label={`${t("flagsQueue.triage")}: ${flag.sellerName}`}
                >
                  {t("flagsQueue.triage")}
                </Link>
              </td>
            </tr>
          ))}
        </ListTable>
      </div>

      <OffsetPagination
        pathname={FLAGS_PATH}
        query={query}
        list={list}
        status={t("flagsQueue.page", { page: list.page, pages: list.pageCount, total: list.total })}
      />
    </>
  );
}
