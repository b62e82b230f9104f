CREATE TYPE "public"."check_in_mood" AS ENUM('well', 'mixed', 'poorly');--> statement-breakpoint
CREATE TYPE "public"."check_in_with" AS ENUM('mentor', 'youth', 'both');--> statement-breakpoint
CREATE TYPE "public"."contact_channel" AS ENUM('meeting', 'phone', 'video', 'message', 'other');--> statement-breakpoint
CREATE TYPE "public"."safety_escalation" AS ENUM('team_lead', 'social_services', 'police', 'other');--> statement-breakpoint
CREATE TYPE "public"."good_fit" AS ENUM('yes', 'unsure', 'no');--> statement-breakpoint
CREATE TABLE "pairing_check_ins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pairing_id" uuid NOT NULL,
	"recorded_by" uuid,
	"held_on" date NOT NULL,
	"spoke_with" "check_in_with" NOT NULL,
	"mood" "check_in_mood" NOT NULL,
	"progress_encrypted" text NOT NULL,
	"safety_concern" boolean NOT NULL,
	"escalated_to" "safety_escalation",
	"safety_note_encrypted" text,
	"next_step" text NOT NULL,
	"good_fit" "good_fit",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pairing_check_ins_safety" CHECK (not "pairing_check_ins"."safety_concern" or ("pairing_check_ins"."escalated_to" is not null and "pairing_check_ins"."safety_note_encrypted" is not null))
);
--> statement-breakpoint
CREATE TABLE "pairing_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pairing_id" uuid NOT NULL,
	"logged_by" uuid,
	"occurred_at" timestamp with time zone NOT NULL,
	"duration_minutes" smallint NOT NULL,
	"channel" "contact_channel" NOT NULL,
	"note_encrypted" text,
	"after_hours" boolean NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pairing_contacts_duration" CHECK ("pairing_contacts"."duration_minutes" between 1 and 1440)
);
--> statement-breakpoint
CREATE TABLE "pairing_help_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pairing_id" uuid NOT NULL,
	"requested_by" uuid,
	"message_encrypted" text NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"handled_at" timestamp with time zone,
	"handled_by" uuid
);
--> statement-breakpoint
ALTER TABLE "pairings" ADD COLUMN "mentor_exit_note_encrypted" text;--> statement-breakpoint
ALTER TABLE "pairings" ADD COLUMN "mentor_exit_note_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "pairings" ADD COLUMN "help_requested_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "pairings" ADD COLUMN "safety_concern_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "pairing_check_ins" ADD CONSTRAINT "pairing_check_ins_pairing_id_pairings_id_fk" FOREIGN KEY ("pairing_id") REFERENCES "public"."pairings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pairing_check_ins" ADD CONSTRAINT "pairing_check_ins_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pairing_contacts" ADD CONSTRAINT "pairing_contacts_pairing_id_pairings_id_fk" FOREIGN KEY ("pairing_id") REFERENCES "public"."pairings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pairing_contacts" ADD CONSTRAINT "pairing_contacts_logged_by_users_id_fk" FOREIGN KEY ("logged_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pairing_help_requests" ADD CONSTRAINT "pairing_help_requests_pairing_id_pairings_id_fk" FOREIGN KEY ("pairing_id") REFERENCES "public"."pairings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pairing_help_requests" ADD CONSTRAINT "pairing_help_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pairing_help_requests" ADD CONSTRAINT "pairing_help_requests_handled_by_users_id_fk" FOREIGN KEY ("handled_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pairing_check_ins_pairing_idx" ON "pairing_check_ins" USING btree ("pairing_id","held_on");--> statement-breakpoint
CREATE INDEX "pairing_contacts_pairing_idx" ON "pairing_contacts" USING btree ("pairing_id","occurred_at");--> statement-breakpoint
CREATE INDEX "pairing_help_requests_pairing_idx" ON "pairing_help_requests" USING btree ("pairing_id","requested_at");--> statement-breakpoint
ALTER TABLE "pairings" DROP COLUMN "mentor_exit_note";