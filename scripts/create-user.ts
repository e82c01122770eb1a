/**
 * `npm run user:create -- --email a@b.c --name "Ann" --role admin [--seller S0001]` — creates an
 * account from the command line, e.g. the first real admin of a new installation. The password
 * is generated and printed once; the creation is audited as done by the system.
 */
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { closeDatabase } from "@/db";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { isDomainError } from "@/lib/errors";
import { createUser } from "@/lib/users/create-user";
import type { CreateUserInput } from "@/lib/users/user-input";

async function main() {
  const { values } = parseArgs({
    options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string" }, seller: { type: "string" } },
    strict: true,
  });
  const password = randomBytes(15).toString("base64url");
  const input = {
    email: values.email ?? "",
    name: values.name ?? "",
    role: values.role as CreateUserInput["role"],
    sellerExternalId: values.seller,
    password,
  };
  const user = await createUser({ actor: SYSTEM_ACTOR, input, now: new Date() });
  console.log(`created ${user.role} ${user.email}`);
  console.log(`password (shown once, pass it on securely): ${password}`);
}

main()
  .then(() => closeDatabase())
  .catch(async (error: unknown) => {
    console.error(isDomainError(error) ? `user:create: ${error.message}` : error);
    await closeDatabase().catch(() => {});
    process.exit(1);
  });
