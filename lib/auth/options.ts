import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { clientAddress } from "@/lib/auth/client-address";
import { endSessions } from "@/lib/auth/end-sessions";
import { SIGN_IN_ERRORS } from "@/lib/auth/sign-in-errors";
import { getSessionUser } from "@/lib/auth/session-user";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { env } from "@/lib/env";
import { logger, singleLine } from "@/lib/logger";
import { currentTime } from "@/lib/clock";

/** A session cookie whose account was signed out everywhere or disabled after it was issued. */
class VoidedSessionError extends Error {
  constructor() {
    super("a session signed out or disabled since it was issued was refused");
  }
}

/** A moderator's working day; the user is re-read from the database on every request anyway. */
const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

export const authOptions: NextAuthOptions = {
  secret: env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  // next-auth sets HttpOnly, SameSite=Lax cookies, and the Secure flag with __Secure- names when
  // NEXTAUTH_URL is https.
  useSecureCookies: env.NEXTAUTH_URL?.startsWith("https://") ?? false,
  providers: [
    CredentialsProvider({
      name: "E-mail and password",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, request) {
        if (!credentials?.email || !credentials.password) return null;
        const result = await signInWithPassword({
          email: credentials.email,
          password: credentials.password,
          ip: clientAddress(request?.headers ?? {}),
          now: currentTime(),
        });
        if (result.status === "rate-limited") throw new Error(SIGN_IN_ERRORS.rateLimited);
        if (result.status !== "ok") return null;
        const { id, email, name, role, sellerId, sessionVersion } = result.user;
        return { id, email, name, role, sellerId, sessionVersion };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.role = user.role;
        token.sellerId = user.sellerId;
        token.sessionVersion = user.sessionVersion;
        return token;
      }
      // Every later read of the session (GET /api/auth/session, getServerSession): one signed out
      // or disabled since is void, so next-auth answers as signed out and clears the cookie.
      // A database that cannot answer says nothing about the session: next-auth would clear the
      // cookie of everyone who asked during an outage, so the token stands (pages and actions
      // re-read the user on every request and fail on their own).
      const current = await getSessionUser(token.uid, token.sessionVersion).catch((error: unknown) => {
        logger.warn({ reason: singleLine(error instanceof Error ? error.message : String(error)) }, "session check failed");
        return undefined;
      });
      if (current === null) throw new VoidedSessionError();
      return token;
    },
    session({ session, token }) {
      session.user = {
        id: token.uid,
        email: token.email ?? "",
        name: token.name ?? "",
        role: token.role,
        sellerId: token.sellerId,
        sessionVersion: token.sessionVersion,
      };
      return session;
    },
  },
  logger: {
    // One line each, escaped, instead of next-auth's stack traces on the console: a tampered or
    // expired cookie is a routine event, and its text is the client's.
    error(code, metadata) {
      const error = metadata instanceof Error ? metadata : (metadata as { error?: unknown } | undefined)?.error;
      if (error instanceof VoidedSessionError) return logger.debug({ code }, error.message);
      const reason =
        error instanceof Error ? error.message : String((metadata as { message?: unknown } | undefined)?.message ?? "");
      logger.warn({ code, reason: singleLine(reason) }, "next-auth refused a request");
    },
    warn(code) {
      logger.warn({ code }, "next-auth warning");
    },
    debug() {},
  },
  events: {
    // Signing out voids every session of the account, not only this browser's token.
    async signOut({ token }) {
      if (token?.uid) await endSessions(token.uid, currentTime());
    },
  },
};
