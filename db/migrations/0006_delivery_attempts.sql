ALTER TABLE "notifications" ADD COLUMN "email_attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "email_next_attempt_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "email_last_error" text;--> statement-breakpoint
ALTER TABLE "outbox_events" ADD COLUMN "last_status" integer;--> statement-breakpoint
CREATE INDEX "notifications_email_pending_idx" ON "notifications" USING btree ("id") WHERE "notifications"."email_status" = 'pending';--> statement-breakpoint
CREATE INDEX "outbox_events_seller_pending_idx" ON "outbox_events" USING btree ("seller_id","id") WHERE "outbox_events"."delivered_at" is null;