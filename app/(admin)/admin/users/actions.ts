"use server";

import { defineAction } from "@/lib/actions/define-action";
import { changeUserRole } from "@/lib/users/change-user-role";
import { createUser } from "@/lib/users/create-user";
import { publicUser } from "@/lib/users/public-user";
import { setUserDisabled } from "@/lib/users/set-user-disabled";
import { changeRoleInput, createUserInput, setDisabledInput } from "@/lib/users/user-input";

const revalidateUsers = () => ["/admin/users"];

export const createUserAction = defineAction({
  name: "createUser",
  input: createUserInput,
  permission: "users:manage",
  run: async (params) => publicUser(await createUser(params)),
  revalidate: revalidateUsers,
});

export const setUserDisabledAction = defineAction({
  name: "setUserDisabled",
  input: setDisabledInput,
  permission: "users:manage",
  run: setUserDisabled,
  revalidate: revalidateUsers,
});

export const changeUserRoleAction = defineAction({
  name: "changeUserRole",
  input: changeRoleInput,
  permission: "users:manage",
  run: changeUserRole,
  revalidate: revalidateUsers,
});
