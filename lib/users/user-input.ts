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
type SellerLink = { role: string; sellerExternalId?: string };
const isSellerLinked = (input: SellerLink) => input.role !== "seller" || Boolean(input.sellerExternalId);
/** Only seller accounts are linked to a seller: a seller id typed before switching role is dropped. */
const dropUnusedSellerLink = <T extends SellerLink>(input: T): T =>
  input.role === "seller" ? input : { ...input, sellerExternalId: undefined };

export const createUserInput = z
  .object({
    email: z.string().trim().toLowerCase().email(fieldMessage("emailInvalid")),
    name: z.string().trim().min(1, fieldMessage("nameRequired")).max(200, fieldMessage("tooLong")),
    password: z.string().min(MIN_PASSWORD_LENGTH, fieldMessage("passwordTooShort")).max(200, fieldMessage("tooLong")),
    role: z.enum(ROLES, { message: fieldMessage("roleRequired") }),
    sellerExternalId: z.string().trim().optional(),
  })
  .refine(isSellerLinked, SELLER_LINK_RULE)
  .transform(dropUnusedSellerLink);
export type CreateUserInput = z.input<typeof createUserInput>;

export const changeRoleInput = z
  .object({
    userId: z.string().uuid(fieldMessage("reloadPage")),
    role: z.enum(ROLES, { message: fieldMessage("roleRequired") }),
    sellerExternalId: z.string().trim().optional(),
    reason,
  })
  .refine(isSellerLinked, SELLER_LINK_RULE)
  .transform(dropUnusedSellerLink);

export const setDisabledInput = z.object({
  userId: z.string().uuid(fieldMessage("reloadPage")),
  disabled: z.boolean(),
  reason,
});
