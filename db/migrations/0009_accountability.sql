-- Accountability (issue: statements of reasons, appeals, the policy with a preview, the audit export).
CREATE TYPE "public"."appeal_status" AS ENUM('waiting', 'upheld', 'overturned');--> statement-breakpoint
CREATE TYPE "public"."appeal_subject" AS ENUM('exclusion', 'extension');--> statement-breakpoint
CREATE TABLE "appeals" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "appeals_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"case_id" bigint NOT NULL,
	"seller_id" bigint NOT NULL,
	"subject" "appeal_subject" NOT NULL,
	"decision_id" bigint,
	"reason" text NOT NULL,
	"evidence" text,
	"submitted_by" uuid NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"status" "appeal_status" DEFAULT 'waiting' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_reason" text,
	CONSTRAINT "appeals_subject_decision" CHECK (("appeals"."subject" = 'extension') = ("appeals"."decision_id" is not null)),
	CONSTRAINT "appeals_decided_fields" CHECK (("appeals"."status" = 'waiting') = ("appeals"."decided_at" is null) and ("appeals"."decided_at" is null) = ("appeals"."decided_by" is null) and ("appeals"."decided_at" is null) = ("appeals"."decision_reason" is null))
);
--> statement-breakpoint
ALTER TABLE "evaluations" ADD COLUMN "snapshot_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "scoring_policies" ADD COLUMN "activated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "scoring_policies" ADD COLUMN "activated_by" uuid;--> statement-breakpoint
ALTER TABLE "scoring_policies" ADD COLUMN "activation_reason" text;--> statement-breakpoint
-- Before the editor every stored version was the active one from its creation: they are all activated versions.
UPDATE "scoring_policies" SET "activated_at" = "created_at", "activation_reason" = coalesce("note", 'Active from its creation');--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "password_change_required" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "appeals" ADD CONSTRAINT "appeals_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeals" ADD CONSTRAINT "appeals_seller_id_sellers_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."sellers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeals" ADD CONSTRAINT "appeals_decision_id_case_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."case_decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeals" ADD CONSTRAINT "appeals_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeals" ADD CONSTRAINT "appeals_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "appeals_once_per_decision_idx" ON "appeals" USING btree ("case_id",coalesce("decision_id", 0));--> statement-breakpoint
CREATE INDEX "appeals_waiting_idx" ON "appeals" USING btree ("submitted_at","id") WHERE "appeals"."status" = 'waiting';--> statement-breakpoint
CREATE INDEX "appeals_seller_idx" ON "appeals" USING btree ("seller_id","submitted_at");--> statement-breakpoint
ALTER TABLE "scoring_policies" ADD CONSTRAINT "scoring_policies_activated_by_users_id_fk" FOREIGN KEY ("activated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_actor_seq_idx" ON "audit_log" USING btree ("actor_user_id","seq");--> statement-breakpoint
CREATE INDEX "audit_log_role_seq_idx" ON "audit_log" USING btree ("actor_role","seq");--> statement-breakpoint
CREATE INDEX "audit_log_action_seq_idx" ON "audit_log" USING btree ("action","seq");--> statement-breakpoint
CREATE INDEX "audit_log_seller_seq_idx" ON "audit_log" USING btree ("seller_id","seq");--> statement-breakpoint
CREATE INDEX "audit_log_occurred_seq_idx" ON "audit_log" USING btree ("occurred_at","seq");--> statement-breakpoint
CREATE INDEX "audit_log_case_seq_idx" ON "audit_log" USING btree ((coalesce("after" ->> 'caseId', "before" ->> 'caseId', case when "entity_type" = 'case' then "entity_id" end)),"seq");--> statement-breakpoint
CREATE UNIQUE INDEX "scoring_policies_one_draft_idx" ON "scoring_policies" USING btree ((true)) WHERE "scoring_policies"."activated_at" is null;--> statement-breakpoint
CREATE INDEX "scoring_policies_activated_idx" ON "scoring_policies" USING btree ("activated_at");