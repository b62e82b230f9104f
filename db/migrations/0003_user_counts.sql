CREATE TYPE "public"."account_state" AS ENUM('active', 'unverified', 'disabled');--> statement-breakpoint
CREATE TABLE "user_counts" (
	"role" "role" NOT NULL,
	"state" "account_state" NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "user_counts_role_state_pk" PRIMARY KEY("role","state")
);
