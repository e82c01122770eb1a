import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AdminOverview } from "@/app/(admin)/admin/admin-overview";
import { PageHeading } from "@/app/_components/page-heading";
import { requirePagePermission } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin");
  return { title: t("title") };
}

export default async function AdminHomePage() {
  const actor = await requirePagePermission("users:manage");
  const t = await getTranslations("admin");
  const tStatements = await getTranslations("statements");
  const tPolicy = await getTranslations("policyEditor");
  return (
    <>
      <PageHeading title={t("title")} intro={t("intro")} />
      <AdminOverview actor={actor} />
      <section aria-labelledby="admin-tools-heading" className="section">
        <h2 id="admin-tools-heading">{t("toolsHeading")}</h2>
        <ul className="link-cards">
          <li>
            <Link href="/admin/users" className="link-card">
              <span className="link-card-title">{t("usersLink")}</span>
              <span className="link-card-text">{t("usersLinkText")}</span>
            </Link>
          </li>
          <li>
            <Link href="/admin/api-keys" className="link-card">
              <span className="link-card-title">{t("apiKeysLink")}</span>
              <span className="link-card-text">{t("apiKeysLinkText")}</span>
            </Link>
          </li>
          <li>
            <Link href="/admin/audit" className="link-card">
              <span className="link-card-title">{t("auditLink")}</span>
              <span className="link-card-text">{t("auditLinkText")}</span>
            </Link>
          </li>
          <li>
            <Link href="/admin/import" className="link-card">
              <span className="link-card-title">{t("importLink")}</span>
              <span className="link-card-text">{t("importLinkText")}</span>
            </Link>
          </li>
          <li>
            <Link href="/admin/outbox" className="link-card">
              <span className="link-card-title">{t("outboxLink")}</span>
              <span className="link-card-text">{t("outboxLinkText")}</span>
            </Link>
          </li>
          <li>
            <Link href="/admin/policy" className="link-card">
              <span className="link-card-title">{tPolicy("title")}</span>
              <span className="link-card-text">{tPolicy("linkText")}</span>
            </Link>
          </li>
          <li>
            <Link href="/admin/statements" className="link-card">
              <span className="link-card-title">{tStatements("adminTitle")}</span>
              <span className="link-card-text">{tStatements("adminLinkText")}</span>
            </Link>
          </li>
        </ul>
      </section>
    </>
  );
}
