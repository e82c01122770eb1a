ALTER TABLE "evaluation_sellers" DROP CONSTRAINT "evaluation_sellers_evaluation_id_evaluations_id_fk";
--> statement-breakpoint
ALTER TABLE "evaluation_sellers" DROP CONSTRAINT "evaluation_sellers_seller_id_sellers_id_fk";
--> statement-breakpoint
ALTER TABLE "seller_metrics" DROP CONSTRAINT "seller_metrics_evaluation_id_evaluations_id_fk";
--> statement-breakpoint
ALTER TABLE "seller_metrics" DROP CONSTRAINT "seller_metrics_seller_id_sellers_id_fk";
--> statement-breakpoint
DROP INDEX "reviews_buyer_idx";--> statement-breakpoint
ALTER TABLE "evaluations" ADD COLUMN "signals_computed_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "order_status_changes_occurred_idx" ON "order_status_changes" USING btree ("occurred_at");--> statement-breakpoint
CREATE INDEX "order_status_changes_cancelled_idx" ON "order_status_changes" USING btree ("order_id","occurred_at") WHERE "order_status_changes"."status" = 'cancelled_by_seller';--> statement-breakpoint
CREATE INDEX "review_rating_changes_occurred_idx" ON "review_rating_changes" USING btree ("occurred_at");--> statement-breakpoint
CREATE INDEX "reviews_buyer_idx" ON "reviews" USING btree ("buyer_id","seller_id","posted_at","id","removed_at");--> statement-breakpoint
-- evaluation_sellers and seller_metrics: the references of a whole statement's rows, checked in one
-- join rather than one foreign-key lookup per row (see the note in db/schema.ts).
CREATE FUNCTION cg_check_evaluation_rows() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
  bad record;
BEGIN
  SELECT n.evaluation_id, n.seller_id, e.id IS NULL AS no_evaluation
    INTO bad
    FROM new_rows n
    LEFT JOIN evaluations e ON e.id = n.evaluation_id
    LEFT JOIN sellers s ON s.id = n.seller_id
   WHERE e.id IS NULL OR s.id IS NULL
   LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION USING
      ERRCODE = 'foreign_key_violation',
      MESSAGE = format('%s: evaluation %s, seller %s: no such %s', TG_TABLE_NAME, bad.evaluation_id, bad.seller_id,
        CASE WHEN bad.no_evaluation THEN 'evaluation' ELSE 'seller' END);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER evaluation_sellers_refs_on_insert AFTER INSERT ON evaluation_sellers
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cg_check_evaluation_rows();
--> statement-breakpoint
CREATE TRIGGER evaluation_sellers_refs_on_update AFTER UPDATE ON evaluation_sellers
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cg_check_evaluation_rows();
--> statement-breakpoint
CREATE TRIGGER seller_metrics_refs_on_insert AFTER INSERT ON seller_metrics
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cg_check_evaluation_rows();
--> statement-breakpoint
CREATE TRIGGER seller_metrics_refs_on_update AFTER UPDATE ON seller_metrics
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cg_check_evaluation_rows();
