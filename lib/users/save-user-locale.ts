import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { users } from "@/db/schema";
import type { UserActor } from "@/lib/auth/actor";
import type { Locale } from "@/lib/i18n/locales";

/**
 * Remembers the signed-in user's language, so what is sent to them outside a page (e-mail) is in
 * it too. Only their own account; a preference, not a state change worth an audit entry.
 */
export async function saveUserLocale(params: { actor: UserActor; locale: Locale; now: Date }): Promise<void> {
  await db.update(users).set({ locale: params.locale, updatedAt: params.now }).where(eq(users.id, params.actor.userId));
}
