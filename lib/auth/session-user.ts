import "server-only";
import { eq } from "drizzle-orm";
import { cache } from "react";
import { db } from "@/db";
import { users, type User } from "@/db/schema";

/**
 * The user a session cookie names, if the session still holds: the account exists, is not
 * disabled, and has not been signed out since the cookie was issued (its session version).
 * Read from the database each request (cached within one render).
 */
export const getSessionUser = cache(
  async (userId: string | undefined, sessionVersion: number | undefined): Promise<User | null> => {
    if (!userId) return null;
    const user = await db.query.users.findFirst({ where: eq(users.id, userId) });
    if (!user || user.disabledAt || user.sessionVersion !== sessionVersion) return null;
    return user;
  },
);
