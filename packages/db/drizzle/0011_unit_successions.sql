CREATE TYPE "public"."succession_share" AS ENUM('whole', 'part');--> statement-breakpoint
CREATE TABLE "unit_reorganisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"basis" text NOT NULL,
	"effective_on" date NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "unit_successions" ADD COLUMN "share" "succession_share" DEFAULT 'whole' NOT NULL;--> statement-breakpoint
ALTER TABLE "unit_successions" ADD COLUMN "reorganisation_id" uuid;--> statement-breakpoint
ALTER TABLE "unit_successions" ADD CONSTRAINT "unit_successions_reorganisation_id_unit_reorganisations_id_fk" FOREIGN KEY ("reorganisation_id") REFERENCES "public"."unit_reorganisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "unit_successions_successor" ON "unit_successions" USING btree ("successor_id");