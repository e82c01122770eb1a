import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { clientAddress } from "@/lib/auth/client-address";
import { endSessions } from "@/lib/auth/end-sessions";
import { SIGN_IN_ERRORS } from "@/lib/auth/sign-in-errors";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { env } from "@/lib/env";

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
          now: new Date(),
        });
        if (result.status === "rate-limited") throw new Error(SIGN_IN_ERRORS.rateLimited);
        if (result.status !== "ok") return null;
        const { id, email, name, role, sellerId, sessionVersion } = result.user;
        return { id, email, name, role, sellerId, sessionVersion };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.role = user.role;
        token.sellerId = user.sellerId;
        token.sessionVersion = user.sessionVersion;
      }
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
  events: {
    // Signing out voids every session of the account, not only this browser's token.
    async signOut({ token }) {
      if (token?.uid) await endSessions(token.uid, new Date());
    },
  },
};
