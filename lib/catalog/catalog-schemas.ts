import { z } from "zod";

/** How many sellers one visibility request may ask about. */
export const MAX_VISIBILITY_SELLERS = 1000;

export const visibilityQuerySchema = z.object({
  sellerIds: z
    .string({ error: "sellerIds is required: a comma-separated list of seller ids" })
    .transform((value) => [
      ...new Set(
        value
          .split(",")
          .map((id) => id.trim())
          .filter(Boolean),
      ),
    ])
    .pipe(
      z
        .array(z.string().max(200, "a seller id is at most 200 characters"))
        .min(1, "sellerIds is required: a comma-separated list of seller ids")
        .max(MAX_VISIBILITY_SELLERS, `at most ${MAX_VISIBILITY_SELLERS} seller ids a request`),
    ),
});

export const sellerVisibilitySchema = z
  .object({
    sellerId: z.string(),
    visible: z.boolean(),
    caseId: z.number().int().optional().describe("The active exclusion case, when the seller is hidden"),
    excludedSince: z.iso.datetime({ offset: true }).optional(),
    recheckOn: z.iso
      .datetime({ offset: true })
      .optional()
      .describe("The re-check date: the earliest the seller can be reinstated"),
  })
  .meta({ id: "SellerVisibility" });

export const catalogVisibilitySchema = z.object({ sellers: z.array(sellerVisibilitySchema) }).meta({ id: "CatalogVisibility" });
export type CatalogVisibility = z.output<typeof catalogVisibilitySchema>;
