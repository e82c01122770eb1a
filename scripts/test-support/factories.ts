/** Test data made through the same lib/ functions the app uses. Each call makes new, unique rows. */
import { randomBytes } from "node:crypto";
import { db } from "@/db";
import { sellers, type Role } from "@/db/schema";
import { SYSTEM_ACTOR, actorFromUser } from "@/lib/auth/actor";
import { createUser } from "@/lib/users/create-user";

export const TEST_PASSWORD = "correct horse battery";

const unique = () => randomBytes(5).toString("hex");

export async function createTestSeller(name = "Test shop") {
  const [seller] = await db
    .insert(sellers)
    .values({ externalId: `S-${unique()}`, name })
    .returning();
  if (!seller) throw new Error("no seller inserted");
  return seller;
}

export async function createTestUser(role: Role, options: { sellerExternalId?: string } = {}) {
  const sellerExternalId = role === "seller" ? (options.sellerExternalId ?? (await createTestSeller()).externalId) : undefined;
  const user = await createUser({
    actor: SYSTEM_ACTOR,
    input: {
      email: `${role}-${unique()}@test.catalog-guard.test`,
      name: `Test ${role}`,
      password: TEST_PASSWORD,
      role,
      sellerExternalId,
    },
    now: new Date(),
  });
  const actor = actorFromUser(user);
  return { user, actor };
}
