/** Shared by the forms in the browser and the server. */
export const MIN_PASSWORD_LENGTH = 10;

/**
 * Argon2id (memory-hard) with OWASP's recommended parameters: 19 MiB of memory, 2 iterations,
 * 1 lane. `algorithm: 2` is Argon2id in @node-rs/argon2.
 */
export const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;
