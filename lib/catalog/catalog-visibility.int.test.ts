/** GET /api/v1/catalog/visibility through its route handler: the SPEC's shape, its errors, its limits. */
import { beforeAll, expect, test } from "vitest";
import { openCaseFromFlag } from "@/lib/cases/open-case";
import { reinstateCase } from "@/lib/cases/reinstate-case";
import { addDays } from "@/lib/cases/case-machine";
import { CHECKLIST_ITEMS } from "@/lib/cases/checklist";
import { apiClient, createTestApiKey } from "@/scripts/test-support/api-client";
import { createFlaggedSeller } from "@/scripts/test-support/cases";
import { createTestUser } from "@/scripts/test-support/factories";
import { MAX_VISIBILITY_SELLERS } from "./catalog-schemas";

const NOW = new Date("2026-11-02T10:00:00Z");
let api: ReturnType<typeof apiClient>;
beforeAll(async () => {
  api = apiClient((await createTestApiKey()).secret);
});

test("[API] an excluded seller is hidden with its case and dates, others visible, in the order asked, duplicates once", async () => {
  const { actor } = await createTestUser("moderator");
  const hidden = await createFlaggedSeller({ now: NOW });
  const shown = await createFlaggedSeller({ now: NOW });
  const { case: theCase } = await openCaseFromFlag({ actor, input: { flagId: hidden.flag.id }, now: NOW });

  const answer = await api.getVisibility(`?sellerIds=${shown.externalId},${hidden.externalId},nobody,${shown.externalId}`);
  expect(answer).toEqual({
    status: 200,
    body: {
      sellers: [
        { sellerId: shown.externalId, visible: true },
        {
          sellerId: hidden.externalId,
          visible: false,
          caseId: theCase.id,
          excludedSince: NOW.toISOString(),
          recheckOn: addDays(NOW, 14).toISOString(),
        },
        { sellerId: "nobody", visible: true },
      ],
    },
  });

  await reinstateCase({
    actor,
    input: {
      caseId: theCase.id,
      expectedVersion: 1,
      overrides: CHECKLIST_ITEMS.map((item) => ({ item, reason: "Checked it with the seller" })),
    },
    now: addDays(NOW, 14),
  });
  expect((await api.getVisibility(`?sellerIds=${hidden.externalId}`)).body).toEqual({
    sellers: [{ sellerId: hidden.externalId, visible: true }],
  });
});

test.each([
  { query: "", message: "sellerIds is required" },
  { query: "?sellerIds=", message: "sellerIds is required" },
  { query: "?sellerIds=,,", message: "sellerIds is required" },
  {
    query: `?sellerIds=${Array.from({ length: MAX_VISIBILITY_SELLERS + 1 }, (_, i) => `s${i}`).join(",")}`,
    message: `at most ${MAX_VISIBILITY_SELLERS}`,
  },
])("[API] bad input is a 400 that names sellerIds ($message)", async ({ query, message }) => {
  const answer = await api.getVisibility(query);
  expect(answer.status).toBe(400);
  expect(answer.body.issues).toEqual([expect.objectContaining({ path: "sellerIds", message: expect.stringContaining(message) })]);
});

test("[API] no key, no answer", async () => {
  expect((await apiClient(null).getVisibility("?sellerIds=a")).status).toBe(401);
});
