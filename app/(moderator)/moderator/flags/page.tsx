import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { FlagReasonText } from "@/app/(moderator)/moderator/_components/flag-reason-text";
import { QueuePagination } from "@/app/(moderator)/moderator/_components/queue-pagination";
import { Field, fieldProps } from "@/app/_components/field";
import { ListTable } from "@/app/_components/list-table";
import { PageHeading } from "@/app/_components/page-heading";
import { readPage, readParam, type SearchParams } from "@/app/_components/search-params";
import { FLAG_CODES, type FlagCode } from "@/db/enums";
import { requirePagePermission } from "@/lib/auth/session";
import { FLAG_SORTS, listOpenFlags, type FlagSort } from "@/lib/cases/list-open-flags";

export const dynamic = "force-dynamic";

const FLAGS_PATH = "/moderator/flags";

const oneOf = <T extends string>(values: readonly T[], value: string | undefined): T | undefined =>
  (values as readonly string[]).includes(value ?? "") ? (value as T) : undefined;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("cases.flagsQueue");
  return { title: t("title") };
}

export default async function FlagsQueuePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePagePermission("flags:triage");
  const params = await searchParams;
  const filters = { code: oneOf<FlagCode>(FLAG_CODES, readParam(params, "code")), q: readParam(params, "q") };
  const sort = oneOf<FlagSort>(FLAG_SORTS, readParam(params, "sort")) ?? "oldest";
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

      <form method="get" action={FLAGS_PATH} className="panel filter-form" role="search" aria-label={t("flagsQueue.filters.label")}>
        <Field id="flags-code" label={t("flagsQueue.filters.code")}>
          <select {...fieldProps("flags-code")} name="code" defaultValue={filters.code ?? ""}>
            <option value="">{t("flagsQueue.filters.anyCode")}</option>
            {FLAG_CODES.map((code) => (
              <option key={code} value={code}>
                {tQuality(`flagCodes.${code}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="flags-q" label={t("flagsQueue.filters.q")} hint={t("flagsQueue.filters.qHint")}>
          <input {...fieldProps("flags-q", { hint: true })} name="q" defaultValue={filters.q ?? ""} />
        </Field>
        <Field id="flags-sort" label={t("flagsQueue.filters.sort")}>
          <select {...fieldProps("flags-sort")} name="sort" defaultValue={sort}>
            {FLAG_SORTS.map((value) => (
              <option key={value} value={value}>
                {t(`flagsQueue.sorts.${value}`)}
              </option>
            ))}
          </select>
        </Field>
        <div className="filter-actions">
          <button type="submit" className="button">
            {t("flagsQueue.filters.apply")}
          </button>
          {isFiltered && (
            <Link href={FLAGS_PATH} className="button button-quiet">
              {t("flagsQueue.filters.clear")}
            </Link>
          )}
        </div>
      </form>

      <div className="section">
        <ListTable
          isEmpty={list.rows.length === 0}
          empty={isFiltered ? t("flagsQueue.noMatches") : t("flagsQueue.empty")}
          caption={t("flagsQueue.caption")}
          headings={[t("flagsQueue.columns.seller"), t("flagsQueue.columns.reasons"), t("flagsQueue.columns.flagged"), t("flagsQueue.columns.earlierCases")]}
          actionsLabel={t("flagsQueue.triage")}
        >
          {list.rows.map((flag) => (
            <tr key={flag.flagId}>
              <td>
                <Link href={`/moderator/sellers/${flag.sellerId}`} className="cell-strong">
                  {flag.sellerName}
                </Link>
                <br />
                <code className="muted">{flag.sellerExternalId}</code>
              </td>
              <td className="cell-wrap">
                <ul className="plain-list">
                  {flag.reasons.map((reason, index) => (
                    <li key={index}>
                      <FlagReasonText reason={reason} />
                    </li>
                  ))}
                </ul>
              </td>
              <td className="cell-nowrap">
                <time dateTime={flag.createdAt.toISOString()}>{format.dateTime(flag.createdAt, { dateStyle: "medium" })}</time>
              </td>
              <td className="cell-number">{flag.earlierCases}</td>
              <td>
                <Link href={`/moderator/flags/${flag.flagId}`} className="button button-small" aria-label={`${t("flagsQueue.triage")}: ${flag.sellerName}`}>
                  {t("flagsQueue.triage")}
                </Link>
              </td>
            </tr>
          ))}
        </ListTable>
      </div>

      <QueuePagination
        pathname={FLAGS_PATH}
        query={query}
        list={list}
        status={t("flagsQueue.page", { page: list.page, pages: list.pageCount, total: list.total })}
      />
    </>
  );
}
