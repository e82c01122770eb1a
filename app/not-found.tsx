import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <div className="message-page">
      <h1>{t("title")}</h1>
      <p className="lead">{t("body")}</p>
      <p>
        <Link href="/" className="button">
          {t("home")}
        </Link>
      </p>
    </div>
  );
}
