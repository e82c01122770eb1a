import { useTranslations } from "next-intl";
import { pageHref, Pagination } from "@/app/_components/pagination";
import type { QueuePage } from "@/lib/cases/list-queue-page";

/** Previous/next links of a moderation queue, keeping its filters, with "page N of M · total". */
export function QueuePagination(props: {
  pathname: string;
  query: Record<string, string | undefined>;
  list: QueuePage<unknown>;
  status: string;
}) {
  const t = useTranslations("pagination");
  const { list } = props;
  return (
    <Pagination
      previousHref={list.page > 1 ? pageHref(props.pathname, props.query, list.page - 1) : undefined}
      nextHref={list.page < list.pageCount ? pageHref(props.pathname, props.query, list.page + 1) : undefined}
      previousLabel={t("previous")}
      nextLabel={t("next")}
      status={props.status}
    />
  );
}
