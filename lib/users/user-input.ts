import { z } from "zod";
import { ROLES } from "@/db/enums";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-policy";

/** One schema per input, shared by the admin form and the server, which validates again. */
const SELLER_LINK_RULE = {
  path: ["sellerExternalId"],
  message: "A seller account must be linked to a seller id",
};
type SellerLink = { role: string; sellerExternalId?: string };
const isSellerLinked = (input: SellerLink) => input.role !== "seller" || Boolean(input.sellerExternalId);
/** Only seller accounts are linked to a seller: a seller id typed before switching role is dropped. */
const dropUnusedSellerLink = <T extends SellerLink>(input: T): T =>
  input.role === "seller" ? input : { ...input, sellerExternalId: undefined };

export const createUserInput = z
  .object({
    email: z.string().trim().toLowerCase().email("Enter a valid e-mail address"),
    name: z.string().trim().min(1, "Enter a name").max(200, "The name is too long (200 characters at most)"),
    password: z
      .string()
      .min(MIN_PASSWORD_LENGTH, `The password needs at least ${MIN_PASSWORD_LENGTH} characters`)
      .max(200, "The password is too long (200 characters at most)"),
    role: z.enum(ROLES, { message: "Choose a role" }),
    sellerExternalId: z.string().trim().optional(),
  })
  .refine(isSellerLinked, SELLER_LINK_RULE)
  .transform(dropUnusedSellerLink);
export type CreateUserInput = z.input<typeof createUserInput>;

export const changeRoleInput = z
  .object({
    userId: z.string().uuid("Unknown user"),
    role: z.enum(ROLES, { message: "Choose a role" }),
    sellerExternalId: z.string().trim().optional(),
    reason: z.string().trim().min(3, "Say why the role changes").max(1000),
  })
  .refine(isSellerLinked, SELLER_LINK_RULE)
  .transform(dropUnusedSellerLink);

export const setDisabledInput = z.object({
  userId: z.string().uuid("Unknown user"),
  disabled: z.boolean(),
  reason: z.string().trim().min(3, "Say why").max(1000),
});
