import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/session";
import { HOME_PATH } from "@/lib/auth/permissions";

export const dynamic = "force-dynamic";

/** No page of its own: each role has its home, and everyone else signs in first. */
export default async function IndexPage() {
  const actor = await getActor();
  redirect(actor ? HOME_PATH[actor.role] : "/sign-in");
}
