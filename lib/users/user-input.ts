import { z } from "zod";
import { ROLES } from "@/db/enums";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-policy";
import { fieldMessage } from "@/lib/field-messages";

/**
 * One schema per input, shared by the admin form and the server, which validates again. Each
 * message is a catalog key (lib/field-messages.ts).
 */

const SELLER_LINK_RULE = { path: ["sellerExternalId"], message: fieldMessage("sellerRequired") };

const reason = z.string().trim().min(3, fieldMessage("reasonTooShort")).max(1000, fieldMessage("tooLong"));
const userId = z.string().uuid(fieldMessage("reloadPage"));
const password = z.string().min(MIN_PASSWORD_LENGTH, fieldMessage("passwordTooShort")).max(200, fieldMessage("tooLong"));

type SellerLink = { role: string; sellerExternalId?: string };
const isSellerLinked = (input: SellerLink) => input.role !== "seller" || Boolean(input.sellerExternalId);
/** Only seller accounts are linked to a seller: a seller typed before switching role is dropped. */
const dropUnusedSellerLink = <T extends SellerLink>(input: T): T =>
  input.role === "seller" ? input : { ...input, sellerExternalId: undefined };

const newAccount = z.object({
  email: z.string().trim().toLowerCase().email(fieldMessage("emailInvalid")),
  name: z.string().trim().min(1, fieldMessage("nameRequired")).max(200, fieldMessage("tooLong")),
  role: z.enum(ROLES, { message: fieldMessage("roleRequired") }),
  /** The seller's marketplace id or its name (lib/users/find-seller.ts). */
  sellerExternalId: z.string().trim().optional(),
});

/** An account with a chosen password: the command line, the seed and the tests. */
export const createUserInput = newAccount
  .extend({ password })
  .refine(isSellerLinked, SELLER_LINK_RULE)
  .transform(dropUnusedSellerLink);

export type CreateUserInput = z.input<typeof createUserInput>;

/** An account an admin makes: the server chooses a temporary password, shown to the admin once. */
export const createUserByAdminInput = newAccount.refine(isSellerLinked, SELLER_LINK_RULE).transform(dropUnusedSellerLink);

export const changeRoleInput = z
  .object({
    userId,
    role: z.enum(ROLES, { message: fieldMessage("roleRequired") }),
    sellerExternalId: z.string().trim().optional(),
    reason,
  })
  .refine(isSellerLinked, SELLER_LINK_RULE)
  .transform(dropUnusedSellerLink);

export const setDisabledInput = z.object({
  userId,
  disabled: z.boolean(),
  reason,
});

export const resetPasswordInput = z.object({ userId, reason });

/** The signed-in user's own new password: the current (temporary) one, and the new one twice. */
export const changeOwnPasswordInput = z
  .object({
    currentPassword: z.string().min(1, fieldMessage("passwordRequired")).max(200, fieldMessage("tooLong")),
    newPassword: password,
    confirmPassword: z.string().min(1, fieldMessage("passwordConfirmRequired")),
  })
  .refine((input) => input.newPassword === input.confirmPassword, {
    path: ["confirmPassword"],
    message: fieldMessage("passwordsDiffer"),
  })
  .refine((input) => input.newPassword !== input.currentPassword, {
    path: ["newPassword"],
    message: fieldMessage("passwordUnchanged"),
  });
