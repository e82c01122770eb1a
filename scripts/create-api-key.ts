/**
 * `npm run api-key:create -- <name>` — makes an API key for a marketplace system and prints it
 * once: only its hash is stored. Audited as done by the system, naming this command and the
 * operating-system user who ran it. Exit code 0: created; 1: refused; 2: usage.
 */
import os from "node:os";
import { parseArgs } from "node:util";
import { closeDatabase } from "@/db";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import type { Actor } from "@/lib/auth/actor";
import { isDomainError } from "@/lib/errors";

const USAGE = 'usage: npm run api-key:create -- <name>   (quote a name with spaces: "Order feed")';

function readName(): string | undefined {
  try {
    const { positionals } = parseArgs({ allowPositionals: true, strict: true, options: {} });
    return positionals.length === 1 ? positionals[0] : undefined;
  } catch {
    return undefined;
  }
}

function osUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    // A container may run as a uid with no passwd entry.
    return process.env.USER ?? `uid ${process.getuid?.() ?? "unknown"}`;
  }
}

async function main(name: string) {
  const actor: Actor = { kind: "system", label: `npm run api-key:create (os user ${osUser()})` };
  const { apiKey, secret } = await createApiKey({ actor, name, now: new Date() });
  console.log(`created API key "${apiKey.name}" (id ${apiKey.id}, prefix ${apiKey.prefix})`);
  console.log("Store this key now: it is not shown again, and only its hash is kept.");
  console.log(secret);
}

const name = readName();
if (name === undefined) {
  console.error(USAGE);
  process.exit(2);
}
main(name)
  .then(() => closeDatabase())
  .catch(async (error: unknown) => {
    console.error(isDomainError(error) ? `api-key:create: ${error.message}` : error);
    await closeDatabase().catch(() => {});
    process.exit(1);
  });
