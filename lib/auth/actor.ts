import type { Role } from "@/db/enums";

/** Who is acting: a signed-in user re-read from the database, or the system itself. */
export type Actor =
  | { kind: "user"; userId: string; role: Role; sellerId: number | null; label: string }
  | { kind: "system"; label: string }
  | { kind: "api-key"; apiKeyId: number; label: string };

export const SYSTEM_ACTOR: Actor = { kind: "system", label: "system" };

export type UserActor = Extract<Actor, { kind: "user" }>;

/** The acting user, as read from the database (never from the session token alone). */
export function actorFromUser(user: { id: string; role: Role; sellerId: number | null; email: string }): UserActor {
  return { kind: "user", userId: user.id, role: user.role, sellerId: user.sellerId, label: user.email };
}
