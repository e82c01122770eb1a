-- The admin overview's weekly exclusions and reinstatements and its median days to reinstatement read a few weeks of cases by these, not the whole table.
CREATE INDEX "cases_excluded_at_idx" ON "cases" USING btree ("excluded_at");--> statement-breakpoint
CREATE INDEX "cases_reinstated_idx" ON "cases" USING btree ("reinstated_at","excluded_at") WHERE "cases"."reinstated_at" is not null;
