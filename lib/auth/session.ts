import "server-only";
import { getServerSession } from "next-auth";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { actorFromUser, type UserActor } from "@/lib/auth/actor";
import { authOptions } from "@/lib/auth/options";
import { getSessionUser } from "@/lib/auth/session-user";
import { can, type Permission } from "@/lib/auth/permissions";
import { DomainError, forbidden } from "@/lib/errors";

/** Where a user who must replace a temporary password is sent, whatever they asked for. */
export const PASSWORD_CHANGE_PATH = "/account/password";

/**
 * The signed-in user's account, re-read from the database on every request: a disabled account,
 * a changed role or a sign-out elsewhere takes effect at once, whatever the session cookie still
 * says. Cached per request.
 */
const getSessionAccount = cache(async () => {
  const session = await getServerSession(authOptions);
  return getSessionUser(session?.user?.id, session?.user?.sessionVersion);
});

/**
 * Who is signed in, including a user who must still replace a temporary password: for the header,
 * the sign-in page's redirect, the password page and the few actions open to everyone. Anything
 * that reads or changes data goes through requireActor / requirePagePermission / authorize,
 * which refuse that user until the password is changed.
 */
export const getActor = cache(async (): Promise<UserActor | null> => {
  const user = await getSessionAccount();
  return user ? actorFromUser(user) : null;
});

/** Whether the signed-in user must set a new password before anything else. */
export async function isPasswordChangeRequired(): Promise<boolean> {
  return (await getSessionAccount())?.passwordChangeRequired ?? false;
}

/** The signed-in user, unless they must first replace a temporary password (then null, as if signed out). */
export async function getActiveActor(): Promise<UserActor | null> {
  const user = await getSessionAccount();
  return user && !user.passwordChangeRequired ? actorFromUser(user) : null;
}

/** For pages: the signed-in user, or off to the sign-in page (or to set a new password first). */
export async function requireActor(): Promise<UserActor> {
  const user = await getSessionAccount();
  if (!user) redirect("/sign-in");
  if (user.passwordChangeRequired) redirect(PASSWORD_CHANGE_PATH);
  return actorFromUser(user);
}

/** For pages: a user without the permission gets a plain 404, so nothing leaks that the page exists. */
export async function requirePagePermission(permission: Permission): Promise<UserActor> {
  const actor = await requireActor();
  if (!can(actor.role, permission)) notFound();
  return actor;
}

/** For server actions and route handlers: throws a DomainError the caller maps to a result. */
export async function authorize(permission: Permission): Promise<UserActor> {
  const user = await getSessionAccount();
  if (!user) throw new DomainError("UNAUTHENTICATED", "Please sign in again");
  if (user.passwordChangeRequired) {
    throw new DomainError("FORBIDDEN", "Set a new password first", [], 0, { reason: "password_change_required" });
  }
  const actor = actorFromUser(user);
  if (!can(actor.role, permission)) throw forbidden();
  return actor;
}
