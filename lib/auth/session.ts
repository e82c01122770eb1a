import "server-only";
import { getServerSession } from "next-auth";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { actorFromUser, type UserActor } from "@/lib/auth/actor";
import { authOptions } from "@/lib/auth/options";
import { getSessionUser } from "@/lib/auth/session-user";
import { can, type Permission } from "@/lib/auth/permissions";
import { DomainError, forbidden } from "@/lib/errors";

/**
 * The signed-in user, re-read from the database on every request: a disabled account, a changed
 * role or a sign-out elsewhere takes effect at once, whatever the session cookie still says.
 * Cached per request.
 */
export const getActor = cache(async (): Promise<UserActor | null> => {
  const session = await getServerSession(authOptions);
  const user = await getSessionUser(session?.user?.id, session?.user?.sessionVersion);
  return user ? actorFromUser(user) : null;
});

/** For pages: the signed-in user, or off to the sign-in page. */
export async function requireActor(): Promise<UserActor> {
  const actor = await getActor();
  if (!actor) redirect("/sign-in");
  return actor;
}

/** For pages: a user without the permission gets a plain 404, so nothing leaks that the page exists. */
export async function requirePagePermission(permission: Permission): Promise<UserActor> {
  const actor = await requireActor();
  if (!can(actor.role, permission)) notFound();
  return actor;
}

/** For server actions and route handlers: throws a DomainError the caller maps to a result. */
export async function authorize(permission: Permission): Promise<UserActor> {
  const actor = await getActor();
  if (!actor) throw new DomainError("UNAUTHENTICATED", "Please sign in again");
  if (!can(actor.role, permission)) throw forbidden();
  return actor;
}
