import "server-only";
import { and, eq, gt, inArray, or, sql } from "drizzle-orm";
import { db } from "@/db";
import { signInAttempts, users, type User } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { actorFromUser } from "@/lib/auth/actor";
import { getDummyHash, verifyPassword } from "@/lib/auth/password";

/**
 * Failed sign-ins allowed inside the window: for one account from one address (the person
 * mistyping), for one account from anywhere (someone guessing one password from many
 * addresses), and from one address for any account (someone trying many accounts). The
 * first is the tight one, so a stranger cannot easily lock a user out from elsewhere.
 */
export const SIGN_IN_LIMITS = { perAccountAndAddress: 5, perAccount: 20, perAddress: 30, windowMinutes: 15 } as const;

export type SignInResult =
  { status: "ok"; user: User } | { status: "invalid" } | { status: "rate-limited"; retryAfterMinutes: number };

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Checks an e-mail and password. The attempt is recorded before anything is counted, so
 * attempts sent at the same moment count against each other. Refused attempts do not count,
 * so the lock ends when the window has passed. A successful sign-in is audited. A disabled
 * account answers exactly like a wrong password.
 */
export async function signInWithPassword(input: {
  email: string;
  password: string;
  ip: string;
  now: Date;
}): Promise<SignInResult> {
  const email = normalizeEmail(input.email);
  const [attempt] = await db
    .insert(signInAttempts)
    .values({ email, ip: input.ip, outcome: "pending", attemptedAt: input.now })
    .returning({ id: signInAttempts.id });
  const attemptId = attempt!.id;
  const setOutcome = (outcome: "failed" | "refused") =>
    db.update(signInAttempts).set({ outcome }).where(eq(signInAttempts.id, attemptId));

  if (await isOverLimit(email, input.ip, input.now)) {
    await setOutcome("refused");
    return { status: "rate-limited", retryAfterMinutes: SIGN_IN_LIMITS.windowMinutes };
  }

  const user = await db.query.users.findFirst({ where: eq(users.email, email) });
  const passwordMatches = await verifyPassword(user?.passwordHash ?? (await getDummyHash()), input.password);
  if (!user || !passwordMatches || user.disabledAt) {
    await setOutcome("failed");
    return { status: "invalid" };
  }

  await db.transaction(async (tx) => {
    await tx.update(signInAttempts).set({ outcome: "succeeded" }).where(eq(signInAttempts.id, attemptId));
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

/** Counts failed and still-pending attempts (this one included) in the window. */
async function isOverLimit(email: string, ip: string, now: Date): Promise<boolean> {
  const since = new Date(now.getTime() - SIGN_IN_LIMITS.windowMinutes * 60_000);
  const [counts] = await db
    .select({
      pair: sql<number>`count(*) filter (where ${signInAttempts.email} = ${email} and ${signInAttempts.ip} = ${ip})`.mapWith(
        Number,
      ),
      account: sql<number>`count(*) filter (where ${signInAttempts.email} = ${email})`.mapWith(Number),
      address: sql<number>`count(*) filter (where ${signInAttempts.ip} = ${ip})`.mapWith(Number),
    })
    .from(signInAttempts)
    .where(
      and(
        or(eq(signInAttempts.email, email), eq(signInAttempts.ip, ip)),
        gt(signInAttempts.attemptedAt, since),
        inArray(signInAttempts.outcome, ["failed", "pending"]),
      ),
    );
  if (!counts) return false;
  return (
    counts.pair > SIGN_IN_LIMITS.perAccountAndAddress ||
    counts.account > SIGN_IN_LIMITS.perAccount ||
    counts.address > SIGN_IN_LIMITS.perAddress
  );
}
