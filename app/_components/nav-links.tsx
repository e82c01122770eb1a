"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** `badge`: a count beside the link (the unread messages), with words for screen readers, e.g. "(2 unread)". */
export type NavLink = { href: string; label: string; badge?: { count: number; label: string } };

/** The current section is the link with the longest matching prefix ("/admin/users" over "/admin"). */
function currentHref(links: NavLink[], pathname: string): string | undefined {
  return links
    .filter((link) => pathname === link.href || pathname.startsWith(`${link.href}/`))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
}

export function NavLinks({ links, label }: { links: NavLink[]; label: string }) {
  const pathname = usePathname();
  const current = currentHref(links, pathname);
  return (
    <nav aria-label={label} className="site-nav">
      <ul>
        {links.map((link) => (
          <li key={link.href}>
            <Link href={link.href} aria-current={link.href === current ? "page" : undefined}>
              {link.label}
              {link.badge && (
                <>
                  <span className="nav-badge" aria-hidden="true">
                    {link.badge.count}
                  </span>
                  <span className="visually-hidden"> {link.badge.label}</span>
                </>
              )}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
