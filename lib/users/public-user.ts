import type { User } from "@/db/schema";

/** What of a user may appear in the audit trail, lists and action results: never the password hash. */
export function publicUser(user: User) {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    sellerId: user.sellerId,
    disabled: user.disabledAt != null,
    passwordChangeRequired: user.passwordChangeRequired,
  };
}

export type PublicUser = ReturnType<typeof publicUser>;
