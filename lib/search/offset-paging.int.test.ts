import { expect, test } from "vitest";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { listCases } from "@/lib/cases/list-cases";
import { listOutboxEvents } from "@/lib/delivery/list-outbox-events";
import { MAX_PAGE } from "@/lib/search/offset-paging";
import { listSellers } from "@/lib/sellers/list-sellers";
import { listUsers } from "@/lib/users/list-users";
import { createTestUser } from "@/scripts/test-support/factories";

/** ?page=1e300 is a whole number: before the one paging helper, the admin's lists sent its offset to the database. */
const FAR_PAST_THE_END = 1e300;

test("[ADMIN] every numbered list answers a page far past its end with an empty page and where the end is", async () => {
  const { actor } = await createTestUser("admin");
  const pages = await Promise.all([
    listUsers({ actor, page: FAR_PAST_THE_END }),
    listApiKeys({ actor, page: FAR_PAST_THE_END }),
    listOutboxEvents({ actor, filter: "all", page: FAR_PAST_THE_END }),
    listSellers({ actor, page: FAR_PAST_THE_END, now: new Date() }),
    listCases({ actor, filters: {}, page: FAR_PAST_THE_END, now: new Date() }),
  ]);
  for (const list of pages) {
    expect(list).toMatchObject({ rows: [], page: MAX_PAGE });
    expect(list.pageCount).toBe(Math.max(1, Math.ceil(list.total / list.pageSize)));
  }
  expect(pages[0]!.total).toBeGreaterThanOrEqual(1);
});
