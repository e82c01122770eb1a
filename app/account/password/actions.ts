"use server";

import { headers } from "next/headers";
import { ANYONE, defineAction } from "@/lib/actions/define-action";
import { clientAddress } from "@/lib/auth/client-address";
import { HOME_PATH } from "@/lib/auth/permissions";
import { DomainError } from "@/lib/errors";
import { changeOwnPassword } from "@/lib/users/change-own-password";
import { changeOwnPasswordInput } from "@/lib/users/user-input";

/** Open to a user who must still replace a temporary password (authorize would refuse them). */
export const changeOwnPasswordAction = defineAction({
  name: "changeOwnPassword",
  input: changeOwnPasswordInput,
  permission: ANYONE,
  run: async ({ actor, input, now }) => {
    if (!actor) throw new DomainError("UNAUTHENTICATED", "Please sign in again");
    await changeOwnPassword({ actor, input, ip: clientAddress(await headers()), now });
    return { home: HOME_PATH[actor.role] };
  },
});
