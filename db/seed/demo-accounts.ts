/**
 * The demo sign-ins. Created through `createUser` as the system, so they are in the audit trail
 * like any other account; the seller accounts are linked to planted sellers.
 */
import { eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db";
import { sellers, users, type Role } from "@/db/schema";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { createUser } from "@/lib/users/create-user";
import type { SeedData } from "./types";

/** Where `npm run demo` serves (it passes PORT on to the server too). */
export const DEMO_URL = `http://localhost:${process.env.PORT || 3000}`;

type DemoAccount = {
  email: string;
  password: string;
  role: Role;
  name: string;
  /** Which planted seller a seller account is linked to, and why that one. */
  linkedTo?: { kind: "worsened" | "regular"; note: string };
};

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { email: "moderator@demo.catalog-guard.test", password: "moderator-demo-2026", role: "moderator", name: "Demo Moderator" },
  { email: "admin@demo.catalog-guard.test", password: "admin-demo-2026", role: "admin", name: "Demo Admin" },
  {
    email: "seller@demo.catalog-guard.test",
    password: "seller-demo-2026",
    role: "seller",
    name: "Demo Seller",
    linkedTo: { kind: "worsened", note: "quality fell sharply in the last two months" },
  },
  {
    email: "seller2@demo.catalog-guard.test",
    password: "seller2-demo-2026",
    role: "seller",
    name: "Demo Seller Two",
    linkedTo: { kind: "regular", note: "an ordinary seller" },
  },
];

/** Creates the demo accounts that do not exist yet (so an interrupted seed can be completed). */
export async function createDemoAccounts(executor: Executor, data: SeedData, now: Date): Promise<void> {
  const existing = await findDemoAccountEmails(executor);
  for (const account of DEMO_ACCOUNTS) {
    if (existing.has(account.email)) continue;
    const sellerExternalId = account.linkedTo ? data.sellersByKind[account.linkedTo.kind][0] : undefined;
    if (account.linkedTo && !sellerExternalId)
      throw new Error(`seed: no ${account.linkedTo.kind} seller to link ${account.email} to`);
    const { email, password, role, name } = account;
    await createUser({ actor: SYSTEM_ACTOR, input: { email, password, role, name, sellerExternalId }, now });
  }
}

export async function findDemoAccountEmails(executor: Executor): Promise<Set<string>> {
  const rows = await executor
    .select({ email: users.email })
    .from(users)
    .where(
      inArray(
        users.email,
        DEMO_ACCOUNTS.map((account) => account.email),
      ),
    );
  return new Set(rows.map((row) => row.email));
}

/** The sign-in block, from the accounts as they are in the database (so it is right on a re-run too). */
export async function formatDemoSignIns(executor: Executor): Promise<string> {
  const rows = await executor
    .select({ email: users.email, sellerId: sellers.externalId, sellerName: sellers.name })
    .from(users)
    .leftJoin(sellers, eq(sellers.id, users.sellerId))
    .where(
      inArray(
        users.email,
        DEMO_ACCOUNTS.map((account) => account.email),
      ),
    );
  const found = new Map(rows.map((row) => [row.email, row]));
  const lines = DEMO_ACCOUNTS.map((account) => {
    const row = found.get(account.email);
    const seller = row?.sellerId ? `  → seller ${row.sellerId} "${row.sellerName}" (${account.linkedTo?.note})` : "";
    const missing = row ? "" : "  (account missing)";
    return `  ${account.role.padEnd(10)} ${account.email.padEnd(36)} ${account.password.padEnd(20)}${seller}${missing}`.trimEnd();
  });
  const rule = "─".repeat(72);
  return [rule, `Demo sign-ins — ${DEMO_URL}`, `  ${"role".padEnd(10)} ${"e-mail".padEnd(36)} password`, ...lines, rule].join(
    "\n",
  );
}
