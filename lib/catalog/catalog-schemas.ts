import { z } from "zod";

/** How many sellers one visibility request may ask about. */
export const MAX_VISIBILITY_SELLERS = 1000;

const sellerIdList = (required: string) =>
  z
    .array(z.string({ error: "a seller id must be a string" }).max(200, "a seller id is at most 200 characters"), {
      error: required,
    })
    .min(1, required)
    .max(MAX_VISIBILITY_SELLERS, `at most ${MAX_VISIBILITY_SELLERS} seller ids a request`);

const distinctIds = (ids: readonly string[]) => [...new Set(ids.map((id) => id.trim()).filter(Boolean))];

/** GET ?sellerIds=a,b,c. The URL's length is bounded by the server's header limit (16 KiB) before this one. */
export const visibilityQuerySchema = z.object({
  sellerIds: z
    .string({ error: "sellerIds is required: a comma-separated list of seller ids" })
    .transform((value) => distinctIds(value.split(",")))
    .pipe(sellerIdList("sellerIds is required: a comma-separated list of seller ids")),
});

/** POST { "sellerIds": ["a", "b"] }: the same question, for lists a URL cannot carry. */
export const visibilityBodySchema = z
  .strictObject(
    {
      sellerIds: sellerIdList("sellerIds is required: an array of seller ids")
        .transform(distinctIds)
        .pipe(z.array(z.string()).min(1, "sellerIds is required: an array of seller ids")),
    },
    { error: 'the body must be a JSON object: { "sellerIds": ["…"] }' },
  )
  .meta({ id: "VisibilityRequest" });

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
