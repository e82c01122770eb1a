"use server";

import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { runAction, type ActionResult } from "@/lib/actions/action-result";
import type { UserActor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/session";
import { changeUserRole } from "@/lib/users/change-user-role";
import { createUser } from "@/lib/users/create-user";
import { publicUser, type PublicUser } from "@/lib/users/public-user";
import { setUserDisabled } from "@/lib/users/set-user-disabled";
import type { changeRoleInput, CreateUserInput, setDisabledInput } from "@/lib/users/user-input";

const USERS_PATH = "/admin/users";

/** Authorize on the server, then the lib function (which validates the input and checks again). */
async function runUserAdmin(
  name: string,
  body: (actor: UserActor, now: Date) => Promise<PublicUser>,
): Promise<ActionResult<PublicUser>> {
  return runAction(name, async () => {
    const actor = await authorize("users:manage");
    const user = await body(actor, new Date());
    revalidatePath(USERS_PATH);
    return user;
  });
}

export async function createUserAction(input: CreateUserInput): Promise<ActionResult<PublicUser>> {
  return runUserAdmin("createUser", async (actor, now) => publicUser(await createUser({ actor, input, now })));
}

export async function setUserDisabledAction(input: z.input<typeof setDisabledInput>): Promise<ActionResult<PublicUser>> {
  return runUserAdmin("setUserDisabled", (actor, now) => setUserDisabled({ actor, input, now }));
}

export async function changeUserRoleAction(input: z.input<typeof changeRoleInput>): Promise<ActionResult<PublicUser>> {
  return runUserAdmin("changeUserRole", (actor, now) => changeUserRole({ actor, input, now }));
}
