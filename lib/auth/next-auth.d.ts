import type { Role } from "@/db/enums";

declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; name: string; role: Role; sellerId: number | null; sessionVersion: number };
  }
  interface User {
    id: string;
    email: string;
    name: string;
    role: Role;
    sellerId: number | null;
    sessionVersion: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid: string;
    role: Role;
    sellerId: number | null;
    sessionVersion: number;
  }
}
