"use server";

import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { runAction, type ActionResult } from "@/lib/actions/action-result";
import { authorize } from "@/lib/auth/session";
import { changeUserRole } from "@/lib/users/change-user-role";
import { createUser, publicUser } from "@/lib/users/create-user";
import { setUserDisabled } from "@/lib/users/set-user-disabled";
import { changeRoleInput, createUserInput, setDisabledInput, type CreateUserInput } from "@/lib/users/user-input";
import { parseInput } from "@/lib/validation";

/** What the admin screens get back about an account: never its password hash. */
export type PublicUser = ReturnType<typeof publicUser>;

const USERS_PATH = "/admin/users";

export async function createUserAction(input: CreateUserInput): Promise<ActionResult<PublicUser>> {
  return runAction("createUser", async () => {
    const parsed = parseInput(createUserInput, input);
    const actor = await authorize("users:manage");
    const user = await createUser({ actor, input: parsed, now: new Date() });
    revalidatePath(USERS_PATH);
    return publicUser(user);
  });
}

export async function setUserDisabledAction(input: z.input<typeof setDisabledInput>): Promise<ActionResult<PublicUser>> {
  return runAction("setUserDisabled", async () => {
    const parsed = parseInput(setDisabledInput, input);
    const actor = await authorize("users:manage");
    const user = await setUserDisabled({ actor, input: parsed, now: new Date() });
    revalidatePath(USERS_PATH);
    return user;
  });
}

export async function changeUserRoleAction(input: z.input<typeof changeRoleInput>): Promise<ActionResult<PublicUser>> {
  return runAction("changeUserRole", async () => {
    const parsed = parseInput(changeRoleInput, input);
    const actor = await authorize("users:manage");
    const user = await changeUserRole({ actor, input: parsed, now: new Date() });
    revalidatePath(USERS_PATH);
    return user;
  });
}
