import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { ChangePasswordForm } from "@/app/account/password/change-password-form";
import { ClientMessages } from "@/app/_components/client-messages";
import { getActor, isPasswordChangeRequired } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account.password");
  return { title: t("title") };
}

/**
 * Where a user with a temporary password lands from every page (lib/auth/session.ts) until they
 * choose their own; any signed-in user may change their password here too.
 */
export default async function ChangePasswordPage() {
  const [actor, isRequired, t] = await Promise.all([getActor(), isPasswordChangeRequired(), getTranslations("account.password")]);
  if (!actor) redirect("/sign-in");
  return (
    <div className="auth-panel">
      <h1>{t("title")}</h1>
      <p className="lead">{isRequired ? t("requiredIntro") : t("intro")}</p>
      <ClientMessages paths={["account.password", "actionErrors"]}>
        <ChangePasswordForm />
      </ClientMessages>
    </div>
  );
}
