import "server-only";
import { and, eq, gt, inArray, ne, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db } from "@/db";
import { signInAttempts, users, type User } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { actorFromUser } from "@/lib/auth/actor";
import { getDummyHash, verifyPassword } from "@/lib/auth/password";
import { unsafeTextReason } from "@/lib/unsafe-text";

/**
 * Failed sign-ins allowed inside the window: for one account from one address (the person
 * mistyping) and from one address for any account (someone trying many accounts): past these,
 * that address waits until its failures leave the window. One account from anywhere (someone
 * guessing one password from many addresses) is slowed, not locked: past `accountFreeFailures`,
 * each failure makes the next attempt wait twice as long (1 s, 2 s, 4 s … at most
 * `accountMaxDelaySeconds`), so a stranger cannot lock the owner out for long, and an address
 * the account signed in from before is not slowed at all.
 */
export const SIGN_IN_LIMITS = {
  perAccountAndAddress: 5,
  perAddress: 30,
  windowMinutes: 15,
  accountFreeFailures: 5,
  accountMaxDelaySeconds: 60,
  /** How long an address the account signed in from stays known: the attempts' retention (lib/jobs). */
  knownAddressDays: 30,
} as const;

/** The wait before the next attempt on an account with `failures` recent failures (0 within the free ones). */
export function accountDelaySeconds(failures: number): number {
  const over = failures - SIGN_IN_LIMITS.accountFreeFailures;
  return over < 0 ? 0 : Math.min(2 ** over, SIGN_IN_LIMITS.accountMaxDelaySeconds);
}

export type SignInResult =
  { status: "ok"; user: User } | { status: "invalid" } | { status: "rate-limited"; retryAfterSeconds: number };

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Checks an e-mail and password. The attempt is recorded before anything is counted, so
 * attempts sent at the same moment count against each other. Refused attempts do not count,
 * so a wait ends when its time has passed. A successful sign-in is audited. A disabled
 * account answers exactly like a wrong password.
 */
export async function signInWithPassword(input: {
  email: string;
  password: string;
  ip: string;
  now: Date;
}): Promise<SignInResult> {
  const email = normalizeEmail(input.email);
  // No account's e-mail or password holds a NUL or half a surrogate pair, and no row can store one.
  if (unsafeTextReason(email) || unsafeTextReason(input.password)) return { status: "invalid" };
  const attempt = await startPasswordAttempt({ email, ip: input.ip, now: input.now });
  if (attempt.retryAfterSeconds > 0) return { status: "rate-limited", retryAfterSeconds: attempt.retryAfterSeconds };
  const { attemptId } = attempt;

  const user = await db.query.users.findFirst({ where: eq(users.email, email) });
  const passwordMatches = await verifyPassword(user?.passwordHash ?? (await getDummyHash()), input.password);
  if (!user || !passwordMatches || user.disabledAt) {
    await failPasswordAttempt(attemptId);
    return { status: "invalid" };
  }

  await succeedPasswordAttempt(attemptId);
  await db.transaction(async (tx) => {
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

/**
 * A password about to be checked for `email` from `ip` — at sign-in, or the current one when a
 * signed-in user changes it (lib/users/change-own-password.ts), so that form is no way around the
 * limits. The attempt is recorded before anything is counted; `retryAfterSeconds` > 0: refused
 * (recorded as such), do not check the password. Else settle it with failPasswordAttempt or
 * succeedPasswordAttempt as soon as the password is checked.
 */
export async function startPasswordAttempt(params: {
  email: string;
  ip: string;
  now: Date;
}): Promise<{ attemptId: number; retryAfterSeconds: number }> {
  const [attempt] = await db
    .insert(signInAttempts)
    .values({ email: params.email, ip: params.ip, outcome: "pending", attemptedAt: params.now })
    .returning({ id: signInAttempts.id });
  const attemptId = attempt!.id;
  const retryAfterSeconds = await secondsToWait(params.email, params.ip, attemptId, params.now);
  if (retryAfterSeconds > 0) await db.update(signInAttempts).set({ outcome: "refused" }).where(eq(signInAttempts.id, attemptId));
  return { attemptId, retryAfterSeconds };
}

/** The password checked was wrong: the attempt counts against the limits. */
export async function failPasswordAttempt(attemptId: number): Promise<void> {
  await db.update(signInAttempts).set({ outcome: "failed" }).where(eq(signInAttempts.id, attemptId));
}

/**
 * The password checked was right: settled at once, outside whatever the caller does next, so a
 * failure after it (an audit insert, a change refused) never leaves it pending — counted as a failure.
 */
export async function succeedPasswordAttempt(attemptId: number): Promise<void> {
  await db.update(signInAttempts).set({ outcome: "succeeded" }).where(eq(signInAttempts.id, attemptId));
}

/**
 * How long this attempt must wait (0: go ahead), from the failed and still-pending attempts in
 * the window, this one counted for the address limits. Attempts sent at the same moment see each
 * other as pending, so a burst cannot slip past.
 */
async function secondsToWait(email: string, ip: string, attemptId: number, now: Date): Promise<number> {
  const since = new Date(now.getTime() - SIGN_IN_LIMITS.windowMinutes * 60_000);
  const knownSince = new Date(now.getTime() - SIGN_IN_LIMITS.knownAddressDays * 86_400_000);
  const known = alias(signInAttempts, "known");
  const isFailure = inArray(signInAttempts.outcome, ["failed", "pending"]);
  const isOtherAccountFailure = and(isFailure, eq(signInAttempts.email, email), ne(signInAttempts.id, attemptId));
  const [counts] = await db
    .select({
      pair: sql<number>`count(*) filter (where ${and(isFailure, eq(signInAttempts.email, email), eq(signInAttempts.ip, ip))})`.mapWith(
        Number,
      ),
      address: sql<number>`count(*) filter (where ${and(isFailure, eq(signInAttempts.ip, ip))})`.mapWith(Number),
      account: sql<number>`count(*) filter (where ${isOtherAccountFailure})`.mapWith(Number),
      lastAccountFailure: sql<Date | null>`max(${signInAttempts.attemptedAt}) filter (where ${isOtherAccountFailure})`.mapWith(
        (value: string | Date | null) => (value === null ? null : new Date(value)),
      ),
      isKnownAddress: sql<boolean>`exists (${db
        .select({ one: sql`1` })
        .from(known)
        .where(
          and(eq(known.email, email), eq(known.ip, ip), eq(known.outcome, "succeeded"), gt(known.attemptedAt, knownSince)),
        )})`,
    })
    .from(signInAttempts)
    .where(and(or(eq(signInAttempts.email, email), eq(signInAttempts.ip, ip)), gt(signInAttempts.attemptedAt, since)));
  if (!counts) return 0;
  if (counts.pair > SIGN_IN_LIMITS.perAccountAndAddress || counts.address > SIGN_IN_LIMITS.perAddress)
    return SIGN_IN_LIMITS.windowMinutes * 60;
  if (counts.isKnownAddress || !counts.lastAccountFailure) return 0;
  const readyAt = counts.lastAccountFailure.getTime() + accountDelaySeconds(counts.account) * 1000;
  return Math.max(0, Math.ceil((readyAt - now.getTime()) / 1000));
}
