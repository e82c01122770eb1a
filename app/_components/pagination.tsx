import Link from "next/link";
import { useTranslations } from "next-intl";
import { neighbourPages } from "@/lib/search/offset-paging";

/** A link to a list with its filters and position; empty values are left out. */
export function listHref(pathname: string, query: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== "") params.set(key, String(value));
  const search = params.toString();
  return search ? `${pathname}?${search}` : pathname;
}

/** The link to a numbered page of a list, keeping the list's filters. */
export function pageHref(pathname: string, query: Record<string, string | undefined>, page: number): string {
  return listHref(pathname, { ...query, page: page > 1 ? page : undefined });
}

export function Pagination(props: {
  previousHref?: string;
  nextHref?: string;
  previousLabel: string;
  nextLabel: string;
  status: string;
}) {
  const t = useTranslations("pagination");
  if (!props.previousHref && !props.nextHref) return null;
  return (
    <nav className="pagination" aria-label={t("label")}>
      {props.previousHref ? (
        <Link href={props.previousHref} rel="prev" className="button button-quiet">
          ← {props.previousLabel}
        </Link>
      ) : (
        <span />
      )}
      <span className="pagination-status">{props.status}</span>
      {props.nextHref ? (
        <Link href={props.nextHref} rel="next" className="button button-quiet">
          {props.nextLabel} →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}

/** Previous/next links of a numbered list (lib/search/offset-paging.ts), keeping its filters; `status` says "page N of M". */
export function OffsetPagination(props: {
  pathname: string;
  query: Record<string, string | undefined>;
  list: { page: number; pageCount: number };
  status: string;
}) {
  const t = useTranslations("pagination");
  const { previous, next } = neighbourPages(props.list);
  return (
    <Pagination
      previousHref={previous === undefined ? undefined : pageHref(props.pathname, props.query, previous)}
      nextHref={next === undefined ? undefined : pageHref(props.pathname, props.query, next)}
      previousLabel={t("previous")}
      nextLabel={t("next")}
      status={props.status}
    />
  );
}
