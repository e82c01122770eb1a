"use server";

import { defineAction } from "@/lib/actions/define-action";
import { changeUserRole } from "@/lib/users/change-user-role";
import { createUserWithTemporaryPassword } from "@/lib/users/create-user";
import { resetUserPassword } from "@/lib/users/reset-user-password";
import { setUserDisabled } from "@/lib/users/set-user-disabled";
import { changeRoleInput, createUserByAdminInput, resetPasswordInput, setDisabledInput } from "@/lib/users/user-input";

const revalidateUsers = () => ["/admin/users"];

export const createUserAction = defineAction({
  name: "createUser",
  input: createUserByAdminInput,
  permission: "users:manage",
  run: createUserWithTemporaryPassword,
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

export const resetUserPasswordAction = defineAction({
  name: "resetUserPassword",
  input: resetPasswordInput,
  permission: "users:manage",
  run: resetUserPassword,
  revalidate: revalidateUsers,
});
