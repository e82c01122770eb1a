import "server-only";
import { and, count, eq, gt } from "drizzle-orm";
import { db } from "@/db";
import { signInAttempts, users, type User } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { actorFromUser } from "@/lib/auth/actor";
import { getDummyHash, verifyPassword } from "@/lib/auth/password";

/** Failed sign-ins allowed per account, and per client address, inside the window. */
export const SIGN_IN_LIMITS = { perAccount: 5, perAddress: 30, windowMinutes: 15 } as const;

export type SignInResult =
  | { status: "ok"; user: User }
  | { status: "invalid" }
  | { status: "rate-limited"; retryAfterMinutes: number };

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Checks an e-mail and password. Refuses without looking at the password once the account or the
 * address has too many recent failures; every attempt is recorded (and counts towards the limit),
 * and a successful one is audited. A disabled account answers exactly like a wrong password.
 */
export async function signInWithPassword(input: {
  email: string;
  password: string;
  ip: string;
  now: Date;
}): Promise<SignInResult> {
  const email = normalizeEmail(input.email);
  const since = new Date(input.now.getTime() - SIGN_IN_LIMITS.windowMinutes * 60_000);

  const [accountFailures, addressFailures] = await Promise.all([
    countFailures(eq(signInAttempts.email, email), since),
    countFailures(eq(signInAttempts.ip, input.ip), since),
  ]);
  if (accountFailures >= SIGN_IN_LIMITS.perAccount || addressFailures >= SIGN_IN_LIMITS.perAddress) {
    await recordAttempt(email, input.ip, false, input.now);
    return { status: "rate-limited", retryAfterMinutes: SIGN_IN_LIMITS.windowMinutes };
  }

  const user = await db.query.users.findFirst({ where: eq(users.email, email) });
  const passwordMatches = await verifyPassword(user?.passwordHash ?? (await getDummyHash()), input.password);
  if (!user || !passwordMatches || user.disabledAt) {
    await recordAttempt(email, input.ip, false, input.now);
    return { status: "invalid" };
  }

  await db.transaction(async (tx) => {
    await tx.insert(signInAttempts).values({ email, ip: input.ip, succeeded: true, attemptedAt: input.now });
    await recordAudit(tx, {
      actor: actorFromUser(user),
      action: "auth.sign_in",
      entityType: "user",
      entityId: user.id,
      sellerId: user.sellerId,
      ip: input.ip,
      at: input.now,
    });
  });
  return { status: "ok", user };
}

async function countFailures(match: ReturnType<typeof eq>, since: Date): Promise<number> {
  const [row] = await db
    .select({ failures: count() })
    .from(signInAttempts)
    .where(and(match, eq(signInAttempts.succeeded, false), gt(signInAttempts.attemptedAt, since)));
  return row?.failures ?? 0;
}

async function recordAttempt(email: string, ip: string, succeeded: boolean, now: Date) {
  await db.insert(signInAttempts).values({ email, ip, succeeded, attemptedAt: now });
}
