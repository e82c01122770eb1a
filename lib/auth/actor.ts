import type { Role } from "@/db/enums";

/** Who is acting: a signed-in user re-read from the database, or the system itself. */
export type Actor =
  | { kind: "user"; userId: string; role: Role; sellerId: number | null; label: string }
  | { kind: "system"; label: string }
  | { kind: "api-key"; apiKeyId: number; label: string };

export const SYSTEM_ACTOR: Actor = { kind: "system", label: "system" };

export type UserActor = Extract<Actor, { kind: "user" }>;
