import "server-only";
import { createHash, randomBytes } from "node:crypto";

/**
 * The shape of an API key: "cg_" and 32 random bytes in base64url (43 characters). Only the
 * SHA-256 of the whole key is stored; a key this random needs no slow hash or salt.
 */
const KEY_START = "cg_";
const KEY_BYTES = 32;
const KEY_PATTERN = /^cg_[A-Za-z0-9_-]{43}$/;
/** What the admin sees to tell keys apart: "cg_" and the next 8 characters. */
const PREFIX_LENGTH = 11;

export function generateApiKeySecret(): string {
  return KEY_START + randomBytes(KEY_BYTES).toString("base64url");
}

export function hashApiKeySecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export function apiKeyPrefix(secret: string): string {
  return secret.slice(0, PREFIX_LENGTH);
}

/** Whether a presented key could be one of ours at all, so garbage never reaches the database. */
export function isApiKeyShaped(candidate: string): boolean {
  return KEY_PATTERN.test(candidate);
}
