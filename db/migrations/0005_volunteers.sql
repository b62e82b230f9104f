CREATE TYPE "public"."attest_result" AS ENUM('ok', 'not_ok', 'not_required');--> statement-breakpoint
CREATE TYPE "public"."check_state" AS ENUM('pending', 'passed', 'failed', 'waived');--> statement-breakpoint
CREATE TYPE "public"."mentor_kind" AS ENUM('business', 'civil_society', 'company');--> statement-breakpoint
CREATE TYPE "public"."reference_outcome" AS ENUM('positive', 'negative', 'unreachable');--> statement-breakpoint
CREATE TYPE "public"."rejection_reason" AS ENUM('not_eligible', 'references', 'criminal_record', 'interview', 'capacity', 'other');--> statement-breakpoint
CREATE TYPE "public"."vetting_step" AS ENUM('interview', 'references', 'criminal_record', 'code_of_conduct', 'training');--> statement-breakpoint
CREATE TYPE "public"."volunteer_status" AS ENUM('draft', 'submitted', 'approved', 'paused', 'rejected', 'withdrawn', 'expired');--> statement-breakpoint
CREATE TABLE "app_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vetting_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"volunteer_id" uuid NOT NULL,
	"step" "vetting_step" NOT NULL,
	"state" "check_state" DEFAULT 'pending' NOT NULL,
	"done_by" uuid,
	"done_at" timestamp with time zone,
	"note_encrypted" text,
	"waiver_reason" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "vetting_checks_step_key" UNIQUE("volunteer_id","step"),
	CONSTRAINT "vetting_checks_waiver_reason" CHECK (("vetting_checks"."state" = 'waived') = ("vetting_checks"."waiver_reason" is not null and length(trim("vetting_checks"."waiver_reason")) > 0))
);
--> statement-breakpoint
CREATE TABLE "vetting_policies" (
	"kind" "mentor_kind" PRIMARY KEY NOT NULL,
	"required_steps" "vetting_step"[] NOT NULL,
	"references_required" integer DEFAULT 2 NOT NULL,
	"attest_renewal_months" integer DEFAULT 24 NOT NULL,
	"required_course_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "vetting_policies_references" CHECK ("vetting_policies"."references_required" between 0 and 5),
	CONSTRAINT "vetting_policies_renewal" CHECK ("vetting_policies"."attest_renewal_months" > 0)
);
--> statement-breakpoint
CREATE TABLE "volunteer_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"volunteer_id" uuid NOT NULL,
	"author_id" uuid,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "volunteer_references" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"volunteer_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"name" text NOT NULL,
	"relation" text NOT NULL,
	"phone" text,
	"email" text,
	"outcome" "reference_outcome",
	"note_encrypted" text,
	"checked_by" uuid,
	"checked_at" timestamp with time zone,
	CONSTRAINT "volunteer_references_position_key" UNIQUE("volunteer_id","position"),
	CONSTRAINT "volunteer_references_position_range" CHECK ("volunteer_references"."position" >= 1),
	CONSTRAINT "volunteer_references_contact" CHECK ("volunteer_references"."phone" is not null or "volunteer_references"."email" is not null),
	CONSTRAINT "volunteer_references_checked" CHECK (("volunteer_references"."outcome" is null) = ("volunteer_references"."checked_at" is null))
);
--> statement-breakpoint
CREATE TABLE "volunteers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" "mentor_kind" NOT NULL,
	"status" "volunteer_status" DEFAULT 'draft' NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"town" text,
	"after_hours_reachable" boolean DEFAULT false NOT NULL,
	"capacity" smallint,
	"submitted_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"rejection_reason" "rejection_reason",
	"decision_note_encrypted" text,
	"approved_until" date,
	"renewal_notified_at" timestamp with time zone,
	"responsible_coordinator_id" uuid,
	"checks_passed" integer DEFAULT 0 NOT NULL,
	"checks_required" integer DEFAULT 0 NOT NULL,
	"next_step" "vetting_step",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "volunteers_user_key" UNIQUE("user_id"),
	CONSTRAINT "volunteers_capacity_range" CHECK ("volunteers"."capacity" between 1 and 3),
	CONSTRAINT "volunteers_submitted_at" CHECK ("volunteers"."status" in ('draft', 'withdrawn') or "volunteers"."submitted_at" is not null),
	CONSTRAINT "volunteers_approved_until" CHECK ("volunteers"."status" not in ('approved', 'paused') or "volunteers"."approved_until" is not null),
	CONSTRAINT "volunteers_rejection_reason" CHECK (("volunteers"."status" = 'rejected') = ("volunteers"."rejection_reason" is not null)),
	CONSTRAINT "volunteers_checks_range" CHECK ("volunteers"."checks_passed" between 0 and "volunteers"."checks_required")
);
--> statement-breakpoint
ALTER TABLE "app_settings" ADD CONSTRAINT "app_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vetting_checks" ADD CONSTRAINT "vetting_checks_volunteer_id_volunteers_id_fk" FOREIGN KEY ("volunteer_id") REFERENCES "public"."volunteers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vetting_checks" ADD CONSTRAINT "vetting_checks_done_by_users_id_fk" FOREIGN KEY ("done_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vetting_policies" ADD CONSTRAINT "vetting_policies_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_messages" ADD CONSTRAINT "volunteer_messages_volunteer_id_volunteers_id_fk" FOREIGN KEY ("volunteer_id") REFERENCES "public"."volunteers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_messages" ADD CONSTRAINT "volunteer_messages_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_references" ADD CONSTRAINT "volunteer_references_volunteer_id_volunteers_id_fk" FOREIGN KEY ("volunteer_id") REFERENCES "public"."volunteers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_references" ADD CONSTRAINT "volunteer_references_checked_by_users_id_fk" FOREIGN KEY ("checked_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteers" ADD CONSTRAINT "volunteers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteers" ADD CONSTRAINT "volunteers_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteers" ADD CONSTRAINT "volunteers_responsible_coordinator_id_users_id_fk" FOREIGN KEY ("responsible_coordinator_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "volunteer_messages_volunteer_idx" ON "volunteer_messages" USING btree ("volunteer_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "volunteers_status_submitted_idx" ON "volunteers" USING btree ("status","submitted_at","id");--> statement-breakpoint
CREATE INDEX "volunteers_kind_idx" ON "volunteers" USING btree ("kind","status");--> statement-breakpoint
CREATE INDEX "volunteers_town_idx" ON "volunteers" USING btree (lower("town"),"id");--> statement-breakpoint
CREATE INDEX "volunteers_coordinator_idx" ON "volunteers" USING btree ("responsible_coordinator_id","status");--> statement-breakpoint
CREATE INDEX "volunteers_approved_until_idx" ON "volunteers" USING btree ("approved_until") WHERE "volunteers"."status" in ('approved', 'paused');--> statement-breakpoint
CREATE INDEX "volunteers_progress_idx" ON "volunteers" USING btree ("status","checks_passed","checks_required");