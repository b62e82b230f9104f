CREATE TYPE "public"."gender" AS ENUM('female', 'male', 'other', 'unspecified');--> statement-breakpoint
CREATE TYPE "public"."gender_preference" AS ENUM('any', 'female', 'male');--> statement-breakpoint
CREATE TYPE "public"."referral_source" AS ENUM('job_centre', 'youth_unit', 'self', 'other');--> statement-breakpoint
CREATE TYPE "public"."youth_goal" AS ENUM('job', 'education', 'everyday_life', 'social');--> statement-breakpoint
CREATE TYPE "public"."youth_outcome" AS ENUM('ordinary_employment', 'flex_job', 'early_retirement', 'education_fgu', 'education_stu', 'education_eud', 'education_hf', 'education_other', 'public_support', 'other');--> statement-breakpoint
CREATE TYPE "public"."youth_status" AS ENUM('intake', 'ready', 'matched', 'closed');--> statement-breakpoint
CREATE TYPE "public"."pairing_close_kind" AS ENUM('planned', 'unplanned');--> statement-breakpoint
CREATE TYPE "public"."pairing_close_reason" AS ENUM('goal_reached', 'youth_moved', 'youth_withdrew', 'mentor_withdrew', 'poor_fit', 'other');--> statement-breakpoint
CREATE TYPE "public"."pairing_status" AS ENUM('proposed', 'accepted', 'active', 'declined', 'withdrawn', 'closed');--> statement-breakpoint
CREATE TABLE "youths" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"birth_year" smallint NOT NULL,
	"gender" "gender" DEFAULT 'unspecified' NOT NULL,
	"town" text NOT NULL,
	"phone" text,
	"email" text,
	"referral_source" "referral_source" NOT NULL,
	"responsible_coordinator_id" uuid,
	"consent_date" date NOT NULL,
	"consent_scope" text NOT NULL,
	"consent_recorded_by" uuid,
	"interests" text[] DEFAULT '{}'::text[] NOT NULL,
	"goals" "youth_goal"[] DEFAULT '{}'::youth_goal[] NOT NULL,
	"goals_own_words" text,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"availability" text[] DEFAULT '{}'::text[] NOT NULL,
	"after_hours_support" boolean DEFAULT false NOT NULL,
	"preferred_mentor_gender" "gender_preference" DEFAULT 'any' NOT NULL,
	"preferred_mentor_kind" "mentor_kind",
	"shared_summary" text DEFAULT '' NOT NULL,
	"sensitive_notes_encrypted" text,
	"status" "youth_status" DEFAULT 'intake' NOT NULL,
	"ready_since" timestamp with time zone,
	"outcome" "youth_outcome",
	"closed_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "youths_birth_year" CHECK ("youths"."birth_year" between 1900 and 2100),
	CONSTRAINT "youths_ready_since" CHECK ("youths"."status" <> 'ready' or "youths"."ready_since" is not null),
	CONSTRAINT "youths_closed" CHECK (("youths"."status" = 'closed') = ("youths"."closed_at" is not null and "youths"."outcome" is not null))
);
--> statement-breakpoint
CREATE TABLE "pairings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"youth_id" uuid NOT NULL,
	"volunteer_id" uuid NOT NULL,
	"mentor_user_id" uuid NOT NULL,
	"status" "pairing_status" DEFAULT 'proposed' NOT NULL,
	"proposed_by" uuid,
	"proposed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"coordinator_note" text DEFAULT '' NOT NULL,
	"score" integer DEFAULT 0 NOT NULL,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"responded_at" timestamp with time zone,
	"decline_reason" text,
	"kickoff_at" timestamp with time zone,
	"meeting_frequency" text,
	"duration_months" smallint,
	"contact_arrangement" text,
	"after_hours_arrangement" text,
	"agreement_set_at" timestamp with time zone,
	"agreement_confirmed_at" timestamp with time zone,
	"started_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"close_kind" "pairing_close_kind",
	"close_reason" "pairing_close_reason",
	"coordinator_exit_note_encrypted" text,
	"mentor_exit_note" text,
	"rematch_wanted" boolean,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pairings_declined" CHECK ("pairings"."status" <> 'declined' or "pairings"."decline_reason" is not null),
	CONSTRAINT "pairings_active" CHECK ("pairings"."status" not in ('active', 'closed') or "pairings"."agreement_confirmed_at" is null or "pairings"."started_at" is not null),
	CONSTRAINT "pairings_closed" CHECK (("pairings"."status" = 'closed') = ("pairings"."closed_at" is not null and "pairings"."close_reason" is not null and "pairings"."close_kind" is not null)),
	CONSTRAINT "pairings_duration" CHECK ("pairings"."duration_months" is null or "pairings"."duration_months" between 1 and 36)
);
--> statement-breakpoint
ALTER TABLE "volunteers" ADD COLUMN "interests" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "volunteers" ADD COLUMN "languages" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "volunteers" ADD COLUMN "availability" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "volunteers" ADD COLUMN "age_min" smallint;--> statement-breakpoint
ALTER TABLE "volunteers" ADD COLUMN "age_max" smallint;--> statement-breakpoint
ALTER TABLE "volunteers" ADD COLUMN "gender" "gender" DEFAULT 'unspecified' NOT NULL;--> statement-breakpoint
ALTER TABLE "volunteers" ADD COLUMN "youth_gender_preference" "gender_preference" DEFAULT 'any' NOT NULL;--> statement-breakpoint
ALTER TABLE "volunteers" ADD COLUMN "open_pairings" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "youths" ADD CONSTRAINT "youths_responsible_coordinator_id_users_id_fk" FOREIGN KEY ("responsible_coordinator_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "youths" ADD CONSTRAINT "youths_consent_recorded_by_users_id_fk" FOREIGN KEY ("consent_recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "youths" ADD CONSTRAINT "youths_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pairings" ADD CONSTRAINT "pairings_youth_id_youths_id_fk" FOREIGN KEY ("youth_id") REFERENCES "public"."youths"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pairings" ADD CONSTRAINT "pairings_volunteer_id_volunteers_id_fk" FOREIGN KEY ("volunteer_id") REFERENCES "public"."volunteers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pairings" ADD CONSTRAINT "pairings_mentor_user_id_users_id_fk" FOREIGN KEY ("mentor_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pairings" ADD CONSTRAINT "pairings_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "youths_status_idx" ON "youths" USING btree ("status","ready_since","id");--> statement-breakpoint
CREATE INDEX "youths_coordinator_idx" ON "youths" USING btree ("responsible_coordinator_id","status");--> statement-breakpoint
CREATE INDEX "youths_after_hours_idx" ON "youths" USING btree ("after_hours_support","status");--> statement-breakpoint
CREATE INDEX "youths_name_idx" ON "youths" USING gin ((lower("first_name" || ' ' || "last_name")) gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "pairings_open_youth_key" ON "pairings" USING btree ("youth_id") WHERE "pairings"."status" in ('proposed', 'accepted', 'active');--> statement-breakpoint
CREATE INDEX "pairings_mentor_idx" ON "pairings" USING btree ("mentor_user_id","status");--> statement-breakpoint
CREATE INDEX "pairings_volunteer_idx" ON "pairings" USING btree ("volunteer_id","status");--> statement-breakpoint
CREATE INDEX "pairings_youth_idx" ON "pairings" USING btree ("youth_id","created_at");--> statement-breakpoint
CREATE INDEX "volunteers_matchable_idx" ON "volunteers" USING btree ("status","open_pairings","capacity") WHERE "volunteers"."status" = 'approved';--> statement-breakpoint
ALTER TABLE "volunteers" ADD CONSTRAINT "volunteers_open_pairings" CHECK ("volunteers"."open_pairings" between 0 and coalesce("volunteers"."capacity", 0));