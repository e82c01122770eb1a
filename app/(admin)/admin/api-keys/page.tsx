import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { CreateApiKeyForm } from "@/app/(admin)/admin/api-keys/create-api-key-form";
import { RevokeApiKey } from "@/app/(admin)/admin/api-keys/revoke-api-key";
import { PageHeading } from "@/app/_components/page-heading";
import { ListTable } from "@/app/_components/list-table";
import { OffsetPagination } from "@/app/_components/pagination";
import { readPage, type SearchParams } from "@/app/_components/search-params";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { requirePagePermission } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

const API_KEYS_PATH = "/admin/api-keys";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("apiKeys");
  return { title: t("title") };
}

export default async function ApiKeysPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePagePermission("api-keys:manage");
  const [list, t, format] = await Promise.all([
    listApiKeys({ actor, page: readPage(await searchParams) }),
    getTranslations("apiKeys"),
    getFormatter(),
  ]);
  const dateTime = (date: Date) => (
    <time dateTime={date.toISOString()}>{format.dateTime(date, { dateStyle: "medium", timeStyle: "short" })}</time>
  );

  return (
    <>
      <PageHeading title={t("title")} intro={t("intro")} />

      <section aria-labelledby="create-api-key-heading" className="panel section">
        <h2 id="create-api-key-heading">{t("create.heading")}</h2>
        <CreateApiKeyForm />
      </section>

      <section aria-labelledby="api-key-list-heading" className="section">
        <div className="section-heading">
          <h2 id="api-key-list-heading">{t("list.heading")}</h2>
        </div>

        <ListTable
          isEmpty={list.rows.length === 0}
          empty={t("list.empty")}
          caption={t("list.caption", { total: list.total })}
          headings={[
            t("list.name"),
            t("list.prefix"),
            t("list.createdBy"),
            t("list.created"),
            t("list.lastUsed"),
            t("list.status"),
          ]}
          actionsLabel={t("list.actions")}
        >
          {list.rows.map((key) => (
            <tr key={key.id}>
              <th scope="row" className="cell-strong">
                {key.name}
              </th>
              <td className="cell-nowrap">
                <code>{key.prefix}…</code>
              </td>
              <td>{key.createdByEmail ?? <span className="muted">{t("list.commandLine")}</span>}</td>
              <td className="cell-nowrap">{dateTime(key.createdAt)}</td>
              <td>{key.lastUsedAt ? dateTime(key.lastUsedAt) : <span className="muted">{t("list.neverUsed")}</span>}</td>
              <td>
                {key.revokedAt ? (
                  <>
                    <span className="status status-off">{t("list.revoked")}</span>
                    <br />
                    <span className="muted">{dateTime(key.revokedAt)}</span>
                  </>
                ) : (
                  <span className="status status-on">{t("list.active")}</span>
                )}
              </td>
              <td className="cell-actions">{!key.revokedAt && <RevokeApiKey apiKey={{ id: key.id, name: key.name }} />}</td>
            </tr>
          ))}
        </ListTable>

        <OffsetPagination
          pathname={API_KEYS_PATH}
          query={{}}
          list={list}
          status={t("list.pageStatus", { page: list.page, pages: list.pageCount })}
        />
      </section>
    </>
  );
}
