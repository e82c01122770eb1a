import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { CreateUserForm } from "@/app/(admin)/admin/users/create-user-form";
import { ManageUser } from "@/app/(admin)/admin/users/manage-user";
import { PageHeading } from "@/app/_components/page-heading";
import { ListTable } from "@/app/_components/list-table";
import { OffsetPagination } from "@/app/_components/pagination";
import { readPage, readParam, type SearchParams } from "@/app/_components/search-params";
import { requirePagePermission } from "@/lib/auth/session";
import { listUsers } from "@/lib/users/list-users";

export const dynamic = "force-dynamic";

const USERS_PATH = "/admin/users";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("users");
  return { title: t("title") };
}

export default async function UsersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePagePermission("users:manage");
  const params = await searchParams;
  const search = readParam(params, "q");
  const [list, t, tRoles, format] = await Promise.all([
    listUsers({ actor, page: readPage(params), search }),
    getTranslations("users"),
    getTranslations("roles"),
    getFormatter(),
  ]);
  const query = { q: search };

  return (
    <>
      <PageHeading title={t("title")} intro={t("intro")} />

      <section aria-labelledby="create-user-heading" className="panel section">
        <h2 id="create-user-heading">{t("create.heading")}</h2>
        <CreateUserForm />
      </section>

      <section aria-labelledby="user-list-heading" className="section">
        <div className="section-heading">
          <h2 id="user-list-heading">{t("list.heading")}</h2>
          <form method="get" action={USERS_PATH} className="search-form" role="search">
            <label htmlFor="user-search">{t("list.searchLabel")}</label>
            <input id="user-search" name="q" type="search" defaultValue={search ?? ""} />
            <button type="submit" className="button">
              {t("list.search")}
            </button>
            {search && (
              <Link href={USERS_PATH} className="button button-quiet">
                {t("list.clear")}
              </Link>
            )}
          </form>
        </div>

        <ListTable
          isEmpty={list.rows.length === 0}
          empty={search ? t("list.noMatches", { search }) : t("list.empty")}
          caption={t("list.caption", { total: list.total })}
          headings={[t("list.email"), t("list.name"), t("list.role"), t("list.seller"), t("list.status"), t("list.created")]}
          actionsLabel={t("list.actions")}
        >
          {list.rows.map((user) => {
            const isSelf = user.id === actor.userId;
            return (
              <tr key={user.id}>
                <th scope="row" className="cell-strong">
                  {user.email}
                  {isSelf && <span className="tag">{t("list.you")}</span>}
                </th>
                <td>{user.name}</td>
                <td>{tRoles(user.role)}</td>
                <td>
                  {user.sellerExternalId ? (
                    <>
                      {user.sellerName} <code>{user.sellerExternalId}</code>
                    </>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
                <td>
                  {user.disabledAt ? (
                    <span className="status status-off">{t("list.disabled")}</span>
                  ) : (
                    <span className="status status-on">{t("list.active")}</span>
                  )}
                  {user.passwordChangeRequired && <span className="tag">{t("list.passwordPending")}</span>}
                </td>
                <td className="cell-nowrap">
                  <time dateTime={user.createdAt.toISOString()}>{format.dateTime(user.createdAt, { dateStyle: "medium" })}</time>
                </td>
                <td className="cell-actions">
                  <ManageUser
                    user={{
                      id: user.id,
                      email: user.email,
                      role: user.role,
                      isDisabled: user.disabledAt != null,
                      sellerExternalId: user.sellerExternalId,
                      isSelf,
                    }}
                  />
                </td>
              </tr>
            );
          })}
        </ListTable>

        <OffsetPagination
          pathname={USERS_PATH}
          query={query}
          list={list}
          status={t("list.pageStatus", { page: list.page, pages: list.pageCount })}
        />
      </section>
    </>
  );
}
