ALTER TYPE "public"."flag_status" ADD VALUE 'superseded';--> statement-breakpoint
DROP INDEX "orders_buyer_idx";--> statement-breakpoint
ALTER TABLE "evaluations" ADD COLUMN "time_zone" text NOT NULL;--> statement-breakpoint
ALTER TABLE "evaluations" ADD COLUMN "requested_by" text NOT NULL;--> statement-breakpoint
ALTER TABLE "flags" ADD COLUMN "superseded_by" bigint;--> statement-breakpoint
ALTER TABLE "ingested_events" ADD COLUMN "imported_by" uuid;--> statement-breakpoint
ALTER TABLE "ingested_events" ADD CONSTRAINT "ingested_events_imported_by_users_id_fk" FOREIGN KEY ("imported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "complaints_buyer_idx" ON "complaints" USING btree ("buyer_id");--> statement-breakpoint
CREATE INDEX "message_threads_buyer_idx" ON "message_threads" USING btree ("buyer_id");--> statement-breakpoint
CREATE INDEX "orders_buyer_idx" ON "orders" USING btree ("buyer_id","seller_id","placed_at");