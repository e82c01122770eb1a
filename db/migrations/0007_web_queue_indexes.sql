-- The moderators' queues as they open read their page of 25 in index order (npm run bench:web):
-- without these, the open-flag queue joined and sorted every open flag with a scan of sellers, and
-- the case list scanned all of cases (wide rows: the frozen evidence) for the active ones.
CREATE INDEX "cases_active_recheck_idx" ON "cases" USING btree ("recheck_at","id") WHERE "cases"."status" <> 'REINSTATED';
--> statement-breakpoint
CREATE INDEX "flags_open_created_idx" ON "flags" USING btree ("created_at","id") WHERE "flags"."status" = 'open';
