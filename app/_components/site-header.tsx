import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LanguageSwitch } from "@/app/_components/language-switch";
import { NavLinks, type NavLink } from "@/app/_components/nav-links";
import { navItemsFor } from "@/app/_components/navigation";
import { SignOutButton } from "@/app/_components/sign-out-button";
import type { UserActor } from "@/lib/auth/actor";
import { countWaitingAppeals } from "@/lib/appeals/list-appeals";
import { can, HOME_PATH } from "@/lib/auth/permissions";
import { countUnreadNotifications } from "@/lib/notifications/count-unread-notifications";
import { SELLER_PATHS } from "@/lib/sellers/seller-paths";

/** A seller's unread notifications, shown beside Inbox on every page; nothing for other roles. */
async function unreadFor(actor: UserActor | null): Promise<number> {
  if (!actor || actor.sellerId == null || !can(actor.role, "seller-portal:use")) return 0;
  return countUnreadNotifications({ actor });
}

/** Appeals waiting for a moderator, shown beside Appeals for those who decide them. */
async function appealsWaitingFor(actor: UserActor | null): Promise<number> {
  if (!actor || !can(actor.role, "cases:decide")) return 0;
  return countWaitingAppeals({ actor });
}

const APPEALS_PATH = "/moderator/appeals";

export async function SiteHeader({ actor }: { actor: UserActor | null }) {
  const [t, unread, appealsWaiting] = await Promise.all([getTranslations(), unreadFor(actor), appealsWaitingFor(actor)]);
  const links: NavLink[] = actor
    ? navItemsFor(actor.role).map((item) => ({
        href: item.href,
        label: t(`nav.${item.label}`),
        badge:
          item.href === SELLER_PATHS.inbox && unread > 0
            ? { count: unread, label: t("nav.inboxUnread", { count: unread }) }
            : item.href === APPEALS_PATH && appealsWaiting > 0
              ? { count: appealsWaiting, label: t("nav.appealsWaiting", { count: appealsWaiting }) }
              : undefined,
      }))
    : [];
  return (
    <header className="site-header">
      <div className="site-header-inner">
        <Link href={actor ? HOME_PATH[actor.role] : "/sign-in"} className="brand">
          <span className="brand-mark" aria-hidden="true" />
          {t("app.name")}
        </Link>
        {actor && <NavLinks links={links} label={t("nav.label")} />}
        <div className="site-header-tools">
          {actor && (
            <p className="account">
              <span className="visually-hidden">{t("header.signedInAs")} </span>
              <span className="account-email">{actor.label}</span>
              <span className="role-badge">{t(`roles.${actor.role}`)}</span>
            </p>
          )}
          <LanguageSwitch />
          {actor && (
            <Link href="/account/password" className="header-link">
              {t("header.changePassword")}
            </Link>
          )}
          {actor && <SignOutButton label={t("header.signOut")} />}
        </div>
      </div>
    </header>
  );
}
