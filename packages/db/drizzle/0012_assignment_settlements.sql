CREATE TYPE "public"."assignment_settlement_status" AS ENUM('held', 'sent');--> statement-breakpoint
CREATE TABLE "assignment_settlements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"doc_name" text NOT NULL,
	"row_id" text NOT NULL,
	"directive_id" uuid,
	"meeting_id" uuid,
	"fields" jsonb NOT NULL,
	"status" "assignment_settlement_status" NOT NULL,
	"task_id" uuid,
	"settled_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "assignment_settlements" ADD CONSTRAINT "assignment_settlements_directive_id_directives_id_fk" FOREIGN KEY ("directive_id") REFERENCES "public"."directives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_settlements" ADD CONSTRAINT "assignment_settlements_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_settlements" ADD CONSTRAINT "assignment_settlements_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_settlements" ADD CONSTRAINT "assignment_settlements_settled_by_users_id_fk" FOREIGN KEY ("settled_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "assignment_settlements_row" ON "assignment_settlements" USING btree ("doc_name","row_id");--> statement-breakpoint
CREATE UNIQUE INDEX "assignment_settlements_task" ON "assignment_settlements" USING btree ("task_id");--> statement-breakpoint
CREATE INDEX "assignment_settlements_directive" ON "assignment_settlements" USING btree ("directive_id");--> statement-breakpoint
CREATE INDEX "assignment_settlements_meeting" ON "assignment_settlements" USING btree ("meeting_id");