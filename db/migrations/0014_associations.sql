CREATE TYPE "public"."association_kind" AS ENUM('sports', 'culture', 'humanitarian', 'scouting', 'church', 'other');--> statement-breakpoint
CREATE TYPE "public"."association_status" AS ENUM('pending', 'approved', 'rejected', 'suspended');--> statement-breakpoint
CREATE TYPE "public"."participation_status" AS ENUM('proposed', 'active', 'completed', 'declined', 'withdrawn', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."task_category" AS ENUM('sport', 'culture', 'shop', 'nature', 'children', 'practical', 'social', 'other');--> statement-breakpoint
CREATE TYPE "public"."task_schedule" AS ENUM('one_off', 'recurring', 'flexible');--> statement-breakpoint
CREATE TYPE "public"."task_status" AS ENUM('draft', 'awaiting_approval', 'open', 'filled', 'closed', 'expired');--> statement-breakpoint
CREATE TABLE "association_invites" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"association_id" uuid NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"token_hash" text NOT NULL,
	"invited_by" uuid,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"accepted_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "association_members" (
	"association_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "association_members_association_id_user_id_pk" PRIMARY KEY("association_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "association_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"association_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"category" "task_category" NOT NULL,
	"town" text NOT NULL,
	"address" text NOT NULL,
	"schedule" "task_schedule" NOT NULL,
	"starts_at" timestamp with time zone,
	"ends_at" timestamp with time zone,
	"recurrence" text,
	"daytime" boolean DEFAULT false NOT NULL,
	"evening" boolean DEFAULT false NOT NULL,
	"places" smallint NOT NULL,
	"places_taken" smallint DEFAULT 0 NOT NULL,
	"minutes_per_occasion" smallint NOT NULL,
	"minimum_age" smallint NOT NULL,
	"contact_name" text NOT NULL,
	"contact_phone" text,
	"contact_email" text,
	"expires_on" date NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"involves_children" boolean DEFAULT false NOT NULL,
	"status" "task_status" DEFAULT 'draft' NOT NULL,
	"submitted_at" timestamp with time zone,
	"approved_by" uuid,
	"published_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "association_tasks_places" CHECK ("association_tasks"."places" between 1 and 500 and "association_tasks"."places_taken" between 0 and "association_tasks"."places"),
	CONSTRAINT "association_tasks_schedule" CHECK ("association_tasks"."schedule" <> 'one_off' or ("association_tasks"."starts_at" is not null and "association_tasks"."ends_at" is not null and "association_tasks"."ends_at" > "association_tasks"."starts_at")),
	CONSTRAINT "association_tasks_recurrence" CHECK ("association_tasks"."schedule" <> 'recurring' or "association_tasks"."recurrence" is not null),
	CONSTRAINT "association_tasks_minutes" CHECK ("association_tasks"."minutes_per_occasion" between 5 and 1440),
	CONSTRAINT "association_tasks_age" CHECK ("association_tasks"."minimum_age" between 13 and 30)
);
--> statement-breakpoint
CREATE TABLE "associations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" "association_kind" NOT NULL,
	"cvr" text,
	"town" text NOT NULL,
	"address" text NOT NULL,
	"website" text,
	"description" text NOT NULL,
	"status" "association_status" DEFAULT 'pending' NOT NULL,
	"publishes_directly" boolean DEFAULT false NOT NULL,
	"decision_note" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "associations_cvr" CHECK ("associations"."cvr" is null or "associations"."cvr" ~ '^[0-9]{8}$')
);
--> statement-breakpoint
CREATE TABLE "task_participations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_id" uuid NOT NULL,
	"youth_id" uuid NOT NULL,
	"pairing_id" uuid,
	"proposed_by" uuid,
	"proposed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"note" text NOT NULL,
	"contact_arrangement" text NOT NULL,
	"status" "participation_status" DEFAULT 'proposed' NOT NULL,
	"answered_by" uuid,
	"answered_at" timestamp with time zone,
	"decline_reason" text,
	"confirmed_minutes" integer,
	"completed_at" timestamp with time zone,
	"completed_by" uuid,
	"ended_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "task_participations_declined" CHECK ("task_participations"."status" <> 'declined' or "task_participations"."decline_reason" is not null),
	CONSTRAINT "task_participations_completed" CHECK (("task_participations"."status" = 'completed') = ("task_participations"."confirmed_minutes" is not null)),
	CONSTRAINT "task_participations_minutes" CHECK ("task_participations"."confirmed_minutes" is null or "task_participations"."confirmed_minutes" between 0 and 100000)
);
--> statement-breakpoint
ALTER TABLE "association_invites" ADD CONSTRAINT "association_invites_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "association_invites" ADD CONSTRAINT "association_invites_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "association_invites" ADD CONSTRAINT "association_invites_accepted_by_users_id_fk" FOREIGN KEY ("accepted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "association_members" ADD CONSTRAINT "association_members_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "association_members" ADD CONSTRAINT "association_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "association_tasks" ADD CONSTRAINT "association_tasks_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "association_tasks" ADD CONSTRAINT "association_tasks_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "association_tasks" ADD CONSTRAINT "association_tasks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "associations" ADD CONSTRAINT "associations_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "associations" ADD CONSTRAINT "associations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_participations" ADD CONSTRAINT "task_participations_task_id_association_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."association_tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_participations" ADD CONSTRAINT "task_participations_youth_id_youths_id_fk" FOREIGN KEY ("youth_id") REFERENCES "public"."youths"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_participations" ADD CONSTRAINT "task_participations_pairing_id_pairings_id_fk" FOREIGN KEY ("pairing_id") REFERENCES "public"."pairings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_participations" ADD CONSTRAINT "task_participations_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_participations" ADD CONSTRAINT "task_participations_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_participations" ADD CONSTRAINT "task_participations_completed_by_users_id_fk" FOREIGN KEY ("completed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "association_invites_token_key" ON "association_invites" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "association_invites_association_idx" ON "association_invites" USING btree ("association_id");--> statement-breakpoint
CREATE UNIQUE INDEX "association_members_user_key" ON "association_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "association_tasks_association_idx" ON "association_tasks" USING btree ("association_id","status");--> statement-breakpoint
CREATE INDEX "association_tasks_visible_idx" ON "association_tasks" USING btree ("town","published_at","id") WHERE "association_tasks"."status" in ('open', 'filled');--> statement-breakpoint
CREATE INDEX "association_tasks_visible_recent_idx" ON "association_tasks" USING btree ("published_at","id") WHERE "association_tasks"."status" in ('open', 'filled');--> statement-breakpoint
CREATE INDEX "association_tasks_tags_idx" ON "association_tasks" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "associations_status_idx" ON "associations" USING btree ("status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "task_participations_open_key" ON "task_participations" USING btree ("task_id","youth_id") WHERE "task_participations"."status" in ('proposed', 'active');--> statement-breakpoint
CREATE INDEX "task_participations_task_idx" ON "task_participations" USING btree ("task_id","status");--> statement-breakpoint
CREATE INDEX "task_participations_youth_idx" ON "task_participations" USING btree ("youth_id","proposed_at");