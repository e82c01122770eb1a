-- The evaluation's scans of orders and reviews read these (seller, time) indexes alone, in seller
-- order, instead of the whole tables: the columns they count on are carried in the index
-- (INCLUDE, which drizzle's index builder cannot say, so schema.ts names the same keys without it).
DROP INDEX "orders_seller_placed_idx";
--> statement-breakpoint
CREATE INDEX "orders_seller_placed_idx" ON "orders" USING btree ("seller_id", "placed_at") INCLUDE ("status");
--> statement-breakpoint
DROP INDEX "reviews_seller_posted_idx";
--> statement-breakpoint
CREATE INDEX "reviews_seller_posted_idx" ON "reviews" USING btree ("seller_id", "posted_at") INCLUDE ("rating", "removed_at");
--> statement-breakpoint
-- An index-only scan visits the table for every page not yet marked all-visible by VACUUM: status
-- changes and edits keep the last weeks' pages churning, so these tables are vacuumed after 2% of
-- their rows changed or were added, not PostgreSQL's default 20%.
ALTER TABLE "orders" SET (autovacuum_vacuum_scale_factor = 0.02, autovacuum_vacuum_insert_scale_factor = 0.02);
--> statement-breakpoint
ALTER TABLE "reviews" SET (autovacuum_vacuum_scale_factor = 0.02, autovacuum_vacuum_insert_scale_factor = 0.02);
