CREATE TYPE "public"."course_attendance" AS ENUM('attended', 'no_show');--> statement-breakpoint
CREATE TYPE "public"."course_booking_end_reason" AS ENUM('by_you', 'by_coordinator', 'session_cancelled', 'offer_declined', 'offer_expired', 'moved');--> statement-breakpoint
CREATE TYPE "public"."course_booking_status" AS ENUM('confirmed', 'waitlisted', 'offered', 'cancelled', 'expired');--> statement-breakpoint
CREATE TYPE "public"."course_kind" AS ENUM('introduction', 'jobcenter', 'network_meeting', 'other');--> statement-breakpoint
CREATE TYPE "public"."course_session_status" AS ENUM('scheduled', 'cancelled');--> statement-breakpoint
CREATE TABLE "course_bookings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"status" "course_booking_status" NOT NULL,
	"seq" integer NOT NULL,
	"confirmed_at" timestamp with time zone,
	"offered_at" timestamp with time zone,
	"offer_expires_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"end_reason" "course_booking_end_reason",
	"ended_by" uuid,
	"attendance" "course_attendance",
	"attendance_by" uuid,
	"attendance_at" timestamp with time zone,
	"reminded_soon_at" timestamp with time zone,
	"reminded_today_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "course_bookings_seq_key" UNIQUE("session_id","seq"),
	CONSTRAINT "course_bookings_offer" CHECK (("course_bookings"."status" = 'offered') = ("course_bookings"."offer_expires_at" is not null)),
	CONSTRAINT "course_bookings_ended" CHECK (("course_bookings"."status" in ('cancelled', 'expired')) = ("course_bookings"."ended_at" is not null and "course_bookings"."end_reason" is not null)),
	CONSTRAINT "course_bookings_attendance" CHECK ("course_bookings"."attendance" is null or "course_bookings"."status" = 'confirmed')
);
--> statement-breakpoint
CREATE TABLE "course_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"course_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"town" text,
	"address" text,
	"online" boolean DEFAULT false NOT NULL,
	"online_url" text,
	"capacity" integer NOT NULL,
	"booking_opens_at" timestamp with time zone,
	"booking_closes_at" timestamp with time zone,
	"cancellation_hours" integer DEFAULT 24 NOT NULL,
	"waitlist_enabled" boolean DEFAULT true NOT NULL,
	"status" "course_session_status" DEFAULT 'scheduled' NOT NULL,
	"cancelled_at" timestamp with time zone,
	"cancelled_by" uuid,
	"confirmed_count" integer DEFAULT 0 NOT NULL,
	"offered_count" integer DEFAULT 0 NOT NULL,
	"waitlist_count" integer DEFAULT 0 NOT NULL,
	"last_seq" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "course_sessions_times" CHECK ("course_sessions"."ends_at" > "course_sessions"."starts_at"),
	CONSTRAINT "course_sessions_capacity" CHECK ("course_sessions"."capacity" between 1 and 1000),
	CONSTRAINT "course_sessions_seats" CHECK ("course_sessions"."confirmed_count" + "course_sessions"."offered_count" <= "course_sessions"."capacity"),
	CONSTRAINT "course_sessions_counts" CHECK ("course_sessions"."confirmed_count" >= 0 and "course_sessions"."offered_count" >= 0 and "course_sessions"."waitlist_count" >= 0),
	CONSTRAINT "course_sessions_cancellation_hours" CHECK ("course_sessions"."cancellation_hours" between 0 and 720),
	CONSTRAINT "course_sessions_place" CHECK ("course_sessions"."online" or "course_sessions"."address" is not null),
	CONSTRAINT "course_sessions_cancelled" CHECK (("course_sessions"."status" = 'cancelled') = ("course_sessions"."cancelled_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "courses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"kind" "course_kind" NOT NULL,
	"audience" "mentor_kind"[] DEFAULT '{}'::mentor_kind[] NOT NULL,
	"open_to_all" boolean DEFAULT false NOT NULL,
	"training_minutes" integer DEFAULT 0 NOT NULL,
	"required_before_matching" boolean DEFAULT false NOT NULL,
	"archived_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "courses_training_minutes" CHECK ("courses"."training_minutes" between 0 and 6000)
);
--> statement-breakpoint
CREATE TABLE "training_credits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"booking_id" uuid NOT NULL,
	"course_id" uuid NOT NULL,
	"minutes" integer NOT NULL,
	"credited_by" uuid,
	"credited_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_credits_booking_key" UNIQUE("booking_id")
);
--> statement-breakpoint
ALTER TABLE "course_bookings" ADD CONSTRAINT "course_bookings_session_id_course_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."course_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_bookings" ADD CONSTRAINT "course_bookings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_bookings" ADD CONSTRAINT "course_bookings_ended_by_users_id_fk" FOREIGN KEY ("ended_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_bookings" ADD CONSTRAINT "course_bookings_attendance_by_users_id_fk" FOREIGN KEY ("attendance_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_sessions" ADD CONSTRAINT "course_sessions_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_sessions" ADD CONSTRAINT "course_sessions_cancelled_by_users_id_fk" FOREIGN KEY ("cancelled_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_sessions" ADD CONSTRAINT "course_sessions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "courses" ADD CONSTRAINT "courses_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_credits" ADD CONSTRAINT "training_credits_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_credits" ADD CONSTRAINT "training_credits_booking_id_course_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."course_bookings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_credits" ADD CONSTRAINT "training_credits_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_credits" ADD CONSTRAINT "training_credits_credited_by_users_id_fk" FOREIGN KEY ("credited_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "course_bookings_active_key" ON "course_bookings" USING btree ("session_id","user_id") WHERE "course_bookings"."status" in ('confirmed', 'waitlisted', 'offered');--> statement-breakpoint
CREATE INDEX "course_bookings_user_idx" ON "course_bookings" USING btree ("user_id","status");--> statement-breakpoint
CREATE INDEX "course_bookings_session_idx" ON "course_bookings" USING btree ("session_id","status","seq");--> statement-breakpoint
CREATE INDEX "course_bookings_offers_idx" ON "course_bookings" USING btree ("offer_expires_at") WHERE "course_bookings"."status" = 'offered';--> statement-breakpoint
CREATE INDEX "course_sessions_catalogue_idx" ON "course_sessions" USING btree ("status","starts_at","id");--> statement-breakpoint
CREATE INDEX "course_sessions_course_idx" ON "course_sessions" USING btree ("course_id","starts_at");--> statement-breakpoint
CREATE INDEX "course_sessions_town_idx" ON "course_sessions" USING btree (lower("town"),"starts_at");--> statement-breakpoint
CREATE INDEX "training_credits_user_idx" ON "training_credits" USING btree ("user_id","credited_at");