"use client";

import { useTranslations } from "next-intl";
import { ROLES } from "@/db/enums";

/** The roles an account can have, as options of a select, in the reader's language. */
export function RoleOptions() {
  const t = useTranslations("roles");
  return ROLES.map((role) => (
    <option key={role} value={role}>
      {t(role)}
    </option>
  ));
}
