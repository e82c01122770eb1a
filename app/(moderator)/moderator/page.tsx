import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ModerationSummary } from "@/app/_components/moderation-summary";
import { PageHeading } from "@/app/_components/page-heading";
import { requirePagePermission } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("moderation");
  return { title: t("title") };
}

export default async function ModeratorHomePage() {
  const actor = await requirePagePermission("cases:view-all");
  const t = await getTranslations("moderation");
  return (
    <>
      <PageHeading title={t("title")} intro={t("intro")} />
      <ModerationSummary actor={actor} heading={t("queueHeading")} />
    </>
  );
}
