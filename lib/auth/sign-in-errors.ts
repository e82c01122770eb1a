/** The error codes next-auth hands back to the sign-in form. Client-safe: no server imports. */
export const SIGN_IN_ERRORS = { invalid: "CredentialsSignin", rateLimited: "RateLimited" } as const;
