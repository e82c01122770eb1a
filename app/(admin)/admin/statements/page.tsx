import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeading } from "@/app/_components/page-heading";
import { requirePagePermission } from "@/lib/auth/session";
import { addDays } from "@/lib/cases/case-machine";
import { currentTime } from "@/lib/clock";
import { env } from "@/lib/env";
import { localDate } from "@/lib/quality/business-hours";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("statements");
  return { title: t("adminTitle") };
}

/**
 * The statements of reasons of a range of days, downloaded as one JSON file for the DSA
 * Transparency Database (GET /admin/statements/export; a bad range answers 400 naming the field).
 */
export default async function AdminStatementsPage() {
  await requirePagePermission("statements:export");
  const t = await getTranslations("statements");
  const now = currentTime();
  const to = localDate(now, env.PORTAL_TIME_ZONE);
  const from = localDate(addDays(now, -30), env.PORTAL_TIME_ZONE);
  return (
    <>
      <PageHeading title={t("adminTitle")} intro={t("adminIntro")} />
      <form method="get" action="/admin/statements/export" className="panel section form-stack">
        <p className="muted" id="statements-range-hint">
          {t("rangeHint")}
        </p>
        <div className="field">
          <label htmlFor="statements-from">{t("from")}</label>
          <input
            id="statements-from"
            name="from"
            type="date"
            required
            defaultValue={from}
            aria-describedby="statements-range-hint"
          />
        </div>
        <div className="field">
          <label htmlFor="statements-to">{t("to")}</label>
          <input id="statements-to" name="to" type="date" required defaultValue={to} aria-describedby="statements-range-hint" />
        </div>
        <button type="submit" className="button">
          {t("download")}
        </button>
      </form>
    </>
  );
}
