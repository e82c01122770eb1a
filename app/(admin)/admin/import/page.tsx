import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { ImportForm } from "@/app/(admin)/admin/import/import-form";
import { PageHeading } from "@/app/_components/page-heading";
import { EVENT_TYPES } from "@/db/enums";
import { requirePagePermission } from "@/lib/auth/session";
import { CSV_FIELDS_BY_TYPE, MAX_CSV_ROWS } from "@/lib/ingest/csv-events";
import { MAX_CSV_UPLOAD_MIB } from "@/lib/ingest/import-events-csv-input";

export const dynamic = "force-dynamic";

const EXAMPLE_HREF = "/admin/import/example.csv";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("import");
  return { title: t("title") };
}

export default async function ImportPage() {
  await requirePagePermission("imports:run");
  const [t, format] = await Promise.all([getTranslations("import"), getFormatter()]);
  const code = (chunks: ReactNode) => <code>{chunks}</code>;

  return (
    <>
      <PageHeading title={t("title")} intro={t("intro")} />

      <section aria-labelledby="import-upload-heading" className="panel section">
        <h2 id="import-upload-heading">{t("upload.heading")}</h2>
        <ImportForm maxRows={MAX_CSV_ROWS} />
      </section>

      <section aria-labelledby="import-format-heading" className="section">
        <h2 id="import-format-heading">{t("format.heading")}</h2>
        <ul>
          <li>{t.rich("format.header", { code })}</li>
          <li>{t.rich("format.cells", { code })}</li>
          <li>{t.rich("format.values", { code })}</li>
          <li>{t("format.order")}</li>
          <li>{t("format.allOrNothing", { maxRows: format.number(MAX_CSV_ROWS), maxMiB: MAX_CSV_UPLOAD_MIB })}</li>
        </ul>
        <p>
          <a href={EXAMPLE_HREF} download className="button">
            {t("format.example")}
          </a>
        </p>
        <div className="table-wrap section">
          <table className="table table-dense">
            <caption className="visually-hidden">{t("format.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("format.type")}</th>
                <th scope="col">{t("format.required")}</th>
                <th scope="col">{t("format.optional")}</th>
              </tr>
            </thead>
            <tbody>
              {EVENT_TYPES.map((type) => (
                <tr key={type}>
                  <th scope="row">
                    <code>{type}</code>
                  </th>
                  <td>{columnList(CSV_FIELDS_BY_TYPE[type].filter((field) => field.isRequired))}</td>
                  <td>{columnList(CSV_FIELDS_BY_TYPE[type].filter((field) => !field.isRequired))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}

function columnList(fields: { name: string }[]) {
  if (fields.length === 0) return <span className="muted">—</span>;
  return fields.map((field, position) => (
    <span key={field.name}>
      {position > 0 && ", "}
      <code>{field.name}</code>
    </span>
  ));
}
