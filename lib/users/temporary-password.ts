import "server-only";
import { randomInt } from "node:crypto";

/** Letters and digits that cannot be mistaken for each other when read out or copied by hand. */
const ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789";
const GROUPS = 4;
const GROUP_LENGTH = 5;

/**
 * A temporary password for an account an admin created or reset: 20 random characters (about
 * 112 bits) in groups of five, e.g. `k7Qm2-…`. Shown to the admin once; the user must replace it
 * at the next sign-in.
 */
export function generateTemporaryPassword(): string {
  return Array.from({ length: GROUPS }, () =>
    Array.from({ length: GROUP_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join(""),
  ).join("-");
}
