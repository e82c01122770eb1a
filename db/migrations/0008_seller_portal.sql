-- The seller portal (issue: live standing, the guided exclusion, the Problem → Solution letter).
ALTER TYPE "public"."outbox_event_type" ADD VALUE 'review.replied';--> statement-breakpoint
DROP INDEX "review_replies_review_idx";--> statement-breakpoint
ALTER TABLE "case_reviews" ADD COLUMN "resolution_note" text;--> statement-breakpoint
ALTER TABLE "case_reviews" ADD COLUMN "resolved_by" uuid;--> statement-breakpoint
ALTER TABLE "letters" ADD COLUMN "submit_key" uuid;--> statement-breakpoint
ALTER TABLE "case_reviews" ADD CONSTRAINT "case_reviews_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "letters_submit_key_idx" ON "letters" USING btree ("case_id","submit_key");--> statement-breakpoint
CREATE UNIQUE INDEX "letters_one_draft_idx" ON "letters" USING btree ("case_id") WHERE "letters"."status" = 'draft';--> statement-breakpoint
CREATE INDEX "notifications_unread_idx" ON "notifications" USING btree ("seller_id") WHERE "notifications"."read_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "review_replies_review_idx" ON "review_replies" USING btree ("review_id");--> statement-breakpoint
-- A submitted letter is immutable (SPEC: "a submitted letter is immutable; a revised letter is a new
-- version"): the database refuses to change or delete it or its items, whatever the application does.
CREATE FUNCTION cg_refuse_submitted_letter_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'letter % is submitted and cannot be changed', OLD.id USING ERRCODE = 'integrity_constraint_violation';
END $$;
--> statement-breakpoint
CREATE TRIGGER letters_submitted_immutable BEFORE UPDATE OR DELETE ON "letters"
  FOR EACH ROW WHEN (OLD.status = 'submitted') EXECUTE FUNCTION cg_refuse_submitted_letter_change();
--> statement-breakpoint
CREATE FUNCTION cg_refuse_submitted_letter_item_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed_letter bigint := CASE WHEN TG_OP = 'INSERT' THEN NEW.letter_id ELSE OLD.letter_id END;
BEGIN
  IF EXISTS (SELECT 1 FROM letters WHERE id = changed_letter AND status = 'submitted') THEN
    RAISE EXCEPTION 'letter % is submitted: its items cannot be changed', changed_letter USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
--> statement-breakpoint
CREATE TRIGGER letter_items_submitted_immutable BEFORE INSERT OR UPDATE OR DELETE ON "letter_items"
  FOR EACH ROW EXECUTE FUNCTION cg_refuse_submitted_letter_item_change();
