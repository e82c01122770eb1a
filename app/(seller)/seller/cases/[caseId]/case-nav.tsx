import Link from "next/link";
import { useTranslations } from "next-intl";
import { SELLER_PATHS } from "@/lib/sellers/seller-paths";

export const CASE_PAGES = ["overview", "reviews", "letter"] as const;
export type CasePage = (typeof CASE_PAGES)[number];

const HREF: Record<CasePage, (caseId: number) => string> = {
  overview: SELLER_PATHS.case,
  reviews: SELLER_PATHS.reviews,
  letter: SELLER_PATHS.letter,
};

/** The three pages of one exclusion case, shared by all three: the current one is marked for screen readers too. */
export function CaseNav({ caseId, current }: { caseId: number; current: CasePage }) {
  const t = useTranslations("sellerCase.nav");
  return (
    <nav aria-label={t("label", { id: caseId })} className="case-nav">
      {CASE_PAGES.map((page) => (
        <Link
          key={page}
          href={HREF[page](caseId)}
          className={page === current ? "button button-small" : "button button-quiet button-small"}
          aria-current={page === current ? "page" : undefined}
        >
          {t(page)}
        </Link>
      ))}
    </nav>
  );
}
