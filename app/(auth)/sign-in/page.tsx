import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { SignInForm } from "@/app/(auth)/sign-in/sign-in-form";
import { ClientMessages } from "@/app/_components/client-messages";
import { SIGN_IN_ERRORS } from "@/lib/auth/sign-in-errors";
import { getActor } from "@/lib/auth/session";
import { HOME_PATH } from "@/lib/auth/permissions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("signIn");
  return { title: t("metaTitle") };
}

/** next-auth sends people back here with ?error=… when it cannot sign them in itself. */
function initialError(code: string | string[] | undefined) {
  if (typeof code !== "string") return null;
  if (code === SIGN_IN_ERRORS.invalid) return "invalid" as const;
  if (code === SIGN_IN_ERRORS.rateLimited) return "rateLimited" as const;
  return "generic" as const;
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await getActor();
  if (actor) redirect(HOME_PATH[actor.role]);
  const [t, params] = await Promise.all([getTranslations("signIn"), searchParams]);
  return (
    <div className="auth-panel">
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <ClientMessages paths={["signIn", "actionErrors"]}>
        <SignInForm initialError={initialError(params.error)} />
      </ClientMessages>
    </div>
  );
}
